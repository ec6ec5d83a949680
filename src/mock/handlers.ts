import { http, type RequestHandler } from 'msw';

import { answerRequest } from './dispatch';
import type { PlatformState } from './types';

/** Where the mock platform answers. */
export interface PlatformHandlersOptions {
  /**
   * The platform's address, such as `https://api.configurator.test` or `http://localhost:4010`;
   * it may end in a path prefix. `*` answers on any host, which the HTTP server uses since it is
   * reached as both `localhost` and `127.0.0.1`.
   */
  baseUrl: string;
}

/**
 * Creates msw request handlers that play the configurator platform of `PLATFORM-API.md` over
 * `state`: every request under `${baseUrl}/api`, preflights and unknown paths included, is
 * answered and recorded in `state.requests`. Requests outside `/api` are left unhandled.
 *
 * @example
 * const state = createPlatformState();
 * const server = setupServer(
 *   ...createPlatformHandlers(state, { baseUrl: 'https://api.configurator.test' }),
 * );
 */
export function createPlatformHandlers(
  state: PlatformState,
  options: PlatformHandlersOptions,
): RequestHandler[] {
  const apiPathOf = apiPathReader(options.baseUrl);

  return [
    http.all(
      ({ request }) => apiPathOf(request.url) !== null,
      ({ request }) => answerRequest(state, request, apiPathOf(request.url)),
    ),
  ];
}

/**
 * Makes a function that answers the part of a URL's path after `/api` (`/health`, or `''` for
 * `/api` itself), or `null` when the URL is not the platform's.
 */
export function apiPathReader(baseUrl: string): (url: string) => string | null {
  const base = baseUrl === '*' ? null : parseBase(baseUrl);
  const prefix = `${base?.pathname.replace(/\/+$/, '') ?? ''}/api`;

  return (url: string): string | null => {
    const parsed = new URL(url);

    if (base !== null && parsed.origin !== base.origin) {
      return null;
    }

    const rest = parsed.pathname.slice(prefix.length);
    const under = parsed.pathname.startsWith(prefix) && (rest === '' || rest.startsWith('/'));

    return under ? rest : null;
  };
}

function parseBase(baseUrl: string): URL {
  try {
    return new URL(baseUrl);
  } catch {
    throw new TypeError(
      `Failed to create platform handlers: baseUrl ${JSON.stringify(baseUrl)} is not an absolute URL; use one such as "https://api.configurator.test", or "*".`,
    );
  }
}
