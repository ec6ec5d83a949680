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

  hex ??= Array.from({ length: 256 }, (_, n) => n.toString(16).padStart(2, '0'));
  // Byte 6 starts with the version (4), byte 8 with the variant (binary 10).
  pool[offset + 6] = ((pool[offset + 6] ?? 0) & 0x0f) | 0x40;
  pool[offset + 8] = ((pool[offset + 8] ?? 0) & 0x3f) | 0x80;
  let id = '';

  for (let i = 0; i < 16; i += 1) {
    if (i === 4 || i === 6 || i === 8 || i === 10) id += '-';
    id += hex[pool[offset + i] ?? 0] ?? '';
  }

  offset += 16;

  return id;
}
