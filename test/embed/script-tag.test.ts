import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { startScriptTag } from '../../src/embed/auto-mount';
import * as api from '../../src/index';
import { createBrowserFetch } from '../../src/mock/browser-fetch';
import { SEED } from '../../src/mock/seed';
import { API_URL } from '../support/platform';
import { PRODUCTS, nextEvent, quietConsole, useEmbedPlatform, written } from './support';

useEmbedPlatform();

const LOADED = Symbol.for('configurator-embed.script-tag');
const BUNDLE = join(process.cwd(), 'dist/configurator-embed.min.js');
const page = window as unknown as Record<PropertyKey, unknown>;

/** The bundle's `<script>` tag, as a retailer writes it. */
function scriptTag(data: Record<string, string> = {}): HTMLScriptElement {
  const script = document.createElement('script');
  script.src = 'https://cdn.example.test/configurator-embed/0.1.0/configurator-embed.min.js';
  Object.assign(script.dataset, { token: SEED.demoToken, apiUrl: API_URL, ...data });
  document.head.append(script);

  return script;
}

/** A `<div data-configurator-product>` in the page's body. */
function productElement(productId: string): HTMLElement {
  const element = document.createElement('div');
  element.dataset.configuratorProduct = productId;
  document.body.append(element);

  return element;
}

beforeEach(() => {
  // The bundle uses the page's fetch: make it behave as a browser's, through msw.
  vi.stubGlobal('fetch', createBrowserFetch({ fetch: globalThis.fetch }));
});

afterEach(() => {
  Reflect.deleteProperty(page, LOADED);
  Reflect.deleteProperty(page, 'ConfiguratorEmbed');
});

describe('the script tag', () => {
  it('mounts every [data-configurator-product] at once when the DOM is ready', async () => {
    const table = productElement(PRODUCTS.table);
    const lamp = productElement(PRODUCTS.lamp);
    const loaded = Promise.all([
      nextEvent(table, 'configurator:load'),
      nextEvent(lamp, 'configurator:load'),
    ]);

    startScriptTag(api, scriptTag());
    await loaded;

    expect(table.querySelector('h2')?.textContent).toBe('Fjord Dining Table');
    expect(lamp.querySelector('h2')?.textContent).toBe('Halo Pendant Lamp');
  });

  it('waits for DOMContentLoaded while the page is still loading', async () => {
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    const script = scriptTag();

    startScriptTag(api, script);
    const element = productElement(PRODUCTS.chair);
    const loaded = nextEvent(element, 'configurator:load');

    expect(element.childNodes).toHaveLength(0);

    document.dispatchEvent(new Event('DOMContentLoaded'));
    await loaded;

    expect(element.querySelector('h2')?.textContent).toBe('Sora Lounge Chair');
  });

  it('links the stylesheet beside the script, with the nonce given', () => {
    productElement(PRODUCTS.lamp);

    startScriptTag(api, scriptTag({ nonce: 'r4nd0m' }));

    const link = document.head.querySelector<HTMLLinkElement>('link[rel=stylesheet]');
    expect(link?.href).toBe(
      'https://cdn.example.test/configurator-embed/0.1.0/configurator-embed.css',
    );
    expect(link?.nonce).toBe('r4nd0m');
  });

  it('links the stylesheet data-stylesheet names, or none', () => {
    productElement(PRODUCTS.lamp);

    startScriptTag(api, scriptTag({ stylesheet: 'none' }));

    expect(document.head.querySelector('link')).toBeNull();
  });

  it('becomes window.ConfiguratorEmbed where that is free', () => {
    expect(startScriptTag(api, scriptTag())).toBe(api);
  });

  it('initializes once and warns once when the script is loaded twice or more', async () => {
    const console = quietConsole();
    const element = productElement(PRODUCTS.table);
    const first = startScriptTag(api, scriptTag());
    page.ConfiguratorEmbed = first;
    const other = { ...api };

    const second = startScriptTag(other, scriptTag());
    const third = startScriptTag(other, scriptTag());
    await nextEvent(element, 'configurator:load');

    expect([second, third]).toEqual([first, first]);
    expect(element.querySelectorAll('[data-configurator-embed]')).toHaveLength(1);
    expect(console.warn).toHaveBeenCalledTimes(1);
    expect(console.warn).toHaveBeenCalledWith(
      '[configurator-embed] the script is on this page twice; the second copy does nothing. Load it once.',
    );
  });

  it("never replaces another script's window.ConfiguratorEmbed", () => {
    const console = quietConsole();
    const theirs = { theirs: true };
    page.ConfiguratorEmbed = theirs;

    expect(startScriptTag(api, scriptTag())).toBe(theirs);
    expect(console.warn).toHaveBeenCalledWith(
      expect.stringContaining('window.ConfiguratorEmbed is already taken'),
    );
  });

  it('shows a set-up error in each element when the script tag has no token', () => {
    const console = quietConsole();
    const element = productElement(PRODUCTS.table);

    startScriptTag(api, scriptTag({ token: '' }));

    expect(element.querySelector('[role=alert] .ce-error-text')?.textContent).toBe(
      'It is not set up for this site yet. Please try again later or contact the shop.',
    );
    expect(console.error).toHaveBeenCalledWith(
      expect.stringMatching(/^\[configurator-embed\] UsageError \(malformed_token\)/),
    );
  });

  it('never writes a malformed token anywhere', () => {
    const console = quietConsole();
    const element = productElement(PRODUCTS.table);
    const padded = ` ${SEED.demoToken} `;

    startScriptTag(api, scriptTag({ token: padded }));

    expect(written(console)).not.toContain(SEED.demoToken.slice(0, 8));
    expect(element.textContent).not.toContain(SEED.demoToken.slice(0, 8));
  });

  it('shows an error in an element without a product id', async () => {
    quietConsole();
    const element = productElement('');
    const failed = nextEvent(element, 'configurator:error');

    startScriptTag(api, scriptTag());

    expect((await failed).detail.error).toMatchObject({ name: 'ValidationError' });
  });
  it('mounts the other elements when one marked element is SVG, and never throws', async () => {
    const console = quietConsole();
    document.body.innerHTML = `<svg data-configurator-product="${PRODUCTS.table}"></svg>`;
    const element = productElement(PRODUCTS.table);
    const loaded = nextEvent(element, 'configurator:load');

    expect(() => startScriptTag(api, scriptTag({ stylesheet: 'none' }))).not.toThrow();
    await loaded;

    expect(element.querySelector('h2')?.textContent).toBe('Fjord Dining Table');
    expect(console.error).toHaveBeenCalledWith(
      expect.stringMatching(/^\[configurator-embed\] UsageError \(invalid_option\)/),
    );
  });

  it('mounts without a stylesheet, and says so once, when the script has no address', async () => {
    const console = quietConsole();
    const table = productElement(PRODUCTS.table);
    const lamp = productElement(PRODUCTS.lamp);
    const loaded = nextEvent(lamp, 'configurator:load');
    const script = scriptTag();
    script.src = 'blob:https://shop.example.test/5b1c8f1e-0000-4000-8000-000000000000';

    expect(() => startScriptTag(api, script)).not.toThrow();
    await loaded;

    expect(table.querySelector('[data-configurator-embed]')).not.toBeNull();
    expect(document.head.querySelector('link')).toBeNull();
    expect(console.warn).toHaveBeenCalledTimes(1);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('data-stylesheet'));
  });

  it('shows an error in each element when data-stylesheet is not a URL, and never throws', () => {
    const console = quietConsole();
    const table = productElement(PRODUCTS.table);
    const lamp = productElement(PRODUCTS.lamp);

    expect(() => startScriptTag(api, scriptTag({ stylesheet: 'http://[' }))).not.toThrow();

    for (const element of [table, lamp]) {
      expect(element.querySelector('[data-configurator-embed]')).toBeNull();
      expect(element.querySelector('[role=alert]')).not.toBeNull();
    }
    expect(console.error).toHaveBeenCalledWith(
      expect.stringMatching(/^\[configurator-embed\] UsageError \(invalid_option\)/),
    );
  });

  it('mounts the rest when an element fails after DOMContentLoaded', async () => {
    quietConsole();
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
    startScriptTag(api, scriptTag({ stylesheet: 'none' }));
    document.body.innerHTML = `<math data-configurator-product="${PRODUCTS.table}"></math>`;
    const element = productElement(PRODUCTS.chair);
    const loaded = nextEvent(element, 'configurator:load');

    document.dispatchEvent(new Event('DOMContentLoaded'));
    await loaded;

    expect(element.querySelector('h2')?.textContent).toBe('Sora Lounge Chair');
  });
});

