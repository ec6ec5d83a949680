import { UsageError } from '../errors/classes';
import type { MountOptions, SelectStyle } from './options';
import { resolveAddress } from './stylesheet';

/** `mount`'s options after checking, with defaults applied. */
export interface MountSettings {
  selectStyle: SelectStyle;
  headingLevel: number;
  analytics: boolean;
}

/**
 * Checks what `mount` was given, and throws a `UsageError` that says what to pass. Mistakes in
 * the calling code fail here, at once; failures of the platform show in the embed instead.
 */
export function checkMountOptions(element: unknown, options: unknown): MountSettings {
  if (typeof HTMLElement === 'undefined') {
    throw new UsageError(
      'no_browser',
      'mount runs only in a browser page: there is no DOM here. On a server, use the client alone.',
    );
  }

  if (!(element instanceof HTMLElement)) {
    throw invalid('mount needs an element of this page: mount(element, { client, productId }).');
  }

  if (element.querySelector(':scope > [data-configurator-embed]') !== null) {
    throw invalid('mount: a configurator is already mounted on this element; destroy() it first.');
  }

  if (typeof options !== 'object' || options === null) {
    throw invalid('mount needs options: mount(element, { client, productId }).');
  }

  const { client, productId, selectStyle, headingLevel, analytics, stylesheet } =
    options as Partial<Record<keyof MountOptions, unknown>>;
  const loads = (client as { configurator?: { load?: unknown } } | undefined)?.configurator?.load;

  if (typeof loads !== 'function') {
    throw invalid('mount needs options.client: a client from createClient({ token, apiUrl }).');
  }
  if (typeof productId !== 'string') {
    throw invalid("mount needs options.productId: the product's UUID.");
  }
  // Left out, each takes its default.
  if (![undefined, 'auto', 'select', 'radio'].includes(selectStyle as string)) {
    throw invalid("mount: selectStyle must be 'auto', 'select' or 'radio'.");
  }
  if (![undefined, 2, 3, 4, 5, 6].includes(headingLevel as number)) {
    throw invalid('mount: headingLevel must be 2, 3, 4, 5 or 6.');
  }
  if (stylesheet !== undefined && resolveAddress(stylesheet) === null) {
    throw invalid(
      'mount: stylesheet must be the address of configurator-embed.css, such as https://cdn.example.com/configurator-embed.css or /configurator-embed.css.',
    );
  }

  return {
    selectStyle: (selectStyle as SelectStyle | undefined) ?? 'auto',
    headingLevel: (headingLevel as number | undefined) ?? 2,
    analytics: analytics !== false,
  };
}

function invalid(message: string): UsageError {
  return new UsageError('invalid_option', message);
}
