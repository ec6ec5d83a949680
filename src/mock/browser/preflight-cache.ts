import { isCorsNonWildcardRequestHeader, isCorsSafelistedMethod } from './cors-safelist';

/** The standard's default when `Access-Control-Max-Age` is absent or malformed, in seconds. */
const DEFAULT_MAX_AGE = 5;

/** Chromium keeps a preflight answer two hours at most (Firefox: 24 hours). */
const MAX_AGE_CAP = 7200;

/** What a preflight answer is cached for: the page origin, the URL, the credentials mode. */
export interface PreflightScope {
  origin: string;
  url: string;
  includeCredentials: boolean;
}

/** Whether a request may go without a preflight on a cached answer, and may cache its own. */
export interface PreflightCacheUse {
  read: boolean;
  write: boolean;
}

/** The headers that make a `default` request conditional, as Chromium counts them. */
const CONDITIONAL_HEADERS = [
  'if-match',
  'if-modified-since',
  'if-none-match',
  'if-range',
  'if-unmodified-since',
];

/**
 * How a request uses the preflight cache, which Chromium decides by the request's cache mode (the
 * Fetch standard's preflight cache ignores it):
 * - `default` and `force-cache` read and write it (`only-if-cached` would too, but it is for
 *   same-origin requests only, which are never preflighted);
 * - `no-cache` and `reload` are always preflighted, yet their preflight's answer is cached;
 * - `no-store` is always preflighted, and its preflight's answer is not cached.
 *
 * A `default` request with a conditional header (`If-None-Match`, …) counts as `no-cache`, as a
 * page's fetch does in Chromium.
 *
 * Chromium gives the request the load flag `LOAD_DISABLE_CACHE` for `no-store`,
 * `LOAD_VALIDATE_CACHE` for `no-cache` and `LOAD_BYPASS_CACHE` for `reload`; its preflight
 * controller (services/network/cors/preflight_controller.cc) looks in the cache only when none of
 * the three is set, and stores a preflight's answer unless `LOAD_DISABLE_CACHE` is. Checked in
 * Debian's Chromium (three requests to one URL, max-age 600): `no-store`, `no-cache` and `reload`
 * send three preflights, `default` and `force-cache` one; after a `no-cache` or `reload` request a
 * `default` one sends none, after a `no-store` one it sends its own.
 */
export function preflightCacheUse(mode: RequestCache, headers: Headers): PreflightCacheUse {
  const conditional = CONDITIONAL_HEADERS.some((name) => headers.has(name));
  const effective = mode === 'default' && conditional ? 'no-cache' : mode;

  switch (effective) {
    case 'no-store':
      return { read: false, write: false };
    case 'no-cache':
    case 'reload':
      return { read: false, write: true };
    default:
      return { read: true, write: true };
  }
}

/**
 * Reads `Access-Control-Max-Age` in seconds: 5 when absent or not a whole number, capped at two
 * hours as Chromium does.
 */
export function parseMaxAge(value: string | null): number {
  if (value === null || !/^\d+$/.test(value.trim())) return DEFAULT_MAX_AGE;

  return Math.min(Number(value.trim()), MAX_AGE_CAP);
}

/**
 * The CORS-preflight cache of one browser fetch: an entry per allowed method and per allowed
 * header name, each expiring on its own, as the standard keeps them. Time is `Date.now()`, so
 * fake timers drive it.
 */
export class PreflightCache {
  private readonly expiries = new Map<string, number>();

  /** Whether cached answers allow `method` and every name in `headerNames` without a preflight. */
  covers(scope: PreflightScope, method: string, headerNames: readonly string[]): boolean {
    const now = Date.now();
    const wildcard = !scope.includeCredentials;
    const live = (kind: string, name: string): boolean =>
      (this.expiries.get(entryKey(scope, kind, name)) ?? 0) > now;

    const methodAllowed =
      isCorsSafelistedMethod(method) || live('method', method) || (wildcard && live('method', '*'));

    return (
      methodAllowed &&
      headerNames.every(
        (name) =>
          live('header', name.toLowerCase()) ||
          (wildcard && !isCorsNonWildcardRequestHeader(name) && live('header', '*')),
      )
    );
  }

  /** Remembers a successful preflight's allowed methods and header names for `maxAge` seconds. */
  store(
    scope: PreflightScope,
    methods: readonly string[],
    headerNames: readonly string[],
    maxAge: number,
  ): void {
    // With a max-age of 0 the entries expire at once: every request is preflighted.
    const expiry = Date.now() + maxAge * 1000;
    for (const method of methods) this.expiries.set(entryKey(scope, 'method', method), expiry);
    for (const name of headerNames) {
      this.expiries.set(entryKey(scope, 'header', name.toLowerCase()), expiry);
    }
  }

  /** Forgets every entry. */
  clear(): void {
    this.expiries.clear();
  }
}

// Methods compare case-sensitively, as the standard says; header names were lower-cased.
function entryKey(scope: PreflightScope, kind: string, name: string): string {
  return JSON.stringify([scope.origin, scope.url, scope.includeCredentials, kind, name]);
}
