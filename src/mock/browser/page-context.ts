import type { BlockedFetch, BrowserFetchOptions } from './types';

/** Marks a browser fetch, so that one never sends its requests through itself (or another). */
export const BROWSER_FETCH = Symbol.for('configurator-embed.browserFetch');

/** Resolves a relative URL against the page's, as a page does; Node's `Request` refuses one. */
export function resolveInput(input: RequestInfo | URL): Request | URL {
  if (typeof input !== 'string') return input;

  return new URL(input, typeof location === 'undefined' ? undefined : location.href);
}

/** The page origin at the time of a call: the option's, else `location.origin`. */
export function pageOrigin(option: BrowserFetchOptions['origin']): string {
  const value = typeof option === 'function' ? option() : (option ?? locationOrigin());
  if (value === 'null') return 'null';
  if (!URL.canParse(value)) {
    throw new Error(
      `createBrowserFetch: options.origin '${value}' is neither an origin nor 'null'.`,
    );
  }

  return new URL(value).origin;
}

/** The fetch that sends over the network at the time of a call: the option's, else the global. */
export function underlyingFetch(option: typeof fetch | undefined): typeof fetch {
  const network = option ?? globalThis.fetch;
  if (typeof network !== 'function') {
    throw new Error('createBrowserFetch: there is no fetch to send with; set options.fetch.');
  }
  if (BROWSER_FETCH in network) {
    throw new Error('createBrowserFetch: globalThis.fetch is a browser fetch; set options.fetch.');
  }

  return network;
}

/** Whether the page is online: the option's answer, else `navigator.onLine`. */
export function isOnline(onLine: (() => boolean) | undefined): boolean {
  if (onLine !== undefined) return onLine();

  // Where a runtime leaves onLine undefined, the page counts as online.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-boolean-literal-compare
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

/**
 * Whether an https page may fetch this http host: loopback hosts are potentially trustworthy,
 * any other is mixed content.
 */
export function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127\.\d+\.\d+\.\d+$/.test(hostname)
  );
}

/** Hands a blocked fetch to the `onBlocked` hook, if any. */
export function report(onBlocked: BrowserFetchOptions['onBlocked'], blocked: BlockedFetch): void {
  try {
    onBlocked?.(blocked);
  } catch {
    // A diagnostic hook must not change what the page sees.
  }
}

function locationOrigin(): string {
  if (typeof location === 'undefined') {
    throw new Error('createBrowserFetch: there is no page origin; set options.origin.');
  }

  return location.origin;
}
