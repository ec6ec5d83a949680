import { isConfiguratorError } from '../errors/configurator-error';

/**
 * Which failures a call may retry:
 * - `read`: a GET, safe to repeat: retried when the platform could not be reached or failed (5xx).
 * - `write`: a write that carries an idempotency key, so a repeat is answered with the first
 *   result: retried on the same failures and on timeouts, since the first attempt may have been
 *   stored while its answer was lost.
 * - `none`: never retried.
 *
 * A `CorsError` or any other 4xx is never retried: it cannot succeed by asking again. Nor is an
 * offline browser: the call fails at once, and the caller may try again once back online.
 */
export type RetryKind = 'read' | 'write' | 'none';

/** How many times a call is retried after its first attempt, by default. */
export const DEFAULT_RETRIES = 2;

/** Tells whether a failed attempt may be tried again. */
export function shouldRetry(error: unknown, kind: RetryKind): boolean {
  if (kind === 'none' || !isConfiguratorError(error)) return false;

  switch (error.name) {
    case 'ServerError':
      return true;
    case 'NetworkError':
      return error.code !== 'offline';
    case 'TimeoutError':
      return kind === 'write';
    default:
      return false;
  }
}

/**
 * The wait before retry number `retry` (0 for the first): exponential from 300 ms, capped at
 * 5 s, with full jitter so that many pages that failed together do not come back together.
 */
export function backoffDelay(retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(5000, 300 * 2 ** retry);

  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
