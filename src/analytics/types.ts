import type { EventProperties, Variant } from '../platform/types';

/** How the analytics queue batches, keeps and sends events. */
export interface AnalyticsOptions {
  /**
   * Events per request, and the number of waiting events that sends a request at once. Default
   * 200; at most 500. A request also stays within the platform's 64 KiB.
   */
  batchSize?: number;
  /** Milliseconds a tracked event waits for others before its batch is sent. Default 2000. */
  flushInterval?: number;
  /**
   * Events kept waiting at most, in memory and in storage. When full, the oldest event goes and
   * the loss is reported to the platform in an `sdk.dropped` event. Default 1000.
   */
  maxQueue?: number;
  /**
   * Keeps waiting events in `localStorage` so that a reload or a lost connection loses none.
   * Default true; pass false where the page may not store anything without consent.
   */
  persist?: boolean;
  /**
   * Tracks the SDK's own events: `session_start`, `configurator_loaded`, `configuration_saved`
   * and `error` (for loads, saves and reads that fail). Default true.
   */
  sdkEvents?: boolean;
}

/** What an event is about, besides its type and properties. */
export interface EventContext {
  /** The product the event is about. */
  productId?: string;
  /** The saved configuration the event is about. */
  configurationId?: string;
  /** The shopper's choices at the time of the event. */
  variant?: Variant;
}

/** What analytics has done since the client was created. */
export interface AnalyticsStats {
  /** Events waiting to be sent, those in flight included. */
  queued: number;
  /** Events the platform acknowledged (counted now or before, as duplicates). */
  sent: number;
  /**
   * Events given up on purpose: the oldest of a full queue, events the platform refused (too
   * large, invalid), and every event once sending has stopped for good (a refused origin, a
   * revoked token).
   */
  dropped: number;
  /** Requests that failed in a way that may pass (network, 5xx, timeout, 429) and were retried. */
  retried: number;
}

/** The client's analytics: events are queued, kept across reloads and sent in batches. */
export interface Analytics {
  /**
   * Queues an event. Never throws and never waits: an event that cannot be sent, or a failure to
   * send it, is reported through the client's `onError`.
   *
   * @param type A standard type such as `add_to_cart`, or a custom one such as `promo.viewed`.
   * @param properties A flat map of strings, numbers and booleans.
   * @param context The product, saved configuration or variant the event is about.
   * @example
   * ```ts
   * client.analytics.track('add_to_cart', { quantity: 1 }, { productId });
   * ```
   */
  track(type: string, properties?: EventProperties, context?: EventContext): void;
  /**
   * Sends every queued event now. Resolves once they are acknowledged; rejects with the typed
   * error of the first batch that failed, whose events stay queued and are sent again later.
   */
  flush(): Promise<void>;
  /** Counts of what analytics has queued, sent, dropped and retried. */
  stats(): AnalyticsStats;
}
