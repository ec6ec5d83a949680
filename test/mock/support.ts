import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';

import { createPlatformHandlers } from '../../src/mock/handlers';
import { startPlatformServer, type PlatformServer } from '../../src/mock/server';
import { createPlatformState } from '../../src/mock/state';
import type { PlatformStateOptions } from '../../src/mock/types';

/** The mock platform's address in these tests. */
export const API = 'https://api.configurator.test';

/** A page origin on the demo token's list. */
export const LOCAL_PAGE = 'http://localhost:3000';

/** A page origin on no seeded token's list. */
export const LOOPBACK_PAGE = 'http://127.0.0.1:3000';

/** How a test sends a request, as a page or a server would. */
export interface Call {
  method?: string;
  token?: string;
  origin?: string;
  /** Sent as JSON, or as it is when a string. */
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Runs the mock platform under msw for the calling file, resets it after each test, and fails
 * any request it does not handle.
 */
export function useMockPlatform(options: PlatformStateOptions = {}) {
  const state = createPlatformState(options);
  const server = setupServer(...createPlatformHandlers(state, { baseUrl: API }));

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => state.reset());
  afterAll(() => server.close());

  return { state, server };
}

/** Sends a request to the mock platform with Node's fetch, which sends no Origin by itself. */
export function call(path: string, { method = 'GET', token, origin, body, headers }: Call = {}) {
  const sent = new Headers(headers);

  if (token !== undefined) {
    sent.set('authorization', `Bearer ${token}`);
  }

  if (origin !== undefined) {
    sent.set('origin', origin);
  }

  if (body !== undefined && !sent.has('content-type')) {
    sent.set('content-type', 'application/json');
  }

  const payload = body === undefined || typeof body === 'string' ? body : JSON.stringify(body);

  return fetch(`${API}${path}`, { method, headers: sent, body: payload ?? null });
}

/** The CORS headers of an answer, by lower-case name, to compare whole. */
export function corsOf(response: Response): Record<string, string> {
  const cors: Record<string, string> = {};

  response.headers.forEach((value, name) => {
    if (name.startsWith('access-control-') || name === 'vary') {
      cors[name] = value;
    }
  });

  return cors;
}

/** The headers a page needs to read an answer. */
export function readableBy(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': 'etag, retry-after, x-request-id, idempotent-replayed',
    vary: 'Origin',
  };
}

/**
 * Gives a test file a way to start the mock platform's HTTP server on a free port; a server
 * started in a test is closed after it.
 */
export function useHttpPlatform(): () => Promise<PlatformServer> {
  let platform: PlatformServer | undefined;

  afterEach(async () => {
    await platform?.close();
    platform = undefined;
  });

  return async () => {
    platform = await startPlatformServer({ port: 0 });

    return platform;
  };
}
