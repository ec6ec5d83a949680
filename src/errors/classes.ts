import { ConfiguratorError, nameErrorClass, type ErrorDetails } from './configurator-error';

/**
 * The SDK was used in a way it cannot work: a malformed token, a missing or unsafe `apiUrl`,
 * a call after `destroy()`, or a browser-only part called on a server. Fix the calling code.
 */
export class UsageError extends ConfiguratorError<
  'malformed_token' | 'invalid_api_url' | 'invalid_option' | 'client_destroyed' | 'no_browser'
> {
  declare readonly name: 'UsageError';
}
nameErrorClass(UsageError, 'UsageError');

/**
 * The page's origin is not on the token's domain list, so the browser refused the platform's
 * answer. Add {@link CorsError.origin} to the token's domains on the platform.
 */
export class CorsError extends ConfiguratorError<'origin_not_allowed'> {
  declare readonly name: 'CorsError';

  /** The origin of the page that made the request; `null` outside a browser. */
  readonly origin: string | null;

  constructor(message: string, origin: string | null, details?: ErrorDetails) {
    super('origin_not_allowed', message, details);
    this.origin = origin;
  }
}
nameErrorClass(CorsError, 'CorsError');

/** The platform refused the token (401): missing, not a token it knows, or revoked. */
export class AuthError extends ConfiguratorError<
  'token_missing' | 'token_invalid' | 'token_revoked'
> {
  declare readonly name: 'AuthError';
}
nameErrorClass(AuthError, 'AuthError');

/** The token may not do this (403): public tokens only load, save, read and track. */
export class PermissionError extends ConfiguratorError<'permission_denied'> {
  declare readonly name: 'PermissionError';
}
nameErrorClass(PermissionError, 'PermissionError');

/**
 * A private token was used from a browser page. Private tokens carry their creator's full rights
 * and belong on servers: revoke this one and create a public token for the page.
 */
export class PrivateTokenError extends ConfiguratorError<'private_token_in_browser'> {
  declare readonly name: 'PrivateTokenError';
}
nameErrorClass(PrivateTokenError, 'PrivateTokenError');

/** The product or configuration does not exist, or belongs to another organization (404). */
export class NotFoundError extends ConfiguratorError<'not_found'> {
  declare readonly name: 'NotFoundError';
}
nameErrorClass(NotFoundError, 'NotFoundError');

/** One problem with one attribute or argument. */
export interface FieldProblem {
  key: string;
  message: string;
}

/**
 * What was sent does not fit: a variant the configurator does not allow, a malformed event, a
 * reused idempotency key, a batch too large (413), or an argument the SDK refused before sending.
 * `errors` lists every problem by attribute or argument.
 */
export class ValidationError extends ConfiguratorError<
  | 'invalid_configuration'
  | 'invalid_event'
  | 'idempotency_key_reused'
  | 'invalid_domain'
  | 'payload_too_large'
  | 'invalid_argument'
> {
  declare readonly name: 'ValidationError';

  /** Every problem found, by attribute key or argument name. */
  readonly errors: readonly FieldProblem[];

  constructor(
    code: ValidationError['code'],
    message: string,
    errors: readonly FieldProblem[],
    details?: ErrorDetails,
  ) {
    super(code, message, details);
    this.errors = errors;
  }
}
nameErrorClass(ValidationError, 'ValidationError');

/** Too many requests (429). Wait `retryAfter` seconds before trying again. */
export class RateLimitError extends ConfiguratorError<'rate_limited'> {
  declare readonly name: 'RateLimitError';

  /** Seconds to wait, from the platform's `Retry-After`; `undefined` when it sent none. */
  readonly retryAfter: number | undefined;

  constructor(message: string, retryAfter: number | undefined, details?: ErrorDetails) {
    super('rate_limited', message, details);
    this.retryAfter = retryAfter;
  }
}
nameErrorClass(RateLimitError, 'RateLimitError');

/** The platform did not answer within the call's timeout. */
export class TimeoutError extends ConfiguratorError<'timeout'> {
  declare readonly name: 'TimeoutError';

  /** The timeout that ran out, in milliseconds. */
  readonly timeout: number;

  constructor(message: string, timeout: number, details?: ErrorDetails) {
    super('timeout', message, details);
    this.timeout = timeout;
  }
}
nameErrorClass(TimeoutError, 'TimeoutError');

/**
 * The request never got an answer: the browser is offline (`code: 'offline'`), the platform
 * could not be reached (`code: 'unreachable'`), or the connection was lost while the platform
 * was up (`code: 'interrupted'`). Safe to try again later.
 */
export class NetworkError extends ConfiguratorError<'offline' | 'unreachable' | 'interrupted'> {
  declare readonly name: 'NetworkError';

  /** True when the browser reported itself offline. */
  get offline(): boolean {
    return this.code === 'offline';
  }
}
nameErrorClass(NetworkError, 'NetworkError');

/** The platform failed (5xx). Usually passing; safe to try again later. */
export class ServerError extends ConfiguratorError<'internal' | 'unavailable' | 'server_error'> {
  declare readonly name: 'ServerError';
}
nameErrorClass(ServerError, 'ServerError');

/**
 * The platform's answer was not what its contract promises: an unexpected status, a body that is
 * not JSON or has the wrong shape (often a proxy's error page).
 */
export class ResponseError extends ConfiguratorError<'unexpected_response'> {
  declare readonly name: 'ResponseError';
}
nameErrorClass(ResponseError, 'ResponseError');
