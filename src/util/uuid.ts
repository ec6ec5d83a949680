/**
 * A random version 4 UUID. `crypto.randomUUID` exists only in secure contexts, and retailers'
 * pages are not all served over https, so this builds one from `crypto.getRandomValues`.
 */
export function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;

  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

  const groups = [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20)];

  return `${groups.join('-')}-${hex.slice(20)}`;
}
