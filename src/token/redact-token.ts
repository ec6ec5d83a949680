/**
 * Shortens a token to its first and last four characters (`3f2a…c91e`), enough to tell two
 * tokens apart in a support conversation, never enough to use one.
 */
export function redactToken(token: string): string {
  if (token.length <= 12) return '…';

  return `${token.slice(0, 4)}…${token.slice(-4)}`;
}
