import type { BrowserContext } from 'playwright-core';

import { startPlatformServer } from '../../../src/mock/server';
import { createPlatformState } from '../../../src/mock/state';
import type { RecordedRequest } from '../../../src/mock/types';
import { callFor } from '../../scenarios/calls';
import type { Run } from '../../scenarios/check';
import { normalizeOutcome, observePlatform } from '../../scenarios/observe';
import { preparePlatform } from '../../scenarios/prepare';
import type { Scenario } from '../../scenarios/types';
import { openHarness, runInPage } from './harness-page';
import { recordRequests, type SentRequest } from './sent-requests';

/** What Chromium made of a row, with every request on both ends of the wire. */
export interface ChromiumRun extends Run {
  /** The platform's address, such as `http://localhost:40123`. */
  apiUrl: string;
  /** What Chromium sent while the call ran. */
  sent: SentRequest[];
  /** What the platform received. */
  received: RecordedRequest[];
}

/**
 * Runs one row in Chromium: the script-tag harness page opened at the row's page address, and
 * the real mock platform over HTTP on a free port with a fresh state. A stopped platform is
 * closed before the call; an offline browser is Chromium's offline emulation.
 */
export async function runInChromium(context: BrowserContext, row: Scenario): Promise<ChromiumRun> {
  const state = createPlatformState();
  const token = preparePlatform(state, row);
  const platform = await startPlatformServer({ port: 0, state });
  const page = await context.newPage();
  let running = true;

  try {
    await openHarness(page, new URL('/script-tag.html', row.page));
    // The profile outlives the row: start without what an earlier page of this origin stored.
    await page.evaluate(() => {
      localStorage.clear();
      sessionStorage.clear();
    });

    const log = recordRequests(page);
    if (row.platform === 'stopped') {
      await platform.close();
      running = false;
    }
    if (row.offline === true) await context.setOffline(true);

    const outcome = await runInPage(page, { token, apiUrl: platform.url }, callFor(row.call));

    return {
      token,
      apiUrl: platform.url,
      observation: {
        outcome: normalizeOutcome(outcome, platform.url),
        ...observePlatform(state, token),
      },
      sent: await log.stop(),
      received: [...state.requests],
    };
  } finally {
    // Cleaning up must not hide why the row failed.
    await context.setOffline(false).catch(() => undefined);
    await page.close().catch(() => undefined);
    if (running) await platform.close();
  }
}
