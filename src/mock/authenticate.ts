import { UUID } from '../platform/types';
import { originAllowed } from './domains';
import { errorReply, type Reply } from './reply';
import type { OwnedToken, PlatformState } from './types';

/** Which tokens an endpoint takes. */
export type Access = 'any' | 'private';

/** The token a request may act with, or the answer that refuses it. */
export type Authentication = { token: OwnedToken; refusal?: never } | { refusal: Reply };

const BEARER = /^bearer(?: +(\S+))? *$/i;

/**
 * Checks a request's token, in the contract's order: a missing, unknown or revoked token
 * (401); a private token in a browser (403, readable); a public token from an origin outside its
 * domain list, or with no origin at all (403 `origin_not_allowed`, unreadable by the page); a
 * public token on a private endpoint (403 `permission_denied`).
 */
export function authenticate(
  state: PlatformState,
  request: Request,
  access: Access,
): Authentication {
  const secret = bearerSecret(request.headers.get('authorization'));

  if (secret === '') {
    return refuse(
      401,
      'token_missing',
      'No access token: send it as "Authorization: Bearer <token>".',
    );
  }

  const token = secret !== null && UUID.test(secret) ? state.findToken(secret) : undefined;

  if (token === undefined) {
    return refuse(
      401,
      'token_invalid',
      'The access token is not valid: check that it was copied whole, as "Authorization: Bearer <token>".',
    );
  }

  if (token.revokedAt !== null) {
    return refuse(
      401,
      'token_revoked',
      `The access token "${token.name}" was revoked at ${token.revokedAt}: use another token.`,
    );
  }

  return checkOrigin(token, request.headers.get('origin'), access);
}

function checkOrigin(token: OwnedToken, origin: string | null, access: Access): Authentication {
  if (token.kind === 'private') {
    return origin === null
      ? { token }
      : refuse(
          403,
          'private_token_in_browser',
          'A private token was sent from a web page: private tokens belong on servers. Use a public token in pages.',
        );
  }

  if (!originAllowed(origin, token.domains)) {
    const from = origin === null ? 'A request without an Origin' : `The origin ${origin}`;
    const refusal = refuse(
      403,
      'origin_not_allowed',
      `${from} is not on the domain list of the public token "${token.name}": add it to the token's domains.`,
    );

    return { refusal: { ...refusal.refusal, cors: 'hidden' } };
  }

  return access === 'private'
    ? refuse(
        403,
        'permission_denied',
        'This endpoint needs a private token; public tokens may not manage tokens.',
      )
    : { token };
}

/** The token of an Authorization header: `''` when none was sent, `null` when malformed. */
function bearerSecret(header: string | null): string | null {
  if (header === null || header === '') {
    return '';
  }

  const match = BEARER.exec(header);

  return match === null ? null : (match[1] ?? '');
}

function refuse(status: number, code: string, message: string): { refusal: Reply } {
  return { refusal: errorReply(status, code, message) };
}
