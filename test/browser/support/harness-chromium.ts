import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

import { launchChromium, type Chromium } from './chromium';
import { startHarness, type HarnessServer } from './harness-server';

/**
 * Starts the harness's servers, and a Chromium that reaches them by their host names, before the
 * tests of the `describe` it is called in, and stops both after them.
 *
 * @returns A function that gives the browser's context to a test; it throws when Chromium did
 * not start.
 */
export function useHarnessChromium(): () => BrowserContext {
  let harness: HarnessServer | undefined;
  let browser: Chromium | undefined;

  beforeAll(async () => {
    harness = await startHarness();
    browser = await launchChromium({ hostRules: harness.hostRules });
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  return () => {
    if (browser === undefined) throw new Error('Chromium did not start.');

    return browser.context;
  };
}
