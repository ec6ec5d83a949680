import type { ValidationError } from '../errors/classes';
import { isConfiguratorError } from '../errors/configurator-error';
import { isRateLimitError, isValidationError } from '../errors/guards';

/** The first wait after a failure that may pass, in milliseconds. */
export const BACKOFF_BASE_MS = 1000;

/** The longest wait between two attempts, in milliseconds. */
export const BACKOFF_MAX_MS = 60_000;

/** The longest `Retry-After` honoured, in milliseconds; the queue persists meanwhile. */
export const RETRY_AFTER_MAX_MS = 10 * 60_000;

/** What to do with a batch whose request failed. */
export type Decision =
  /** Try again after `delay` ms: network, 5xx, timeout, 429, an unreadable answer. */
  | { kind: 'retry'; delay: number }
  /** The browser is offline: wait for the `online` event. */
  | { kind: 'offline' }
  /** Too large (413), or refused without saying which events (422): send halves. */
  | { kind: 'split' }
  /** The platform named the invalid events (422): drop those, send the rest. */
  | { kind: 'drop-events'; indexes: ReadonlySet<number> }
  /** The batch can never be sent (another refusal of the data): drop it. */
  | { kind: 'drop-batch' }
  /** Nothing this client sends can succeed (origin, token, permission): stop for good. */
  | { kind: 'stop' };

/** Failures that every later request of this client would meet too: origin, token, endpoint. */
const STOPPING = new Set([
  'CorsError',
  'AuthError',
  'PermissionError',
  'PrivateTokenError',
  'NotFoundError',
  'UsageError',
]);

/**
 * Decides what a failed analytics request means, by the typed error the transport gave.
 *
 * @param failures Failures in a row so far, this one included (1 for the first).
 * @param random Jitter, from 0 to 1.
 */
export function decide(error: unknown, failures: number, random: number): Decision {
  let delay = backoffDelay(failures, random);

  if (isValidationError(error)) return validationDecision(error);
  if (isConfiguratorError(error) && error.code === 'offline') return { kind: 'offline' };
  if (isConfiguratorError(error) && STOPPING.has(error.name)) return { kind: 'stop' };
  if (isRateLimitError(error)) delay = rateLimitDelay(error.retryAfter, delay);

  // Anything else may pass on a later attempt: network, 5xx, timeout, an unreadable answer.
  return { kind: 'retry', delay };
}

/**
 * The wait before the next attempt after `failures` failures in a row: doubling from 1 s up to
 * 60 s, of which a random half, so that pages that failed together do not return together.
 */
export function backoffDelay(failures: number, random: number): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));

  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/** `Retry-After` when the platform sent one (capped), and never less than the backoff. */
function rateLimitDelay(seconds: number | undefined, backoff: number): number {
  if (seconds === undefined || !Number.isFinite(seconds)) return backoff;

  return Math.max(backoff, Math.min(RETRY_AFTER_MAX_MS, seconds * 1000));
}

function validationDecision(error: ValidationError): Decision {
  if (error.code === 'payload_too_large') return { kind: 'split' };
  if (error.code !== 'invalid_event') return { kind: 'drop-batch' };

  // The events a 422 names by index; when it names none, or something else, halves find them.
  const indexes = error.errors.map(({ key }) => /^events\[(\d+)\]/.exec(key)?.[1]);
  if (indexes.length === 0 || indexes.includes(undefined)) return { kind: 'split' };

  return { kind: 'drop-events', indexes: new Set(indexes.map(Number)) };
}
