/**
 * Random ids for the mock platform. They come from `crypto.getRandomValues`, which browsers offer
 * on every page, where `crypto.randomUUID` needs a secure context.
 */

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A random version 4 UUID, in lower case. */
export function randomUuid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));

  // Version 4 and the RFC 4122 variant, as `crypto.randomUUID` sets them.
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;

  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20),
  ].join('-');
}

/**
 * A random string of base64url characters, such as a configuration's short id.
 *
 * @param length How many characters; each carries 6 random bits.
 */
export function randomBase64Url(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));

  // 256 is a multiple of 64, so taking the low 6 bits keeps every character equally likely.
  return Array.from(bytes, (byte) => BASE64URL[byte & 63]).join('');
}
