/**
 * Reads a `Retry-After` header as seconds to wait: either a number of seconds or an HTTP date.
 * Returns `undefined` when the header is absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;

  if (/^\s*\d+\s*$/.test(value)) return Number(value);

  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;

  return Math.max(0, Math.ceil((date - now) / 1000));
}
