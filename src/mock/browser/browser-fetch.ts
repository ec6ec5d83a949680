import {
  isCorsSafelistedMethod,
  isForbiddenRequestHeader,
  isNoCorsSafelistedRequestHeader,
} from './cors-safelist';
import { FetchBlocked } from './network';
import {
  BROWSER_FETCH,
  isOnline,
  pageOrigin,
  report,
  resolveInput,
  underlyingFetch,
} from './page-context';
import { PreflightCache } from './preflight-cache';
import { followRedirects } from './redirect-loop';
import type { PageFetch } from './hop';
import type { BrowserFetch, BrowserFetchOptions } from './types';

/** Chromium refuses a `keepalive` request whose body exceeds 64 KiB. */
const KEEPALIVE_LIMIT = 64 * 1024;

/**
 * Makes a fetch that behaves as a browser page's does, for jsdom tests: it sends `Origin`,
 * drops the headers a page may not set, preflights what the Fetch standard preflights, enforces
 * `Access-Control-Allow-Origin` on the preflight and on the answer, and shows the page only the
 * exposed response headers. Every refusal, like every network failure, rejects with the same
 * opaque `TypeError('Failed to fetch')`; an abort rejects with the signal's reason.
 *
 * Its preflight cache is Chromium's: a request with the cache mode `no-store`, `no-cache` or
 * `reload` is preflighted every time (and a `no-store` one's answer is not cached); see
 * `preflightCacheUse`.
 *
 * It follows redirects as Chromium does (see `followRedirects` and `redirectedHop`), at most 20:
 * once a hop leaves the page's origin, a `same-origin` request fails, a `no-cors` one ends in an
 * opaque response, and a `cors` one is preflighted where needed and CORS-checked on every hop,
 * redirects included. `Origin` is `null` from the first redirect that leaves an origin other than
 * the page's for another (for a `no-cors` request, from the first redirect to another origin), and
 * every redirect to another origin removes `Authorization`.
 *
 * Where it is simpler than a browser:
 * - A request body is held in memory, so a 307 or 308 sends even a streamed body again, where a
 *   browser fails. `redirect: 'manual'` resolves with an `opaqueredirect` response, as browsers
 *   do.
 * - No cookies, `Referer`, `Sec-Fetch-*` or `User-Agent`; the 64 KiB `keepalive` limit applies
 *   per request, not to all requests in flight.
 * - Responses are rebuilt with `new Response()`: `type`, `url` and `redirected` are set as own
 *   properties, which `clone()` keeps.
 *
 * @example
 * ```ts
 * const server = setupServer(...handlers);
 * server.listen({ onUnhandledRequest: 'error' });
 * const network = globalThis.fetch; // msw's, so the browser fetch below does not call itself
 * vi.stubGlobal('fetch', createBrowserFetch({ fetch: network }));
 * ```
 */
export function createBrowserFetch(options: BrowserFetchOptions = {}): BrowserFetch {
  const cache = new PreflightCache();

  const browserFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(resolveInput(input), init);
    const { signal } = request;
    if (signal.aborted) throw signal.reason;

    const origin = pageOrigin(options.origin);
    const network = underlyingFetch(options.fetch);

    try {
      if (!isOnline(options.onLine)) {
        throw new FetchBlocked('offline', 'The page is offline.');
      }

      return await fetchAsPage({ request, origin, network, signal, cache });
    } catch (error) {
      if (!(error instanceof FetchBlocked)) throw error;

      report(options.onBlocked, {
        code: error.code,
        message: error.message,
        url: request.url,
        origin,
      });
      // No cause, as in a browser: the page learns nothing of why, and nothing can quote a header.
      // eslint-disable-next-line preserve-caught-error
      throw new TypeError('Failed to fetch');
    }
  };

  return Object.assign(browserFetch, {
    [BROWSER_FETCH]: true,
    clearPreflightCache: (): void => cache.clear(),
  });
}

async function fetchAsPage(page: PageFetch): Promise<Response> {
  const { request } = page;
  const noCors = request.mode === 'no-cors';
  if (noCors && !isCorsSafelistedMethod(request.method)) {
    throw new FetchBlocked('mode', `Mode 'no-cors' forbids the method ${request.method}.`);
  }

  const body = request.body === null ? null : await request.arrayBuffer();
  if (request.keepalive && body !== null && body.byteLength > KEEPALIVE_LIMIT) {
    throw new FetchBlocked(
      'keepalive',
      `A keepalive body of ${body.byteLength} bytes is over 64 KiB.`,
    );
  }

  // A no-cors request silently loses every header but a few safelisted ones, Authorization too,
  // on every URL: a browser's `Request` drops them when it is made.
  const headers = new Headers();
  request.headers.forEach((value, name) => {
    const kept = noCors
      ? isNoCorsSafelistedRequestHeader(name, value)
      : !isForbiddenRequestHeader(name, value);
    if (kept) headers.append(name, value);
  });

  return followRedirects(page, new URL(request.url), { method: request.method, headers, body });
}
