import { UsageError } from '../errors/classes';
import { ANALYTICS_LIMITS } from '../platform/types';
import { ANALYTICS_DEFAULTS } from './defaults';
import type { AnalyticsOptions } from './types';

/**
 * Checks the `analytics` option of `createClient`, fills in the defaults, and throws a
 * `UsageError` that says what to pass. `batchSize` above the platform's 500 events is lowered to
 * 500.
 */
export function checkAnalyticsOptions(value: unknown): Required<AnalyticsOptions> {
  if (value !== undefined && (typeof value !== 'object' || value === null)) {
    throw usage('analytics must be an object such as { batchSize: 200, flushInterval: 2000 }.');
  }

  const given = (value ?? {}) as Record<string, unknown>;
  const checked = Object.fromEntries(
    Object.entries(ANALYTICS_DEFAULTS).map(([name, fallback]) => [
      name,
      checkOption(name, given[name], fallback),
    ]),
  ) as Required<AnalyticsOptions>;
  checked.batchSize = Math.min(checked.batchSize, ANALYTICS_LIMITS.maxEvents);

  return checked;
}

/** Checks one option against the kind of its default: a positive number, or a flag. */
function checkOption(name: string, value: unknown, fallback: number | boolean): number | boolean {
  if (value === undefined) return fallback;

  if (typeof fallback === 'boolean') {
    if (typeof value === 'boolean') return value;

    throw usage(`analytics.${name} must be true or false.`);
  }

  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;

  const unit = name === 'flushInterval' ? 'milliseconds' : 'events';
  throw usage(`analytics.${name} must be a positive number of ${unit}.`);
}

function usage(message: string): UsageError {
  return new UsageError('invalid_option', message);
}
