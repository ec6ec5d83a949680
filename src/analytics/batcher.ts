import { ValidationError } from '../errors/classes';
import type { ConfiguratorError } from '../errors/configurator-error';
import { readBatchResult } from '../platform/read-answers';
import type { AnalyticsEvent, EventProperties } from '../platform/types';
import type { Transport } from '../transport/transport';
import { randomUuid } from '../util/uuid';
import { asProperties, checkEvent } from './check-event';
import { splitBatches } from './split-batches';

/** How the analytics queue batches events. */
export interface AnalyticsOptions {
  /** Events that make a batch to send at once. Default 50. */
  batchSize?: number;
  /** Milliseconds a tracked event waits for others before its batch is sent. Default 2000. */
  flushInterval?: number;
}

/** The client's analytics: events are queued and sent in batches. */
export interface Analytics {
  /**
   * Queues an event. Never throws and never waits: an event that cannot be sent, or a failure to
   * send it, is reported through the client's `onError`.
   *
   * @param type A standard type such as `add_to_cart`, or a custom one such as `promo.viewed`.
   * @param properties A flat map of strings, numbers and booleans.
   */
  track(type: string, properties?: EventProperties): void;
  /** Sends every queued event now; rejects with the typed error of the first failed batch. */
  flush(): Promise<void>;
}

/** What the queue needs from its client. */
export interface BatcherDependencies {
  transport: Transport;
  sessionId: string;
  report: (error: ConfiguratorError) => void;
  options: AnalyticsOptions;
}

/**
 * A plain batching queue: it sends when a batch fills or after the interval, whichever comes
 * first, one request at a time, within the platform's limits of events and bytes per batch.
 *
 * TODO: events of a batch that fails are lost and a reload loses the queue; retries with backoff,
 * pausing while offline and keeping the queue across reloads are what make the numbers reliable.
 */
export function createBatcher(deps: BatcherDependencies): Analytics & { stop(): void } {
  const batchSize = deps.options.batchSize ?? 50;
  const flushInterval = deps.options.flushInterval ?? 2000;
  let queue: AnalyticsEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sending: Promise<void> = Promise.resolve();

  function track(type: string, properties?: EventProperties): void {
    const problems = checkEvent(type, properties);
    if (problems.length > 0) {
      const listed = problems.map((problem) => `${problem.key} ${problem.message}`).join('; ');
      deps.report(
        new ValidationError('invalid_event', `Failed to track an event: ${listed}.`, problems),
      );

      return;
    }

    const checked = asProperties(properties);
    queue.push({
      id: randomUuid(),
      type,
      sessionId: deps.sessionId,
      clientTime: new Date().toISOString(),
      ...(checked === undefined ? {} : { properties: checked }),
    });

    if (queue.length >= batchSize) flushInBackground();
    else timer ??= setTimeout(flushInBackground, flushInterval);
  }

  function flush(): Promise<void> {
    stop();

    const events = queue;
    queue = [];
    const run = sending.then(() => send(events));
    sending = run.catch(() => undefined);

    return run;
  }

  function flushInBackground(): void {
    flush().catch(deps.report);
  }

  async function send(events: AnalyticsEvent[]): Promise<void> {
    const { batches, oversized } = splitBatches(events);

    if (oversized.length > 0) {
      deps.report(
        new ValidationError(
          'payload_too_large',
          `Failed to send analytics: ${oversized.length} event(s) larger than a whole batch were dropped.`,
          [],
        ),
      );
    }

    for (const batch of batches) {
      await deps.transport.call({
        action: 'send analytics',
        method: 'POST',
        path: ['api', 'analytics', 'events'],
        body: { events: batch },
        expect: [200],
        read: readBatchResult,
      });
    }
  }

  function stop(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  return { track, flush, stop };
}
