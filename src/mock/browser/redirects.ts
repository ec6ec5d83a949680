import { FetchBlocked, describe, discardBody } from './network';
import { opaqueRedirectResponse } from './page-response';
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
    return { kind: 'settled', response: opaqueRedirectResponse(url.href) };
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

/** The request to send after a redirect: 303, or 301 and 302 after a POST, turn it into a GET. */
export function redirected(outgoing: Outgoing, status: number): Outgoing {
  const toGet =
    ((status === 301 || status === 302) && outgoing.method === 'POST') ||
    (status === 303 && outgoing.method !== 'GET' && outgoing.method !== 'HEAD');
  if (!toGet) return outgoing;

  const headers = new Headers(outgoing.headers);
  for (const name of REQUEST_BODY_HEADERS) headers.delete(name);

  return { method: 'GET', headers, body: null };
}
