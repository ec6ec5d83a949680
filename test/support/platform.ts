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

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    state.reset();
  });
  afterAll(() => server.close());

  /** A client as a page on this test's origin would make it, through a browser-behaving fetch. */
  function client(options: Partial<ClientOptions> = {}): Client {
    return createClient({
      token: SEED.demoToken,
      apiUrl: API_URL,
      fetch: createBrowserFetch(),
      ...options,
    });
  }

  return { state, server, client };
}
