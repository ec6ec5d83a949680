import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';

import { useDemoChromium } from './support/demo-chromium';

const SCREENSHOTS = 'test-results';

describe.skipIf(!inject('chromium'))('the demo from npm start', () => {
  const { demo, context } = useDemoChromium();

  /** Opens a demo page, runs the checks, and saves a screenshot whatever they found. */
  async function onDemoPage(url: string, screenshot: string, check: (page: Page) => Promise<void>) {
    const page = await context().newPage();
    try {
      await page.goto(url);
      await check(page);
    } finally {
      await page.screenshot({ path: `${SCREENSHOTS}/${screenshot}`, fullPage: true });
      await page.close();
    }
  }

  it('loads, saves and sends analytics on the allowed origin', async () => {
    await onDemoPage(demo().allowed, 'demo-allowed-origin.png', async (page) => {
      // The click waits for the configurator to load and show its button.
      await page.getByRole('button', { name: 'Save configuration' }).click();

      await expect.poll(() => page.locator('#short-id').textContent()).toMatch(/^[\w-]{7,14}$/);
      await expect.poll(() => page.locator('#analytics').textContent()).toBe('Analytics: sent.');
      expect(await page.locator('#error').isHidden()).toBe(true);
    });
  });

  it('shows the CorsError and the entry to add on the refused origin', async () => {
    const origin = new URL(demo().refused).origin;

    await onDemoPage(demo().refused, 'demo-refused-origin.png', async (page) => {
      await page.locator('#error').waitFor({ state: 'visible' });

      expect(await page.locator('#error-title').textContent()).toBe(
        'CorsError (origin_not_allowed)',
      );
      const message = await page.locator('#error-message').textContent();
      expect(message).toContain(`this page's origin ${origin} is not on the token's domain list`);
      expect(message).toContain(`Add "${origin}" to the token's domains`);
    });
  });
});
