// A shopper's whole path through the embed on the demo page (`npm start`), in Chromium on the
// allowed origin: reach the controls with Tab, change options with clicks and the keyboard while
// the price follows, save, and open the share link to find the same choices and price again.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';

import { SEED } from '../../src/mock/seed';
import { seedProducts } from '../../src/mock/seed-products';
import type { ConfiguratorDefinition } from '../../src/platform/types';
import { useDemoChromium } from './support/demo-chromium';

const SCREENSHOTS = 'test-results';

const TABLE = tableDefinition();

/** The dining table's choices as the test expects them, by attribute key. */
type Choices = Record<string, string | number | boolean>;

/** An embed event as the page recorded it: its name and its detail, as plain data. */
interface RecordedEvent {
  type: string;
  variant: Choices;
  amount: number;
  formatted: string;
  /** `configurator:load`: the short id of the configuration a share link restored. */
  restored?: string | null;
  /** `configurator:save`: the saved configuration and the share link. */
  shortId?: string;
  saved?: Choices;
  shareUrl?: string;
}

/**
 * Runs in each page before the demo's own scripts (the demo's CSP does not apply to it): keeps
 * the embed's events, which bubble to the document, on `window.embedEvents`. The demo keeps the
 * embed in a closure, so these details are the page's view of `getVariant()` and `getPrice()`.
 */
const EVENT_RECORDER = `(() => {
  const events = [];
  Object.defineProperty(window, 'embedEvents', { value: events });
  for (const type of ['configurator:load', 'configurator:change', 'configurator:save']) {
    document.addEventListener(type, (event) => {
      const detail = event.detail;
      const configuration = detail.configuration || detail.restored || null;
      events.push({
        type,
        variant: Object.assign({}, detail.variant || (configuration && configuration.variant)),
        amount: detail.price.amount,
        formatted: detail.price.formatted,
        restored: type === 'configurator:load' && detail.restored ? detail.restored.shortId : null,
        shortId: configuration ? configuration.shortId : undefined,
        saved: configuration ? Object.assign({}, configuration.variant) : undefined,
        shareUrl: detail.shareUrl,
      });
    });
  }
})();`;

function tableDefinition(): ConfiguratorDefinition {
  const table = seedProducts().find(({ definition }) => definition.id === SEED.products.table);
  if (table === undefined) throw new Error('The seed has no dining table.');

  return table.definition;
}

/**
 * The price of a choice of the table, worked out from the seeded configurator: the base price,
 * the chosen option of each select and colour, and each toggle's price while it is on.
 */
function priceOf(choices: Choices): number {
  let total = TABLE.basePrice;

  for (const attribute of TABLE.attributes) {
    const value = choices[attribute.key];

    if (attribute.type === 'select' || attribute.type === 'color') {
      total += attribute.options.find((option) => option.value === value)?.price ?? 0;
    } else if (attribute.type === 'toggle' && value === true) {
      total += attribute.price ?? 0;
    }
  }

  return total;
}

/** An amount as the demo page shows it: its `<html lang="en">`, the table's currency. */
function formatted(amount: number): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency: TABLE.currency }).format(
    amount,
  );
}

/** The defaults of the table's configurator, as the embed starts. */
function defaults(): Choices {
  return Object.fromEntries(
    TABLE.attributes.map((attribute) => [attribute.key, attribute.default]),
  );
}

