import { corsCheck } from './cors-check';
import { corsUnsafeRequestHeaderNames, isCorsSafelistedMethod } from './cors-safelist';
import { FetchBlocked, discardBody, send } from './network';
import { basicResponse, corsResponse, opaqueResponse, responseUrl } from './page-response';
import { ensurePreflight } from './preflight';
import { preflightCacheUse } from './preflight-cache';
import type { Exchange, Outgoing } from './network';
import type { PreflightCache } from './preflight-cache';

/** One call of a browser fetch: the page's request and what it is sent with. */
export interface PageFetch extends Exchange {
  request: Request;
  /** The page origin, `"null"` for an opaque one. */
  origin: string;
  cache: PreflightCache;
}

/**
 * The Fetch standard's response tainting: `basic` while every URL so far is same-origin with the
 * page, then `cors` for a `cors` request and `opaque` for a `no-cors` one, for good.
 */
export type ResponseTainting = 'basic' | 'cors' | 'opaque';

/** A request as it stands at one URL of its redirect chain. */
export interface Hop {
  url: URL;
  outgoing: Outgoing;
  tainting: ResponseTainting;
  /** Whether its `Origin` is serialized as `"null"` after a redirect (see `redirectedHop`). */
  nullOrigin: boolean;
}

/**
 * Sends one hop as the page's browser would: with its `Origin` and `Accept`, after a preflight
 * where a CORS hop needs one, and refusing a CORS answer (a redirect too) that fails the CORS
 * check. Resolves with the network's answer, not yet filtered for the page.
 */
export async function sendHop(page: PageFetch, hop: Hop): Promise<Response> {
  const { request } = page;
  const origin = hop.nullOrigin ? 'null' : page.origin;
  const cors = hop.tainting === 'cors';
  const includeCredentials = request.credentials === 'include';

  const unsafeHeaders = corsUnsafeRequestHeaderNames(hop.outgoing.headers);
  if (cors && (!isCorsSafelistedMethod(hop.outgoing.method) || unsafeHeaders.length > 0)) {
    const scope = { origin, url: hop.url.href, includeCredentials };
    // Chromium keys a redirect-tainted preflight by a new opaque origin, which matches nothing:
    // such a hop is preflighted every time (checked in Debian's Chromium 156).
    const cacheUse = hop.nullOrigin
      ? { read: false, write: false }
      : preflightCacheUse(request.cache, hop.outgoing.headers);
    const preflight = { url: hop.url, method: hop.outgoing.method, unsafeHeaders, scope, cacheUse };
    await ensurePreflight(page, preflight, page.cache);
  }

  const sent = withPageHeaders(hop.outgoing, origin, cors);
  const response = await send(page, hop.url, sent, {
    credentials: request.credentials,
    keepalive: request.keepalive,
  });
  if (!cors) return response;

  const failure = corsCheck(response.headers, origin, includeCredentials);
  if (failure !== null) {
    discardBody(response);
    throw new FetchBlocked('cors_origin', `Blocked by CORS policy: ${failure}`);
  }

  return response;
}

/** The final answer of a hop as the page sees it, by the request's response tainting. */
export function pageResponse(
  page: PageFetch,
  hop: Hop,
  response: Response,
  redirected: boolean,
): Response {
  const from = { url: responseUrl(hop.url), redirected, signal: page.signal };

  switch (hop.tainting) {
    case 'basic':
      return basicResponse(response, from);
    case 'cors':
      return corsResponse(response, from, page.request.credentials === 'include');
    case 'opaque':
      discardBody(response);

      return opaqueResponse();
  }
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
