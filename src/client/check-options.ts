import { checkAnalyticsOptions } from '../analytics/check-options';
import { UsageError } from '../errors/classes';
import { validateToken } from '../token/validate-token';
import type { ClientOptions } from './options';
import { resolveApiUrl } from './resolve-api-url';

/** Options after checking, with defaults applied. */
export interface CheckedOptions {
  token: string;
  base: URL;
  timeout: number;
  cacheMaxAge: number;
  fetch: typeof fetch | undefined;
  onError: ClientOptions['onError'];
  analytics: NonNullable<ClientOptions['analytics']>;
}

/** Checks everything `createClient` was given, and throws a `UsageError` saying what to pass. */
export function checkOptions(options: unknown): CheckedOptions {
  if (typeof options !== 'object' || options === null) {
    throw option('createClient needs an options object: createClient({ token, apiUrl }).');
  }

  const given = options as Partial<Record<keyof ClientOptions, unknown>>;
  const token = validateToken(given.token);
  const base = resolveApiUrl(given.apiUrl);

  if (base.href.toLowerCase().includes(token.toLowerCase())) {
    throw new UsageError(
      'invalid_api_url',
      "apiUrl holds the token: pass the platform's address alone, and the token as token. A token in a URL ends up in logs and histories.",
    );
  }

  return {
    token,
    base,
    timeout: positive(given.timeout, 'timeout', 10_000),
    cacheMaxAge: cacheMaxAge(given.cacheMaxAge),
    fetch: optionalFunction(given.fetch, 'fetch') as typeof fetch | undefined,
    onError: optionalFunction(given.onError, 'onError') as ClientOptions['onError'],
    analytics: checkAnalyticsOptions(given.analytics),
  };
}

function cacheMaxAge(value: unknown): number {
  if (value === undefined) return 60_000;
  if (typeof value === 'number' && value >= 0) return value;

  throw option('cacheMaxAge must be 0 or a positive number of milliseconds.');
}

/** The longest wait a browser timer can hold, in milliseconds (about 24.8 days). */
const LONGEST_TIMER = 2 ** 31 - 1;

function positive(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && value > 0 && value <= LONGEST_TIMER) return value;

  throw option(
    `${name} must be a positive number of ${name.endsWith('Size') ? 'events' : 'milliseconds'}.`,
  );
}

function optionalFunction(value: unknown, name: string): unknown {
  if (value === undefined || typeof value === 'function') return value;

  throw option(`${name} must be a function when given.`);
}

function option(message: string): UsageError {
  return new UsageError('invalid_option', message);
}
