import { setupServer } from 'msw/node';

import * as sdk from '../../src/index';
import { createBrowserFetch } from '../../src/mock/browser-fetch';
import { createPlatformHandlers } from '../../src/mock/handlers';
import { createPlatformState } from '../../src/mock/state';
import { callFor } from './calls';
import type { Run } from './check';
import { withJsdomWindow } from './jsdom-window';
import { measure } from './measure';
import { normalizeOutcome, observePlatform } from './observe';
import { preparePlatform } from './prepare';
import type { Scenario } from './types';

/** Where the platform answers in the jsdom runner; msw serves it, nothing listens there. */
export const JSDOM_API_URL = 'http://localhost:4010';

/**
 * Runs one row through the jsdom browser simulation: a jsdom window at the row's page address,
 * the platform's msw handlers over a fresh state, and `createBrowserFetch`, which sends the
 * page's origin and enforces CORS. A stopped platform is `setDown(true)`; an offline browser is
 * `navigator.onLine === false`.
 *
 * Call it from a test file in the node environment: it makes and removes its own window.
 */
export function runInJsdom(row: Scenario): Promise<Run> {
  return withJsdomWindow(new URL(row.page).href, async () => {
    const state = createPlatformState();
    const token = preparePlatform(state, row);
    const server = setupServer(...createPlatformHandlers(state, { baseUrl: JSDOM_API_URL }));

    server.listen({ onUnhandledRequest: 'error' });
    try {
      if (row.platform === 'stopped') state.setDown(true);
      if (row.offline === true) {
        Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      }

      const client = sdk.createClient({
        token,
        apiUrl: JSDOM_API_URL,
        fetch: createBrowserFetch(),
      });
      const outcome = await measure(sdk, client, callFor(row.call));

      return {
        token,
        observation: {
          outcome: normalizeOutcome(outcome, JSDOM_API_URL),
          ...observePlatform(state, token),
        },
      };
    } finally {
      server.close();
    }
  });
}
