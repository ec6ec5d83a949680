import type { ConfiguratorError } from '../errors/configurator-error';
import type { Transport } from '../transport/transport';
import type { LossLedger } from './loss-ledger';
import type { EventQueue } from './queue';
import type { Scheduler } from './scheduler';
import type { AnalyticsOptions } from './types';

/** Counters that delivery keeps up to date. */
export interface DeliveryCounters {
  sent: number;
  dropped: number;
  retried: number;
}

/** What delivery needs from the analytics around it. */
export interface DeliveryDependencies {
  queue: EventQueue;
  transport: Transport;
  scheduler: Scheduler;
  counters: DeliveryCounters;
  /** Where losses wait to be reported. */
  losses: LossLedger;
  /** `batchSize` and `flushInterval` are delivery's. */
  options: Required<AnalyticsOptions>;
  /** False while the browser says it is offline. */
  online(): boolean;
  /** The queue's content changed: store it soon. */
  changed(): void;
  /** Sending stopped for good and the queue was dropped: store that at once. */
  stopped(): void;
  /** Hands a failure no caller awaits to the client's `onError`. */
  report(error: ConfiguratorError): void;
  /** Queues the event that tells the platform how many events were lost. */
  reportLoss(count: number): void;
}

/** Sends the queue to the platform: in batches, with retries, pauses and a last send on leaving. */
export interface Delivery {
  /** Events were queued: send when a batch is full, or after the interval. */
  queued(): void;
  /** Sends everything now; rejects with the first failure. */
  flush: () => Promise<void>;
  /** Sends what fits the page's keepalive budget, for a page that may be gone in a moment. */
  leave(): void;
  /** Stops sending until `resume` (the page went into the back-forward cache). */
  pause(): void;
  /** Sends again after `pause`. */
  resume(): void;
  /** The browser went offline: wait for `online`. */
  offline: () => void;
  /** The browser came back online: send what waits. */
  online: () => void;
  /** Sends what waits now, without waiting for the interval. */
  send: () => void;
  /**
   * Stops sending for good, as a refusal of its own would, but without a report: a call was
   * refused in a way that no analytics request can get past either.
   */
  halt(error: ConfiguratorError): void;
  /** The failure that stopped sending for good, if any. */
  readonly blocked: ConfiguratorError | undefined;
  /** Cancels every timer; what is in flight still settles. */
  close(): void;
}
