/** The origin of the page the SDK runs in, or `null` outside a browser. */
export function pageOrigin(): string | null {
  const location: { origin?: unknown } | undefined = (globalThis as { location?: Location })
    .location;

  return typeof location?.origin === 'string' ? location.origin : null;
}

/** True only when the browser says it is offline; unknown counts as online. */
export function browserOffline(): boolean {
  const navigator = (globalThis as { navigator?: { onLine?: unknown } }).navigator;

  return navigator?.onLine === false;
}

/**
 * The domain-list entry that lets an origin in, written as the platform's grammar wants it:
 * `shop.example.com` for https on the default port, `http://…` for plain http, `localhost` for
 * any local port.
 */
export function domainEntryFor(origin: string): string {
  const url = new URL(origin);

  if (url.hostname === 'localhost') return 'localhost';
  if (url.protocol === 'https:') return url.host;

  return `${url.protocol}//${url.host}`;
}
