import type { BrowserContext, Page } from 'playwright-core';

import { SEED } from '../../../src/mock/seed';
import { startPlatformServer } from '../../../src/mock/server';
import { createPlatformState } from '../../../src/mock/state';
import { callFor } from '../../scenarios/calls';
import type { Outcome } from '../../scenarios/types';
import type { Traffic } from './expect-token-kept';
import { openHarness, runInPage } from './harness-page';
import { recordRequests } from './sent-requests';

/** What a page made of load, save and track, and the platform's side of it. */
export interface ThreeCalls {
  outcomes: Outcome[];
  /** How the page loaded the SDK, as the harness reports it. */
  build: string;
  /** Whether the page has the script-tag bundle's `window.ConfiguratorEmbed`. */
  globalBundle: boolean;
  traffic: Traffic;
  stored: number;
  counted: number;
}

/**
 * Opens a harness page at `url` and makes the three calls with the demo token, one client each,
 * against a fresh mock platform on a free port.
 *
 * @param prepare Runs on the new page before it is opened, to watch it.
 */
export async function runThreeCalls(
  context: BrowserContext,
  url: URL,
  prepare: (page: Page) => Promise<void> = async () => undefined,
): Promise<ThreeCalls> {
  const state = createPlatformState();
  const platform = await startPlatformServer({ port: 0, state });
  const page = await context.newPage();
  const input = { token: SEED.demoToken, apiUrl: platform.url };

  try {
    await prepare(page);
    await openHarness(page, url);

    const log = recordRequests(page);
    const outcomes: Outcome[] = [];
    for (const call of ['load', 'save', 'track'] as const) {
      outcomes.push(await runInPage(page, input, callFor(call)));
    }

    return {
      outcomes,
      build: await page.evaluate(() => document.documentElement.dataset['build'] ?? ''),
      globalBundle: await page.evaluate(() => 'ConfiguratorEmbed' in window),
      traffic: { ...input, sent: await log.stop(), received: [...state.requests] },
      stored: state.configurations().length,
      counted: state.countedEvents().length,
    };
  } finally {
    await page.close();
    await platform.close();
  }
}
