/**
 * The grammar of a public token's domain list, and how a page origin is matched against it.
 *
 * An entry is `[scheme "://"] host [":" port]`:
 *
 * - `shop.example.com` or `https://shop.example.com`: that host over https on the default port.
 *   An explicit `https://` means the same as no scheme at all.
 * - `shop.example.com:8443` or `https://shop.example.com:8443`: https on that port.
 * - `http://shop.example.com` or `http://shop.example.com:8080`: plain http, which always needs
 *   the explicit scheme.
 * - `*.example.com` (or `https://*.example.com`): any subdomain at any depth, over https on the
 *   default port, never the apex. The wildcard needs at least two labels after `*.`, so `*.com`
 *   and `*.localhost` are refused; a public suffix such as `*.co.uk` is still accepted because
 *   the mock holds no public suffix list. A wildcard takes no port and no `http://`.
 * - `localhost` alone: `http://localhost` and `https://localhost` on any port. With a scheme or
 *   a port (`http://localhost:3000`) it is an ordinary entry that names that one origin.
 * - IP addresses (`127.0.0.1`, `[::1]`) are ordinary hosts: they match only an entry naming them.
 *
 * Hosts compare in lower-case ASCII (punycode) form, so an entry written in Unicode matches its
 * `xn--` origin. One trailing dot is ignored on both sides. Anything else (paths, queries,
 * userinfo, percent-escapes, whitespace, a bare `*`, other schemes) is refused.
 */

/** A domain list entry, parsed. */
export type DomainEntry =
  | { type: 'localhost' }
  | { type: 'exact'; scheme: 'http' | 'https'; host: string; port: string }
  | { type: 'wildcard'; suffix: string };

/** Thrown when a token is created with a domain entry outside the grammar. */
export class DomainEntryError extends Error {
  override readonly name = 'DomainEntryError';

  /** The entry that was refused, as written. */
  readonly entry: string;

  constructor(entry: string) {
    super(
      `Invalid domain entry ${JSON.stringify(entry)}: use a host such as "shop.example.com", ` +
        '"shop.example.com:8443", "http://shop.example.com", "*.example.com" or "localhost".',
    );
    this.entry = entry;
  }
}

const SCHEME = /^(https?):\/\//i;

// A host in brackets (IPv6) or a run of characters that cannot end the authority, then a port.
const AUTHORITY = /^(\[[0-9a-f:.]+\]|[^\s/\\?#@:[\]%*]+|\*\.[^\s/\\?#@:[\]%*]+)(?::(\d+))?$/i;

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443' };

/**
 * Parses one entry of a public token's domain list.
 *
 * @returns The entry, or `null` when the entry is outside the grammar and must be refused.
 * @example
 * parseDomainEntry('*.example.com'); // { type: 'wildcard', suffix: 'example.com' }
 * parseDomainEntry('example.com/shop'); // null
 */
export function parseDomainEntry(entry: string): DomainEntry | null {
  const scheme = SCHEME.exec(entry)?.[1]?.toLowerCase();
  const rest = scheme === undefined ? entry : entry.slice(scheme.length + 3);
  const authority = AUTHORITY.exec(rest);

  if (authority === null) {
    return null;
  }

  const rawHost = authority[1] ?? '';
  const rawPort = authority[2];

  if (rawHost.startsWith('*.')) {
    const suffix = normalizeHost(rawHost.slice(2));

    const usable =
      suffix !== null && rawPort === undefined && scheme !== 'http' && !suffix.startsWith('[');

    return usable && !IPV4.test(suffix) && suffix.split('.').length >= 2
      ? { type: 'wildcard', suffix }
      : null;
  }

  const host = normalizeHost(rawHost);

  if (host === null || !sameIpv4Spelling(rawHost, host)) {
    return null;
  }

  if (host === 'localhost' && scheme === undefined && rawPort === undefined) {
    return { type: 'localhost' };
  }

  const resolvedScheme = scheme === 'http' ? 'http' : 'https';
  const port = normalizePort(rawPort, resolvedScheme);

  return port === null ? null : { type: 'exact', scheme: resolvedScheme, host, port };
}

/**
 * Tells whether a page origin may use a public token with this domain list.
 *
 * @param origin The request's `Origin` header, or `null` when it has none. The opaque origin
 *   `"null"` matches nothing, whatever the list holds.
 * @param domains The token's domain list; entries outside the grammar match nothing.
 */
export function originAllowed(origin: string | null, domains: readonly string[]): boolean {
  const parsed = parseOrigin(origin);

  if (parsed === null) {
    return false;
  }

  return domains.some((entry) => {
    const rule = parseDomainEntry(entry);

    return rule !== null && entryMatches(rule, parsed);
  });
}

interface ParsedOrigin {
  scheme: 'http' | 'https';
  host: string;
  port: string;
}

function entryMatches(entry: DomainEntry, origin: ParsedOrigin): boolean {
  switch (entry.type) {
    case 'localhost':
      return origin.host === 'localhost';
    case 'exact':
      return (
        origin.scheme === entry.scheme && origin.host === entry.host && origin.port === entry.port
      );
    case 'wildcard':
      return (
        origin.scheme === 'https' && origin.port === '' && origin.host.endsWith(`.${entry.suffix}`)
      );
  }
}

function parseOrigin(origin: string | null): ParsedOrigin | null {
  if (origin === null || origin === 'null') {
    return null;
  }

  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return null;
  }

  const scheme = url.protocol === 'https:' ? 'https' : url.protocol === 'http:' ? 'http' : null;
  const bare = url.username === '' && url.password === '' && url.pathname === '/';

  if (scheme === null || !bare || url.search !== '' || url.hash !== '') {
    return null;
  }

  const host = stripTrailingDot(url.hostname);

  return host === null ? null : { scheme, host, port: url.port };
}

/** The host in lower-case ASCII without its one trailing dot, or `null` if it is no host. */
function normalizeHost(raw: string): string | null {
  let hostname: string;
  try {
    hostname = new URL(`https://${raw}`).hostname;
  } catch {
    return null;
  }

  const host = stripTrailingDot(hostname);

  return host !== null && host !== '' ? host : null;
}

function stripTrailingDot(hostname: string): string | null {
  if (hostname.startsWith('[')) {
    return hostname;
  }

  const host = hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;

  // Every label must be a real one: this refuses `a..b`, a second trailing dot and `-a`.
  return host.split('.').every((label) => LABEL.test(label)) ? host : null;
}

/** The URL parser reads `127.1` and `0x7f.1` as 127.0.0.1; an entry must spell it out. */
function sameIpv4Spelling(raw: string, host: string): boolean {
  return !IPV4.test(host) || raw.replace(/\.$/, '') === host;
}

/** The port as a URL shows it: `''` for the scheme's default, `null` when out of range. */
function normalizePort(raw: string | undefined, scheme: 'http' | 'https'): string | null {
  if (raw === undefined) {
    return '';
  }

  if (!/^[1-9]\d{0,4}$/.test(raw) || Number(raw) > 65535) {
    return null;
  }

  return raw === DEFAULT_PORTS[scheme] ? '' : raw;
}
