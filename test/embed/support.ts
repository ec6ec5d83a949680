import { afterEach, vi } from 'vitest';

import { mount, type Embed, type EmbedEventMap, type MountOptions } from '../../src/index';
import { SEED } from '../../src/mock/seed';
import { usePlatform } from '../support/platform';

/** The seeded products, by name. */
export const PRODUCTS = SEED.products;

/**
 * Starts the mock platform for an embed test file, and after each test empties the page, puts
 * its address back and restores the console.
 */
export function useEmbedPlatform() {
  const platform = usePlatform();

  afterEach(() => {
    document.head.replaceChildren();
    document.body.replaceChildren();
    document.documentElement.removeAttribute('lang');
    localStorage.clear();
    sessionStorage.clear();
    history.replaceState(null, '', '/');
  });

  /** Mounts a configurator in a fresh element of the page and waits until it has loaded. */
  async function mountProduct(
    productId: string,
    options: Partial<MountOptions> = {},
  ): Promise<Embed> {
    const embed = mount(host(), { client: platform.client(), productId, ...options });
    await embed.ready;

    return embed;
  }

  return { ...platform, mountProduct };
}

/** A fresh element in the page's body to mount on. */
export function host(): HTMLElement {
  const element = document.createElement('div');
  document.body.append(element);

  return element;
}

/** Silences the console for a test and returns the spies, to read what the embed wrote. */
export function quietConsole() {
  return {
    error: vi.spyOn(console, 'error').mockImplementation(() => undefined),
    warn: vi.spyOn(console, 'warn').mockImplementation(() => undefined),
  };
}

/** Everything written to the console's spies, as one text. */
export function written(spies: ReturnType<typeof quietConsole>): string {
  return [...spies.error.mock.calls, ...spies.warn.mock.calls].flat().map(String).join('\n');
}

/** The control a label names, from the label's text up to any price. */
export function control<T extends HTMLElement = HTMLInputElement>(
  root: ParentNode,
  label: string,
): T {
  const found = [...root.querySelectorAll('label')].find(
    (candidate) => candidate.firstChild?.textContent?.trim() === label,
  );
  const element = found?.control;

  if (element === null || element === undefined) throw new Error(`No control is labelled ${label}`);

  return element as unknown as T;
}

/** The radios of the group a legend names, by value. */
export function radios(root: ParentNode, legend: string): Map<string, HTMLInputElement> {
  const fieldset = [...root.querySelectorAll('fieldset')].find(
    (candidate) => candidate.querySelector('legend')?.textContent === legend,
  );

  if (fieldset === undefined) throw new Error(`No group has the legend ${legend}`);

  return new Map(
    [...fieldset.querySelectorAll<HTMLInputElement>('input[type=radio]')].map((radio) => [
      radio.value,
      radio,
    ]),
  );
}

/** Sets a select's or an input's value as a shopper would, and fires `change`. */
export function enter(element: HTMLInputElement | HTMLSelectElement, value: string): void {
  element.value = value;
  element.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The shown price, as text. */
export function shownPrice(embed: Embed): string {
  return embed.element.querySelector('output')?.textContent ?? '';
}

/** Resolves with the next event of a name on an element. */
export function nextEvent<Name extends keyof EmbedEventMap>(
  element: HTMLElement,
  name: Name,
): Promise<EmbedEventMap[Name]> {
  return new Promise((resolve) => {
    element.addEventListener(name, (event) => resolve(event as EmbedEventMap[Name]), {
      once: true,
    });
  });
}
