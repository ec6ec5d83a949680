import { setupServer } from 'msw/node';
import { describe, expect, inject, it } from 'vitest';

import { createBrowserFetch } from '../../src/mock/browser-fetch';
import { createPlatformHandlers } from '../../src/mock/handlers';
import { SEED } from '../../src/mock/seed';
import { startPlatformServer } from '../../src/mock/server';
import { createPlatformState } from '../../src/mock/state';
import type { PlatformState } from '../../src/mock/types';
import { withJsdomWindow } from '../scenarios/jsdom-window';
import { useHarnessChromium } from './support/harness-chromium';
import { openHarness } from './support/harness-page';

const PAGE = 'https://shop.example.test/script-tag.html';
const PATH = '/api/products/00000000-0000-0000-0000-000000000000/configurator';
const JSDOM_API_URL = 'http://localhost:4010';

/** Three identical GETs that need a preflight, sent with this cache mode. */
interface Probe {
  cache: RequestCache;
}

/** How many preflights the platform answered. */
function preflights(state: PlatformState): number {
  return state.requests.filter((request) => request.method === 'OPTIONS').length;
}

// createBrowserFetch keeps its own preflight cache, as browsers do; these cases hold it to
// Chromium's, which is skipped by a request whose cache mode bypasses the HTTP cache.
describe.skipIf(!inject('chromium'))('the preflight cache, in Chromium and in jsdom', () => {
  const context = useHarnessChromium();

  async function inChromium({ cache }: Probe): Promise<number> {
    const state = createPlatformState();
    const platform = await startPlatformServer({ port: 0, state });
    const page = await context().newPage();
    try {
      await openHarness(page, new URL(PAGE));
      await page.evaluate(
        async ({ url, token, mode }) => {
          for (let sent = 0; sent < 3; sent += 1) {
            await fetch(url, { headers: { authorization: `Bearer ${token}` }, cache: mode });
          }
        },
        { url: `${platform.url}${PATH}`, token: SEED.demoToken, mode: cache },
      );

      return preflights(state);
    } finally {
      await page.close();
      await platform.close();
    }
  }

  function inJsdom({ cache }: Probe): Promise<number> {
    return withJsdomWindow(PAGE, async () => {
      const state = createPlatformState();
      const server = setupServer(...createPlatformHandlers(state, { baseUrl: JSDOM_API_URL }));
      server.listen({ onUnhandledRequest: 'error' });
      try {
        const browserFetch = createBrowserFetch();
        for (let sent = 0; sent < 3; sent += 1) {
          await browserFetch(`${JSDOM_API_URL}${PATH}`, {
            headers: { authorization: `Bearer ${SEED.demoToken}` },
            cache,
          });
        }

        return preflights(state);
      } finally {
        server.close();
      }
    });
  }

  it('reuses one preflight for three requests of the default cache mode', async () => {
    const probe: Probe = { cache: 'default' };

    expect(await inChromium(probe)).toBe(1);
    expect(await inJsdom(probe)).toBe(1);
  });

  it('preflights every request of the no-store cache mode, as Chromium does', async () => {
    const probe: Probe = { cache: 'no-store' };

    expect(await inChromium(probe)).toBe(3);
    expect(await inJsdom(probe)).toBe(3);
  });
});
