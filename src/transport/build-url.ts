/**
 * Builds a request URL under the platform's base (its origin and any base path) from path
 * segments, each encoded as one segment. Ids from callers reach it already checked (UUIDs and
 * short ids), so no segment can be empty or a dot segment that a URL parser would resolve.
 */
export function buildUrl(base: URL, path: readonly string[]): string {
  const segments = path.map((segment) => encodeURIComponent(segment));

  return `${base.origin}${base.pathname.replace(/\/+$/, '')}/${segments.join('/')}`;
}