describe('the built script-tag bundle', () => {
  /** Runs the bundle as a classic script of the page, with `document.currentScript` set. */
  function runBundle(script: HTMLScriptElement): void {
    const code = readFileSync(BUNDLE, 'utf8');
    const current = vi.spyOn(document, 'currentScript', 'get').mockReturnValue(script);

    // A global (indirect) eval: its `var ConfiguratorEmbed` is the page's global, as in a page.
    (0, eval)(code);
    current.mockRestore();
  }

  it('auto-mounts, and loaded twice keeps its first global', async () => {
    const console = quietConsole();
    const element = productElement(PRODUCTS.lamp);
    const loaded = nextEvent(element, 'configurator:load');

    runBundle(scriptTag());
    const first = page.ConfiguratorEmbed as typeof api;
    runBundle(scriptTag());
    await loaded;

    expect(typeof first.mount).toBe('function');
    expect(typeof first.createClient).toBe('function');
    expect(page.ConfiguratorEmbed).toBe(first);
    expect(element.querySelectorAll('[data-configurator-embed]')).toHaveLength(1);
    expect(element.querySelector('h2')?.textContent).toBe('Halo Pendant Lamp');
    expect(console.warn).toHaveBeenCalledTimes(1);
  });

  it('becomes ConfiguratorEmbed when loaded from a blob: URL', () => {
    quietConsole();
    productElement(PRODUCTS.lamp);
    const script = scriptTag();
    script.src = 'blob:https://shop.example.test/5b1c8f1e-0000-4000-8000-000000000000';

    runBundle(script);

    expect(typeof (page.ConfiguratorEmbed as typeof api | undefined)?.mount).toBe('function');
  });

  it("keeps another script's ConfiguratorEmbed", () => {
    quietConsole();
    const theirs = { theirs: true };
    page.ConfiguratorEmbed = theirs;

    runBundle(scriptTag());

    expect(page.ConfiguratorEmbed).toBe(theirs);
  });
});
