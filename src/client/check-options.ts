import { checkAnalyticsOptions } from '../analytics/check-options';
import { UsageError } from '../errors/classes';
import { validateToken } from '../token/validate-token';
import { isTimerDelay } from './check-call-options';
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
    throw new UsageError(
      'invalid_option',
      'createClient needs an options object: createClient({ token, apiUrl }).',
    );
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
    timeout: option(
      given.timeout,
      10_000,
      isTimerDelay,
      'timeout must be a positive number of milliseconds.',
    ),
    cacheMaxAge: option(
      given.cacheMaxAge,
      60_000,
      (value) => typeof value === 'number' && value >= 0,
      'cacheMaxAge must be 0 or a positive number of milliseconds.',
    ),
    fetch: option<typeof fetch | undefined>(
      given.fetch,
      undefined,
      isFunction,
      'fetch must be a function when given.',
    ),
    onError: option<ClientOptions['onError']>(
      given.onError,
      undefined,
      isFunction,
      'onError must be a function when given.',
    ),
    analytics: checkAnalyticsOptions(given.analytics),
  };
}

/** An option's value once it fits, or its default when it is not given. */
function option<Value>(
  value: unknown,
  fallback: Value,
  fits: (value: unknown) => boolean,
  problem: string,
): Value {
  if (value === undefined) return fallback;
  if (fits(value)) return value as Value;

  throw new UsageError('invalid_option', problem);
}

function isFunction(value: unknown): boolean {
  return typeof value === 'function';
}
