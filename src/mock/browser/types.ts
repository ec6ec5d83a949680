/**
 * Why the stand-in browser turned a fetch into the opaque `TypeError('Failed to fetch')`.
 *
 * - `offline`: the page was offline; nothing was sent.
 * - `network`: the underlying fetch failed (refused connection, msw `HttpResponse.error()`).
 * - `scheme`: the URL is not http or https.
 * - `mixed_content`: an https page asked for an http URL that is not loopback.
 * - `mode`: the request's `mode` forbids it (`same-origin` to another origin, after a redirect
 *   too; a `no-cors` request with a method other than GET, HEAD or POST, or to another origin with
 *   a `redirect` mode other than `follow`).
 * - `keepalive`: a `keepalive` body over 64 KiB.
 * - `preflight_origin`, `preflight_status`, `preflight_method`, `preflight_headers`: the
 *   preflight answer refused the request; the real request was not sent.
 * - `cors_origin`: an answer to a CORS request, a redirect included, carries no matching
 *   `Access-Control-Allow-Origin` (or, for a credentialed request, no
 *   `Access-Control-Allow-Credentials: true`); the server did receive the request.
 * - `redirect`: a redirect the request's `redirect` mode refuses, a 21st redirect, an unusable
 *   `Location`, or a `Location` with credentials.
 * - `status`: a status a page can never see (1xx, or outside 200-599).
 */
export type BlockedReason =
  | 'offline'
  | 'network'
  | 'scheme'
  | 'mixed_content'
  | 'mode'
  | 'keepalive'
  | 'preflight_origin'
  | 'preflight_status'
  | 'preflight_method'
  | 'preflight_headers'
  | 'cors_origin'
  | 'redirect'
  | 'status';

/**
 * What a browser would print to its console when it blocks a fetch. The page itself never sees
 * it; tests can, through `onBlocked`. It names headers, never their values.
 */
export interface BlockedFetch {
  /** A code to assert on. */
  code: BlockedReason;
  /** A sentence in the manner of Chromium's console message. */
  message: string;
  /** The URL the page asked for. */
  url: string;
  /** The page origin the request was made from (`"null"` for an opaque origin). */
  origin: string;
}

/** Options of `createBrowserFetch`. */
export interface BrowserFetchOptions {
  /**
   * The network fetch that actually sends requests. Looked up on `globalThis.fetch` at each
   * call when absent, so msw's interception (patched in on `server.listen()`) applies.
   */
  fetch?: typeof fetch;
  /**
   * The page origin, or a function giving it at each call. Defaults to `location.origin` at each
   * call. `"null"` is the opaque origin; a full URL is reduced to its origin.
   */
  origin?: string | (() => string);
  /** Whether the page is online. Defaults to `navigator.onLine` when `navigator` exists. */
  onLine?: () => boolean;
  /**
   * Called, synchronously and before the fetch rejects, with the reason of each blocked fetch:
   * the equivalent of the browser's console message. An error it throws is ignored.
   */
  onBlocked?: (blocked: BlockedFetch) => void;
}

/** A fetch that behaves as a browser page's does, with its preflight cache. */
export type BrowserFetch = typeof fetch & {
  /** Forgets every cached preflight answer of this fetch. */
  clearPreflightCache(): void;
};
