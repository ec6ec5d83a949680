import { createClient, type Client } from '../client/create-client';
import { mount } from './mount';
import type { MountOptions } from './options';
import { shopperMessage } from './messages';
import { reportToConsole, warn } from './report';
import { errorView } from './status-views';
import { resolveAddress } from './stylesheet';

/** Marks a page where a copy of the script-tag bundle already initialized. */
const LOADED = Symbol.for('configurator-embed.script-tag');

/** What the script tag's `data-*` attributes say. */
interface ScriptSettings {
  token: string | undefined;
  apiUrl: string | undefined;
  /** What every configurator is mounted with besides its client and product. */
  extras: Pick<MountOptions, 'stylesheet' | 'nonce'>;
}

/**
 * Sets up the script-tag bundle: the first copy on a page mounts a configurator in every
 * `[data-configurator-product]` element once the DOM is ready, using the token and platform
 * address from its own `<script data-token data-api-url>`. A second copy warns once and does
 * nothing. An existing `window.ConfiguratorEmbed` is never replaced.
 *
 * @param api The SDK's exports, which become `window.ConfiguratorEmbed` where it is free.
 * @param script The bundle's `<script>`, as `document.currentScript` was while it ran.
 * @returns What `window.ConfiguratorEmbed` should be: the existing one if any, else `api`.
 */
export function startScriptTag<Api>(api: Api, script: Element | null): Api {
  const page = window as unknown as Record<PropertyKey, unknown>;
  const existing = page.ConfiguratorEmbed as Api | undefined;
  const loaded = page[LOADED] as { warned: boolean } | undefined;

  if (loaded !== undefined) {
    if (!loaded.warned) {
      loaded.warned = true;
      warn('the script is on this page twice; the second copy does nothing. Load it once.');
    }

    return existing ?? api;
  }

  Object.defineProperty(page, LOADED, { value: { warned: false }, configurable: true });

  if (existing !== undefined) {
    warn('window.ConfiguratorEmbed is already taken by another script; it was left as it is.');
  }

  const settings = readSettings(script);
  const start = (): void => {
    autoMount(settings);
  };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start, { once: true });
  } else {
    start();
  }

  return existing ?? api;
}

/**
 * Mounts a configurator in every `[data-configurator-product]` element not yet mounted, each on
 * its own: an element that cannot take one shows why and is reported, and the rest still mount.
 */
function autoMount(settings: ScriptSettings): void {
  const elements = [...document.querySelectorAll('[data-configurator-product]')].filter(
    (element) => element.querySelector(':scope > [data-configurator-embed]') === null,
  );

  if (elements.length === 0) return;

  let client: Client;
  try {
    client = createClient({ token: settings.token as string, apiUrl: settings.apiUrl as string });
  } catch (error) {
    // A token or address the script tag got wrong: every element says so, the console says how.
    reportToConsole(error, 'load', elements.map(productOf).join(', '));
    for (const element of elements) element.append(errorView(shopperMessage(error, 'load')));

    return;
  }

  for (const element of elements) {
    const productId = productOf(element);

    // Mistakes in one element's markup (an SVG element, say) must not stop the others.
    try {
      mount(element as HTMLElement, { client, productId, ...settings.extras });
    } catch (error) {
      reportToConsole(error, 'load', productId);
      element.append(errorView(shopperMessage(error, 'load')));
    }
  }
}

function productOf(element: Element): string {
  return element.getAttribute('data-configurator-product') ?? '';
}

/**
 * Reads the script tag: `data-token`, `data-api-url`, `data-nonce` (else the script's own
 * nonce) and `data-stylesheet` (else `configurator-embed.css` beside the script; `none` to
 * link nothing).
 */
function readSettings(script: Element | null): ScriptSettings {
  const tag = script instanceof HTMLScriptElement ? script : null;
  const data = tag?.dataset ?? {};
  const nonce = data.nonce ?? (tag?.nonce === '' ? undefined : tag?.nonce);
  const beside = tag?.src && data.stylesheet === undefined ? besideScript(tag.src) : undefined;
  const stylesheet = data.stylesheet === 'none' ? undefined : (data.stylesheet ?? beside);
  const extras: ScriptSettings['extras'] = {};

  if (stylesheet !== undefined) extras.stylesheet = stylesheet;
  if (nonce !== undefined) extras.nonce = nonce;

  return { token: data.token, apiUrl: data.apiUrl, extras };
}

/**
 * The address of `configurator-embed.css` beside the script. A script without an address to
 * resolve against (loaded from a `blob:` or `data:` URL) links none, and the console says so.
 */
function besideScript(src: string): string | undefined {
  const address = resolveAddress('configurator-embed.css', src);

  if (address === null) {
    warn(
      'no stylesheet was linked: configurator-embed.css has no address beside this script (loaded from a blob: or data: URL?). Set data-stylesheet to its address, or to "none" where the page links it.',
    );
  }

  return address ?? undefined;
}
