import type { Page } from 'playwright-core';

import type { Call, ClientInput, Outcome } from '../../scenarios/types';
import type { HarnessWindow } from '../harness/page';

/**
 * Opens a harness page and waits until it offers `window.harness`. Fails if the page did not
 * keep the origin it was opened with (an upgrade to https would change what the test measures).
 */
export async function openHarness(page: Page, url: URL): Promise<void> {
  await page.goto(url.href);
  await page.waitForFunction(() => (window as HarnessWindow).harness !== undefined, undefined, {
    timeout: 15_000,
  });

  const origin = await page.evaluate(() => location.origin);
  if (origin !== url.origin) {
    throw new Error(`Chromium opened ${url.href} but the page's origin is ${origin}.`);
  }
}

/** Runs one call in the harness page with a client made there. */
export function runInPage(page: Page, input: ClientInput, call: Call): Promise<Outcome> {
  return page.evaluate(
    ([pageInput, pageCall]) => {
      const { harness } = window as HarnessWindow;
      if (harness === undefined) throw new Error('The harness page is not ready.');

      return harness.run(pageInput, pageCall);
    },
    [input, call] as const,
  );
}
