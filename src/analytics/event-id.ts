/** How many ids one call to `crypto.getRandomValues` pays for. */
const IDS_PER_FILL = 256;

let pool: Uint8Array | undefined;
let offset = 0;
let hex: string[] | undefined;

/**
 * A random version 4 UUID for an event, as fast as `track()` needs: random bytes are drawn from
 * `crypto.getRandomValues` in blocks of 256 ids (each byte used once), and written as hex from a
 * table. It works where `crypto.randomUUID` does not (pages not served over https).
 */
export function eventId(): string {
  if (pool === undefined || offset === pool.length) {
    pool ??= new Uint8Array(16 * IDS_PER_FILL);
    crypto.getRandomValues(pool);
    offset = 0;
  }

  const b = pool;
  const o = offset;
  const h = (hex ??= Array.from({ length: 256 }, (_, n) => n.toString(16).padStart(2, '0')));
  offset += 16;

  const at = (i: number): string => h[b[o + i] ?? 0] ?? '00';
  const version = h[((b[o + 6] ?? 0) & 0x0f) | 0x40] ?? '40';
  const variant = h[((b[o + 8] ?? 0) & 0x3f) | 0x80] ?? '80';

  return (
    at(0) +
    at(1) +
    at(2) +
    at(3) +
    '-' +
    at(4) +
    at(5) +
    '-' +
    version +
    at(7) +
    '-' +
    variant +
    at(9) +
    '-' +
    at(10) +
    at(11) +
    at(12) +
    at(13) +
    at(14) +
    at(15)
  );
}
