import type { AnalyticsOptions } from './types';

/** The analytics options a client uses when it is given none. */
export const ANALYTICS_DEFAULTS: Required<AnalyticsOptions> = {
  batchSize: 200,
  flushInterval: 2000,
  maxQueue: 1000,
  persist: true,
  sdkEvents: true,
};

/** Fills in the defaults of options already checked. */
export function withDefaults(options: AnalyticsOptions): Required<AnalyticsOptions> {
  return {
    batchSize: options.batchSize ?? ANALYTICS_DEFAULTS.batchSize,
    flushInterval: options.flushInterval ?? ANALYTICS_DEFAULTS.flushInterval,
    maxQueue: options.maxQueue ?? ANALYTICS_DEFAULTS.maxQueue,
    persist: options.persist ?? ANALYTICS_DEFAULTS.persist,
    sdkEvents: options.sdkEvents ?? ANALYTICS_DEFAULTS.sdkEvents,
  };
}
