import { corsCheck } from './cors-check';
import {
  corsUnsafeRequestHeaderNames,
  isCorsSafelistedMethod,
  isForbiddenRequestHeader,
  isNoCorsSafelistedRequestHeader,
} from './cors-safelist';
import { FetchBlocked, describe, discardBody, send } from './network';
import { basicResponse, corsResponse, opaqueResponse } from './page-response';
import {
  BROWSER_FETCH,
  isLoopback,
  isOnline,
  pageOrigin,
  report,
  resolveInput,
  underlyingFetch,
} from './page-context';
import { ensurePreflight } from './preflight';
import { PreflightCache, preflightCacheUse } from './preflight-cache';
import { MAX_REDIRECTS, redirected, settleRedirect } from './redirects';
import type { Exchange, Outgoing } from './network';
import type { ResponseOrigin } from './page-response';
import type { BrowserFetch, BrowserFetchOptions } from './types';

/** Chromium refuses a `keepalive` request whose body exceeds 64 KiB. */
const KEEPALIVE_LIMIT = 64 * 1024;

/** One call of a browser fetch: the page's request and what it is sent with. */
interface PageFetch extends Exchange {
  request: Request;
  origin: string;
  cache: PreflightCache;
}

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
 * Where it is simpler than a browser:
 * - A same-origin request follows same-origin redirects; a redirect to or from another origin
 *   rejects (a cross-origin `no-cors` request resolves with its opaque response unfollowed).
 *   `redirect: 'manual'` resolves with an `opaqueredirect` response, as browsers do.
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
  const { request, origin } = page;
  const url = new URL(request.url);

  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchBlocked('scheme', `${url.protocol} URLs are not fetched by this stand-in.`);
  }
  if (origin.startsWith('https:') && url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new FetchBlocked('mixed_content', `Mixed content: ${describe(url)} from an https page.`);
  }

  const body = request.body === null ? null : await request.arrayBuffer();
  if (request.keepalive && body !== null && body.byteLength > KEEPALIVE_LIMIT) {
    throw new FetchBlocked(
      'keepalive',
      `A keepalive body of ${body.byteLength} bytes is over 64 KiB.`,
    );
  }

  const headers = new Headers();
  request.headers.forEach((value, name) => {
    if (!isForbiddenRequestHeader(name, value)) headers.append(name, value);
  });
  const outgoing: Outgoing = { method: request.method, headers, body };

  // An http(s) URL never has the opaque origin, so a "null" page is same-origin with nothing.
  if (url.origin === origin) return sameOriginFetch(page, url, outgoing);
  if (request.mode === 'same-origin') {
    throw new FetchBlocked('mode', `Mode 'same-origin' forbids a request to ${url.origin}.`);
  }
  if (request.mode === 'no-cors') return noCorsFetch(page, url, outgoing);

  return corsFetch(page, url, outgoing);
}

async function sameOriginFetch(page: PageFetch, url: URL, outgoing: Outgoing): Promise<Response> {
  let current = { url, outgoing };

  for (let redirects = 0; ; redirects += 1) {
    const sent = withPageHeaders(current.outgoing, page.origin, false);
    const response = await send(page, current.url, sent, sendOptions(page.request));
    const from: ResponseOrigin = {
      url: current.url.href,
      redirected: redirects > 0,
      signal: page.signal,
    };
    const redirect = settleRedirect(page.request.redirect, response, current.url);

    if (redirect.kind === 'none') return basicResponse(response, from);
    if (redirect.kind === 'settled') return redirect.response;
    if (redirects === MAX_REDIRECTS) {
      throw new FetchBlocked(
        'redirect',
        `More than ${MAX_REDIRECTS} redirects from ${describe(url)}.`,
      );
    }
    if (redirect.location.origin !== page.origin) {
      // TODO: follow cross-origin redirects (origin tainted to "null", CORS on every hop);
      // until then a page test meets a TypeError where a browser might succeed.
      throw new FetchBlocked(
        'redirect',
        `Not following the redirect to ${describe(redirect.location)}.`,
      );
    }

    current = { url: redirect.location, outgoing: redirected(current.outgoing, response.status) };
  }
}

async function corsFetch(page: PageFetch, url: URL, outgoing: Outgoing): Promise<Response> {
  const { request, origin } = page;
  const includeCredentials = request.credentials === 'include';
  const unsafeHeaders = corsUnsafeRequestHeaderNames(outgoing.headers);

  if (!isCorsSafelistedMethod(outgoing.method) || unsafeHeaders.length > 0) {
    const scope = { origin, url: url.href, includeCredentials };
    const cacheUse = preflightCacheUse(request.cache, outgoing.headers);
    const preflight = { url, method: outgoing.method, unsafeHeaders, scope, cacheUse };
    await ensurePreflight(page, preflight, page.cache);
  }

  const sent = withPageHeaders(outgoing, origin, true);
  const response = await send(page, url, sent, sendOptions(request));

  const failure = corsCheck(response.headers, origin, includeCredentials);
  if (failure !== null) {
    discardBody(response);
    throw new FetchBlocked('cors_origin', `Blocked by CORS policy: ${failure}`);
  }

  const redirect = settleRedirect(page.request.redirect, response, url);
  if (redirect.kind === 'settled') return redirect.response;
  if (redirect.kind === 'follow') {
    // TODO: follow redirects of CORS requests (see sameOriginFetch); a browser would.
    throw new FetchBlocked('redirect', `Not following the redirect from ${describe(url)}.`);
  }

  const from = { url: url.href, redirected: false, signal: page.signal };

  return corsResponse(response, from, includeCredentials);
}

async function noCorsFetch(page: PageFetch, url: URL, outgoing: Outgoing): Promise<Response> {
  if (!isCorsSafelistedMethod(outgoing.method)) {
    throw new FetchBlocked('mode', `Mode 'no-cors' forbids the method ${outgoing.method}.`);
  }

  // A no-cors request silently loses every header but a few safelisted ones, Authorization too.
  const headers = new Headers();
  outgoing.headers.forEach((value, name) => {
    if (isNoCorsSafelistedRequestHeader(name, value)) headers.append(name, value);
  });

  const sent = withPageHeaders({ ...outgoing, headers }, page.origin, false);
  const response = await send(page, url, sent, sendOptions(page.request));
  const redirect = settleRedirect(page.request.redirect, response, url);
  if (redirect.kind === 'settled') return redirect.response;

  // TODO: follow the redirect; the page sees the same opaque response either way, but the
  // redirect's target never receives the request.
  discardBody(response);

  return opaqueResponse();
}

// What a browser adds itself: `Origin` on every CORS request and on any other that is neither
// GET nor HEAD, and `Accept: */*` when the page set none.
function withPageHeaders(outgoing: Outgoing, origin: string, cors: boolean): Outgoing {
  const headers = new Headers(outgoing.headers);
  if (cors || (outgoing.method !== 'GET' && outgoing.method !== 'HEAD')) {
    headers.set('origin', origin);
  }
  if (!headers.has('accept')) headers.set('accept', '*/*');

  return { ...outgoing, headers };
}

function sendOptions(request: Request): Pick<RequestInit, 'credentials' | 'keepalive'> {
  return { credentials: request.credentials, keepalive: request.keepalive };
}
