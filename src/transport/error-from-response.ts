import {
  AuthError,
  CorsError,
  NotFoundError,
  PermissionError,
  PrivateTokenError,
  RateLimitError,
  ResponseError,
  ServerError,
  ValidationError,
  type FieldProblem,
} from '../errors/classes';
import type { ConfiguratorError, ErrorDetails } from '../errors/configurator-error';
import { parseRetryAfter } from './retry-after';

/** An answer from the platform that is not a success. */
export interface FailedAnswer {
  status: number;
  body: unknown;
  requestId: string | undefined;
  retryAfter: string | null;
}

/**
 * Turns a platform answer that is not a success into the typed error a caller can act on,
 * by status first and by the platform's code within it.
 */
export function errorFromResponse(action: string, answer: FailedAnswer): ConfiguratorError {
  const { status, body, requestId } = answer;
  const platformCode = readCode(body);
  const details: ErrorDetails = { status, platformCode, body, requestId };
  const where = requestId === undefined ? status : `${status}, request ${requestId}`;
  const fail = (reason: string) => `Failed to ${action}: ${reason} (${where})`;

  switch (status) {
    case 401:
      if (platformCode === 'token_revoked') {
        return new AuthError(
          platformCode,
          fail('the token was revoked; create a new public token'),
          details,
        );
      }
      if (platformCode === 'token_missing') {
        return new AuthError(platformCode, fail('the request carried no token'), details);
      }

      return new AuthError(
        'token_invalid',
        fail('the platform does not know this token; check the token you passed'),
        details,
      );
    case 403:
      if (platformCode === 'private_token_in_browser') {
        return new PrivateTokenError(
          platformCode,
          fail(
            'a private token was used in a browser; revoke it now and use a public token in pages',
          ),
          details,
        );
      }
      if (platformCode === 'origin_not_allowed') {
        return new CorsError(
          fail(
            'the request came from no allowed origin; public tokens work only from web pages on their domain list, and servers use private tokens',
          ),
          null,
          details,
        );
      }

      return new PermissionError('permission_denied', fail('the token may not do this'), details);
    case 404:
      return new NotFoundError('not_found', fail('not found'), details);
    case 413:
      return new ValidationError(
        'payload_too_large',
        fail('the request is too large'),
        [],
        details,
      );
    case 422: {
      const errors = readProblems(body);
      const listed = errors.map((problem) => `${problem.key} ${problem.message}`).join('; ');

      return new ValidationError(
        platformCode === 'invalid_event' ||
          platformCode === 'idempotency_key_reused' ||
          platformCode === 'invalid_domain'
          ? platformCode
          : 'invalid_configuration',
        fail(listed === '' ? 'the platform refused it' : listed),
        errors,
        details,
      );
    }
    case 429: {
      const retryAfter = parseRetryAfter(answer.retryAfter);
      const wait = retryAfter === undefined ? 'wait' : `wait ${retryAfter} s`;

      return new RateLimitError(
        fail(`too many requests; ${wait} before trying again`),
        retryAfter,
        details,
      );
    }
  }

  if (status >= 500) {
    return new ServerError(
      platformCode === 'internal' || platformCode === 'unavailable' ? platformCode : 'server_error',
      fail('the platform failed; try again later'),
      details,
    );
  }

  return new ResponseError('unexpected_response', fail('unexpected answer'), details);
}

function readCode(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;

  const code: unknown = (body as { code?: unknown }).code;

  return typeof code === 'string' ? code : undefined;
}

function readProblems(body: unknown): FieldProblem[] {
  const errors: unknown =
    typeof body === 'object' && body !== null ? (body as { errors?: unknown }).errors : undefined;
  if (!Array.isArray(errors)) return [];

  return errors.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];

    const { key, message } = entry as { key?: unknown; message?: unknown };

    return typeof key === 'string' && typeof message === 'string' ? [{ key, message }] : [];
  });
}
