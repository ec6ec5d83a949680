import type { AnalyticsOptions } from './types';

/** The analytics options a client uses when it is given none. */
export const ANALYTICS_DEFAULTS: Required<AnalyticsOptions> = {
  batchSize: 200,
  flushInterval: 2000,
  maxQueue: 1000,
  persist: true,
  sdkEvents: true,
};