describe.skipIf(!inject('chromium'))("the shopper's path in the embed", () => {
  const { demo, context } = useDemoChromium();

  /** Opens a demo page with the event recorder, and waits for the embed's form. */
  async function openDemo(url: string, errors: string[]): Promise<Page> {
    const page = await context().newPage();
    page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
    await page.addInitScript(EVENT_RECORDER);
    await page.goto(url);
    await embedOf(page).locator('form.ce-form').waitFor({ state: 'visible' });

    return page;
  }

  function embedOf(page: Page): Locator {
    return page.locator('#configurator [data-configurator-embed]');
  }

  function priceOn(page: Page): Locator {
    return embedOf(page).locator('output.ce-price-value');
  }

  function lastEvent(page: Page, type: string): Promise<RecordedEvent | undefined> {
    return page.evaluate((name) => {
      const events = (window as unknown as { embedEvents: RecordedEvent[] }).embedEvents;

      return events.filter((event) => event.type === name).at(-1);
    }, type);
  }

  /** The price shown is the one worked out for the choices, and the last event says the same. */
  async function expectPrice(page: Page, choices: Choices, event: string): Promise<void> {
    const amount = priceOf(choices);

    await expect.poll(() => priceOn(page).textContent()).toBe(formatted(amount));
    expect(await lastEvent(page, event)).toMatchObject({
      variant: choices,
      amount,
      formatted: formatted(amount),
    });
  }

  /** The controls show the choices: radios, the checkbox and the number input. */
  async function expectControls(page: Page, choices: Choices): Promise<void> {
    const embed = embedOf(page);

    expect(await embed.getByRole('radio', { name: /^American walnut/ }).isChecked()).toBe(
      choices['wood'] === 'walnut',
    );
    expect(await embed.getByRole('checkbox', { name: /^Extension leaf/ }).isChecked()).toBe(
      choices['extensionLeaf'],
    );
    expect(await embed.getByLabel('Length (cm)').inputValue()).toBe(String(choices['length']));
    expect(await embed.getByRole('radio', { name: /^Matte black/ }).isChecked()).toBe(
      choices['legColor'] === 'black',
    );
    // The rule on walnut: no chalk white legs.
    expect(await embed.getByRole('radio', { name: /^Chalk white/ }).isDisabled()).toBe(
      choices['wood'] === 'walnut',
    );
  }

  it('shows the price of each choice, saves, and restores both from the share link', async () => {
    const errors: string[] = [];
    const page = await openDemo(demo().allowed, errors);
    let restored: Page | undefined;

    try {
      const embed = embedOf(page);
      const price = priceOn(page);
      const choices = defaults();

      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      await expectPrice(page, choices, 'configurator:load');
      // The price is a live region, read out whole when it changes.
      expect(await price.getAttribute('aria-live')).toBe('polite');
      expect(await price.getAttribute('aria-atomic')).toBe('true');

      // Tab from the product picker moves focus into the embed, onto the chosen wood.
      await page.locator('#product').focus();
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const active = document.activeElement as HTMLInputElement | null;

        return {
          inEmbed: active?.closest('[data-configurator-embed]') !== null,
          type: active?.type,
          value: active?.value,
        };
      });
      expect(focused).toEqual({ inEmbed: true, type: 'radio', value: 'oak' });

      // The arrow key moves to the next wood, white ash, and the price drops.
      await page.keyboard.press('ArrowDown');
      choices['wood'] = 'ash';
      await expectPrice(page, choices, 'configurator:change');

      // A click chooses walnut.
      await embed.getByRole('radio', { name: /^American walnut/ }).click();
      choices['wood'] = 'walnut';
      await expectPrice(page, choices, 'configurator:change');

      // A click adds the extension leaf.
      await embed.getByRole('checkbox', { name: /^Extension leaf/ }).click();
      choices['extensionLeaf'] = true;
      await expectPrice(page, choices, 'configurator:change');

      // A typed length is taken when the field is left; the price does not depend on it.
      const length = embed.getByLabel('Length (cm)');
      await length.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('240');
      await page.keyboard.press('Tab');
      choices['length'] = 240;
      await expectPrice(page, choices, 'configurator:change');
      expect(await length.inputValue()).toBe('240');

      // 280 cm is not made with the extension leaf: the typed value is refused and undone.
      await length.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('280');
      await page.keyboard.press('Tab');
      await expect.poll(() => length.inputValue()).toBe('240');
      expect(await embed.locator('.ce-notice').textContent()).toBe(
        'That choice is not available with the other options chosen.',
      );
      await expectPrice(page, choices, 'configurator:change');

      // The keyboard moves the leg colour from natural to matte black.
      await embed.getByRole('radio', { name: /^Natural wood/ }).focus();
      await page.keyboard.press('ArrowRight');
      choices['legColor'] = 'black';
      await expectPrice(page, choices, 'configurator:change');
      await expectControls(page, choices);

      await embed.screenshot({ path: `${SCREENSHOTS}/shopper-configured.png` });

      // Save, and read the share link the embed shows.
      await embed.getByRole('button', { name: 'Save configuration' }).click();
      const shareLink = embed.locator('a.ce-share-link');
      await shareLink.waitFor({ state: 'visible' });
      const href = (await shareLink.getAttribute('href')) ?? '';
      const shortId = new URL(href).searchParams.get('configuration') ?? '';

      expect(await shareLink.textContent()).toBe(href);
      expect(new URL(href).origin).toBe(new URL(demo().allowed).origin);
      expect(shortId).toMatch(/^[\w-]{7,14}$/);
      await expect.poll(() => page.locator('#short-id').textContent()).toBe(shortId);
      expect(await lastEvent(page, 'configurator:save')).toMatchObject({
        shortId,
        saved: choices,
        shareUrl: href,
        amount: priceOf(choices),
      });

      // The share link, opened in a new page, restores the same choices and price.
      restored = await openDemo(href, errors);
      await expect
        .poll(() =>
          embedOf(restored as Page)
            .locator('.ce-notice')
            .textContent(),
        )
        .toBe('Showing the shared configuration.');
      await expectControls(restored, choices);
      await expectPrice(restored, choices, 'configurator:load');
      expect(await lastEvent(restored, 'configurator:load')).toMatchObject({ restored: shortId });

      await embedOf(restored).screenshot({ path: `${SCREENSHOTS}/shopper-restored.png` });
      expect(errors).toEqual([]);
    } finally {
      await restored?.close();
      await page.close();
    }
  });
});
