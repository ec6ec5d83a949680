import { corsCheck, parseTokenList } from './cors-check';
import { isCorsNonWildcardRequestHeader, isCorsSafelistedMethod } from './cors-safelist';
import { FetchBlocked, describe, discardBody, send } from './network';
import { parseMaxAge } from './preflight-cache';
import type { Exchange } from './network';
import type { PreflightCache, PreflightCacheUse, PreflightScope } from './preflight-cache';

/** The request a preflight asks permission for. */
export interface PreflightRequest {
  url: URL;
  method: string;
  /** The CORS-unsafe header names, lower-cased and sorted. */
  unsafeHeaders: readonly string[];
  scope: PreflightScope;
  /** Whether the request's cache mode lets it use the cache (see `preflightCacheUse`). */
  cacheUse: PreflightCacheUse;
}

/**
 * Asks the server, with an `OPTIONS` request, whether the page may send `request`, unless the
 * cache already allows it and the request's cache mode lets it look there. Resolves when it may,
 * having cached the answer if the cache mode lets it; throws a `FetchBlocked` when it may not, or
 * the signal's reason on an abort.
 */
export async function ensurePreflight(
  exchange: Exchange,
  request: PreflightRequest,
  cache: PreflightCache,
): Promise<void> {
  const { cacheUse } = request;
  if (cacheUse.read && cache.covers(request.scope, request.method, request.unsafeHeaders)) return;

  const headers = new Headers({
    accept: '*/*',
    origin: request.scope.origin,
    'access-control-request-method': request.method,
  });
  if (request.unsafeHeaders.length > 0) {
    headers.set('access-control-request-headers', request.unsafeHeaders.join(','));
  }

  const outgoing = { method: 'OPTIONS', headers, body: null };
  const response = await send(exchange, request.url, outgoing, { credentials: 'omit' });
  discardBody(response);

  const { methods, headerNames } = checkPreflight(response, request);
  if (!cacheUse.write) return;

  const maxAge = parseMaxAge(response.headers.get('access-control-max-age'));
  cache.store(request.scope, methods, headerNames, maxAge);
}

function checkPreflight(
  response: Response,
  request: PreflightRequest,
): { methods: string[]; headerNames: string[] } {
  const { scope, method, unsafeHeaders } = request;
  const refused = `Response to preflight request for ${describe(request.url)} doesn't pass`;

  const originFailure = corsCheck(response.headers, scope.origin, scope.includeCredentials);
  if (originFailure !== null) {
    throw new FetchBlocked('preflight_origin', `${refused} access control check: ${originFailure}`);
  }
  if (response.status < 200 || response.status > 299) {
    throw new FetchBlocked('preflight_status', `${refused}: it has no HTTP ok status.`);
  }

  const methods = parseTokenList(response.headers.get('access-control-allow-methods'));
  if (methods === null) {
    throw new FetchBlocked('preflight_method', `${refused}: bad Access-Control-Allow-Methods.`);
  }

  const wildcard = !scope.includeCredentials;
  const methodAllowed =
    methods.includes(method) ||
    isCorsSafelistedMethod(method) ||
    (wildcard && methods.includes('*'));
  if (!methodAllowed) {
    const message = `Method ${method} is not in the preflight's Access-Control-Allow-Methods.`;
    throw new FetchBlocked('preflight_method', message);
  }

  const headerNames = parseTokenList(response.headers.get('access-control-allow-headers'));
  if (headerNames === null) {
    throw new FetchBlocked('preflight_headers', `${refused}: bad Access-Control-Allow-Headers.`);
  }

  const allowed = new Set(headerNames.map((name) => name.toLowerCase()));
  const refusedHeader = unsafeHeaders.find(
    (name) =>
      !allowed.has(name) &&
      !(wildcard && !isCorsNonWildcardRequestHeader(name) && allowed.has('*')),
  );
  if (refusedHeader !== undefined) {
    const message = `${refusedHeader} is not in the preflight's Access-Control-Allow-Headers.`;
    throw new FetchBlocked('preflight_headers', message);
  }

  return { methods, headerNames };
}
