import { UsageError } from '../errors/classes';
import { ANALYTICS_LIMITS } from '../platform/types';
import { ANALYTICS_DEFAULTS } from './defaults';
import type { AnalyticsOptions } from './types';

/**
 * Checks the `analytics` option of `createClient`, and throws a `UsageError` that says what to
 * pass. `batchSize` above the platform's 500 events is lowered to 500.
 */
export function checkAnalyticsOptions(value: unknown): AnalyticsOptions {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null) {
    throw usage('analytics must be an object such as { batchSize: 200, flushInterval: 2000 }.');
  }

  const { batchSize, flushInterval, maxQueue, persist, sdkEvents } = value as Record<
    string,
    unknown
  >;

  return {
    batchSize: Math.min(
      count(batchSize, 'analytics.batchSize', ANALYTICS_DEFAULTS.batchSize, 'events'),
      ANALYTICS_LIMITS.maxEvents,
    ),
    flushInterval: count(
      flushInterval,
      'analytics.flushInterval',
      ANALYTICS_DEFAULTS.flushInterval,
      'milliseconds',
    ),
    maxQueue: count(maxQueue, 'analytics.maxQueue', ANALYTICS_DEFAULTS.maxQueue, 'events'),
    persist: flag(persist, 'analytics.persist', ANALYTICS_DEFAULTS.persist),
    sdkEvents: flag(sdkEvents, 'analytics.sdkEvents', ANALYTICS_DEFAULTS.sdkEvents),
  };
}

function count(value: unknown, name: string, fallback: number, unit: string): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return value;

  throw usage(`${name} must be a positive number of ${unit}.`);
}

function flag(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value === 'boolean') return value;

  throw usage(`${name} must be true or false.`);
}

function usage(message: string): UsageError {
  return new UsageError('invalid_option', message);
}
