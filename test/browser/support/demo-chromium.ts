import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

import { launchChromium, type Chromium } from './chromium';
import { startDemo, type DemoServer } from './demo-server';

/** The demo and the browser a test file drives it with. */
export interface DemoChromium {
  /** The running demo; throws when it did not start. */
  demo(): DemoServer;
  /** The browser's context; throws when Chromium did not start. */
  context(): BrowserContext;
}

/**
 * Starts the demo as `npm start` serves it, and a Chromium, before the tests of the `describe` it
 * is called in, and stops both after them.
 */
export function useDemoChromium(): DemoChromium {
  let demo: DemoServer | undefined;
  let browser: Chromium | undefined;

  beforeAll(async () => {
    demo = await startDemo();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
  });

  return {
    demo() {
      if (demo === undefined) throw new Error('The demo did not start.');

      return demo;
    },
    context() {
      if (browser === undefined) throw new Error('Chromium did not start.');

      return browser.context;
    },
  };
}
