/**
 * A 64-bit hash of the token as 16 hex digits, to name storage keys per token without writing
 * the token itself anywhere. Not a secret-keeping hash: it only keeps the token out of storage
 * and apart from other tokens' keys (a public token is visible in the page anyway).
 */
export function hashToken(token: string): string {
  const normal = token.toLowerCase();
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x5bd1e995;

  for (let i = 0; i < normal.length; i += 1) {
    const code = normal.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 0x01000193);
    h2 = Math.imul(h2 ^ code, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }

  h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b) ^ Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 0x85ebca6b) ^ Math.imul(h1 ^ (h1 >>> 13), 0xc2b2ae35);

  return hex32(h1) + hex32(h2);
}

function hex32(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}
