import { UsageError } from '../errors/classes';
import { MAX_TIMER_MS } from '../util/timers';
import type { SaveOptions } from './options';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** Checks the options of one call, and throws a `UsageError` saying what to pass. */
export function checkCallOptions(options: unknown, action: string): SaveOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null) {
    throw misuse(action, 'its options must be an object such as { signal, timeout }');
  }

  const { signal, timeout, idempotencyKey } = options as Record<string, unknown>;

  if (signal !== undefined && !isSignal(signal)) {
    throw misuse(action, 'signal must be an AbortSignal');
  }
  if (timeout !== undefined && !isTimerDelay(timeout)) {
    throw misuse(action, 'timeout must be a positive number of milliseconds');
  }
  if (idempotencyKey !== undefined) {
    if (typeof idempotencyKey !== 'string' || !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw misuse(action, 'idempotencyKey must be 1 to 255 visible ASCII characters');
    }
  }

  return options;
}

/**
 * Tells whether a value is a wait a browser timer can hold: more than 0 milliseconds and at most
 * 2^31 - 1 (about 24.8 days), beyond which timers fire at once.
 */
export function isTimerDelay(value: unknown): value is number {
  return typeof value === 'number' && value > 0 && value <= MAX_TIMER_MS;
}

/** A real AbortSignal, from this page or another realm (a frame, jsdom), not a look-alike. */
function isSignal(value: unknown): value is AbortSignal {
  if (typeof AbortSignal !== 'undefined' && value instanceof AbortSignal) return true;

  return (
    Object.prototype.toString.call(value) === '[object AbortSignal]' &&
    typeof (value as AbortSignal).addEventListener === 'function'
  );
}

function misuse(action: string, reason: string): UsageError {
  return new UsageError('invalid_option', `Failed to ${action}: ${reason}.`);
}
