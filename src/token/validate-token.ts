import { UsageError } from '../errors/classes';
import { UUID } from '../platform/types';

/**
 * Checks a public access token before anything is sent: it must be a UUID and nothing else.
 * A token with spaces, line breaks or extra text around it is refused rather than trimmed, since a
 * token pasted with a line break usually hides a copy-and-paste mistake. The message never quotes
 * the token: a value passed here may be a secret that does not belong in a log.
 */
export function validateToken(token: unknown): string {
  if (typeof token !== 'string' || token.length === 0) {
    throw new UsageError(
      'malformed_token',
      'Missing token: pass the public access token from the platform, e.g. createClient({ token: "…", apiUrl }).',
    );
  }

  if (!UUID.test(token)) {
    throw new UsageError('malformed_token', `Malformed token: ${describeShape(token)}.`);
  }

  return token;
}

/** Says what is wrong with a malformed token without revealing any of it. */
function describeShape(token: string): string {
  if (/^\s|\s$/.test(token)) {
    return 'it starts or ends with white space; pass the token exactly as the platform shows it';
  }

  if (/[\r\n]/.test(token)) {
    return 'it spans several lines; pass the token exactly as the platform shows it';
  }

  return `expected a UUID such as 3f2a0c1e-…-c91e, got ${token.length} characters that are not one`;
}
