import { FetchBlocked, describe, discardBody } from './network';
import { opaqueRedirectResponse, responseUrl } from './page-response';
import type { Hop, PageFetch } from './hop';
import type { Outgoing } from './network';

/** A browser follows at most 20 redirects. */
export const MAX_REDIRECTS = 20;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const REQUEST_BODY_HEADERS = [
  'content-encoding',
  'content-language',
  'content-location',
  'content-type',
];

/**
 * What to do with an answer: `none` (it is final), `settled` (the page gets `response`), or
 * `follow` the redirect to `location`.
 */
export type Redirect =
  { kind: 'none' } | { kind: 'settled'; response: Response } | { kind: 'follow'; location: URL };

/**
 * Settles a redirect answer in the `error` mode (a `redirect` block) and the `manual` mode (an
 * `opaqueredirect` response), or names the URL to follow. A redirect without `Location` is final.
 */
export function settleRedirect(mode: RequestRedirect, response: Response, url: URL): Redirect {
  if (!REDIRECT_STATUSES.has(response.status)) return { kind: 'none' };

  if (mode === 'error') {
    discardBody(response);
    throw new FetchBlocked('redirect', `${describe(url)} redirected in redirect mode 'error'.`);
  }
  if (mode === 'manual') {
    discardBody(response);
    return { kind: 'settled', response: opaqueRedirectResponse(responseUrl(url)) };
  }

  const location = response.headers.get('location');
  if (location === null) return { kind: 'none' };

  discardBody(response);
  const target = URL.canParse(location, url) ? new URL(location, url) : null;
  if (target === null || (target.protocol !== 'http:' && target.protocol !== 'https:')) {
    throw new FetchBlocked('redirect', `${describe(url)} redirected to an unusable Location.`);
  }

  return { kind: 'follow', location: target };
}

/**
 * The hop after a redirect to `location`, by the Fetch standard's "HTTP-redirect fetch" as
 * Chromium implements it:
 * - a `Location` with credentials (`user:pass@`) fails; the standard fails it for a CORS request
 *   that is or goes cross-origin, Chromium (checked in Debian's Chromium 156) in every mode;
 * - 303, and 301 or 302 after a POST, turn the request into a GET without body headers;
 * - a redirect to another origin removes `Authorization`;
 * - `Origin` becomes `"null"` for good when a CORS request is redirected from an origin other than
 *   the page's to another origin (the standard's redirect-tainted origin), or a `no-cors` request
 *   to any other origin (Chromium's network stack rewrites the header there).
 */
export function redirectedHop(page: PageFetch, hop: Hop, location: URL, status: number): Hop {
  if (location.username !== '' || location.password !== '') {
    throw new FetchBlocked(
      'redirect',
      `${describe(hop.url)} redirected to a URL with credentials.`,
    );
  }

  const crosses = location.origin !== hop.url.origin;
  const outgoing = redirected(hop.outgoing, status);
  if (crosses) outgoing.headers.delete('authorization');

  const tainted =
    page.request.mode === 'no-cors' ? crosses : crosses && hop.url.origin !== page.origin;

  return {
    url: location,
    outgoing,
    tainting: hop.tainting,
    nullOrigin: hop.nullOrigin || tainted,
  };
}

// 303, and 301 or 302 after a POST, turn the request into a GET. The headers are always a copy.
function redirected(outgoing: Outgoing, status: number): Outgoing {
  const headers = new Headers(outgoing.headers);
  const toGet =
    ((status === 301 || status === 302) && outgoing.method === 'POST') ||
    (status === 303 && outgoing.method !== 'GET' && outgoing.method !== 'HEAD');
  if (!toGet) return { ...outgoing, headers };

  for (const name of REQUEST_BODY_HEADERS) headers.delete(name);

  return { method: 'GET', headers, body: null };
}
