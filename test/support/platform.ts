import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

import { createClient, type Client, type ClientOptions } from '../../src/index';
import { createBrowserFetch } from '../../src/mock/browser-fetch';
import { createPlatformHandlers } from '../../src/mock/handlers';
import { SEED } from '../../src/mock/seed';
import { createPlatformState } from '../../src/mock/state';

/** The address of the mock platform in jsdom tests. */
export const API_URL = 'https://api.configurator.test';

/**
 * Starts the mock platform under msw for the calling test file, resets it after each test, and
 * refuses any request it does not handle.
 */
export function usePlatform() {
  const state = createPlatformState();
  const server = setupServer(...createPlatformHandlers(state, { baseUrl: API_URL }));

  const clients: Client[] = [];

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(async () => {
    // A client left alive keeps sending analytics (its own events included) on its timers, and
    // its stored queue is picked up by the next test's client: either would take the next
    // test's faults. Each test starts with no client, no stored queue and no session.
    await settleWithin(Promise.all(clients.splice(0).map((c) => c.destroy())), 2000);
    globalThis.localStorage?.clear();
    globalThis.sessionStorage?.clear();
    server.resetHandlers();
    state.reset();
  });
  afterAll(() => server.close());

  /** A client as a page on this test's origin would make it, through a browser-behaving fetch. */
  function client(options: Partial<ClientOptions> = {}): Client {
    const made = createClient({
      token: SEED.demoToken,
      apiUrl: API_URL,
      fetch: createBrowserFetch(),
      ...options,
    });
    clients.push(made);

    return made;
  }

  return { state, server, client };
}

/** Waits for a promise, but no longer than `ms`: a test's platform may never answer. */
async function settleWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });

  await Promise.race([promise.catch(() => undefined), timeout]);
  clearTimeout(timer);
}
