/**
 * The platform's CORS headers. A page may read an answer only when it carries
 * `Access-Control-Allow-Origin` for the page's origin; the platform withholds it from origins a
 * public token does not allow.
 */

/** The response headers a page may read, as `Access-Control-Expose-Headers` lists them. */
export const EXPOSED_HEADERS = 'etag, retry-after, x-request-id, idempotent-replayed';

/**
 * The request's `Origin`, when it is one a response may name: a serialized http or https origin.
 * The opaque origin `null` and malformed values are never echoed.
 */
export function echoableOrigin(request: Request): string | null {
  const origin = request.headers.get('origin');

  if (origin === null || origin === 'null') {
    return null;
  }

  try {
    const url = new URL(origin);
    const web = url.protocol === 'http:' || url.protocol === 'https:';

    // Echoed as sent, since browsers compare it byte for byte, but only if it is just an origin.
    return web && url.origin.toLowerCase() === origin.toLowerCase() ? origin : null;
  } catch {
    return null;
  }
}

/** The headers of an answer the origin may read. Without an origin, none are needed. */
export function readableHeaders(origin: string | null): Record<string, string> {
  if (origin === null) {
    return {};
  }

  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': EXPOSED_HEADERS,
    vary: 'Origin',
  };
}

/**
 * The headers of an answer to a preflight. A preflight carries no token, so it is allowed for
 * any origin; the real request is refused afterwards if its origin is not on the token's list.
 */
export function preflightHeaders(origin: string | null): Record<string, string> {
  const allowOrigin: Record<string, string> =
    origin === null ? {} : { 'access-control-allow-origin': origin };

  return {
    ...allowOrigin,
    'access-control-allow-methods': 'GET, POST, DELETE',
    'access-control-allow-headers': 'authorization, content-type, idempotency-key',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
}
