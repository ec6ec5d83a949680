import { NetworkError } from '../errors/classes';
import type { ConfiguratorError } from '../errors/configurator-error';
import { ANALYTICS_LIMITS } from '../platform/types';
import { sendOnLeave } from './leave-page';
import type { QueueEntry } from './queue';
import { applyDecision } from './apply-decision';
import type { Delivery, DeliveryDependencies } from './delivery-types';
import { decide } from './retry-policy';
import { createTimer } from './scheduler';
import { oversizedError, sendBatch } from './send-batch';

/**
 * Creates the delivery of a queue. One request at a time (besides keepalive requests when the
 * page is left); a failure that may pass waits with backoff (or `Retry-After`) and then sends
 * everything that waits; one that cannot pass stops sending for good and drops the queue.
 */
export function createDelivery(deps: DeliveryDependencies): Delivery {
  const { queue, scheduler, counters, losses, batchSize } = deps;
  const flushTimer = createTimer(scheduler, () => {
    kick(true);
  });
  const retryTimer = createTimer(scheduler, () => {
    kick(true);
  });
  const keepalives = new Set<Promise<void>>();
  let running: Promise<void> | undefined;
  let kickQueued = false;
  let wantAll = false;
  let failures = 0;
  let streakReported = false;
  let cap: number = ANALYTICS_LIMITS.maxEvents;
  let waitingOn: ConfiguratorError | undefined;
  let offline = false;
  let paused = false;
  let closed = false;
  let blocked: ConfiguratorError | undefined;

  function halted(caller: boolean): boolean {
    return blocked !== undefined || offline || (!caller && (paused || closed));
  }

  function rateLimited(): boolean {
    return retryTimer.pending && waitingOn?.name === 'RateLimitError';
  }

  function queued(): void {
    if (halted(false) || retryTimer.pending) return;

    if (queue.waiting >= batchSize) {
      if (kickQueued) return;

      // Once the page's current task is over, so that a burst of events goes out together.
      kickQueued = true;
      queueMicrotask(() => {
        kickQueued = false;
        kick(false);
      });
    } else if (queue.waiting > 0 && !flushTimer.pending) {
      flushTimer.schedule(deps.flushInterval);
    }
  }

  function kick(all: boolean): void {
    wantAll ||= all;
    if (halted(false) || running !== undefined) return;

    const everything = wantAll;
    wantAll = false;
    flushTimer.cancel();
    run(drain(everything, false).catch(() => undefined));
  }

  function run(drained: Promise<unknown>): void {
    running = drained.then(() => {
      running = undefined;
      if (wantAll) kick(true);
      else queued();
    });
  }

  async function flush(): Promise<void> {
    while (running !== undefined) await running;

    if (blocked !== undefined) throw blocked;
    if (offline || !deps.online()) throw goOffline();
    if (rateLimited() && waitingOn !== undefined) throw waitingOn;

    // A caller waits: no interval and no backoff of ours holds the queue back.
    retryTimer.cancel();
    flushTimer.cancel();
    const drained = drainAndSettle();
    run(drained.catch(() => undefined));

    return drained;
  }

  /** Sends everything, and waits for keepalive requests in flight, sending again what they lost. */
  async function drainAndSettle(): Promise<void> {
    await drain(true, true);
    if (keepalives.size === 0) return;

    await Promise.all(keepalives);
    await drain(true, true);
  }

  async function drain(all: boolean, caller: boolean): Promise<void> {
    while (!halted(caller)) {
      if (!all && queue.waiting < batchSize) return;
      if (!deps.online()) {
        const error = goOffline();
        if (caller) throw error;

        return;
      }

      takeLosses();
      const { batch, oversized } = queue.take(Math.min(batchSize, cap), ANALYTICS_LIMITS.maxBytes);
      if (oversized.length > 0) drop(oversized, oversizedError(oversized.length));
      if (batch.length === 0) {
        if (oversized.length > 0) continue;

        return;
      }

      const failure = await sendBatch(deps.transport, batch, false);
      if (failure === undefined) {
        acknowledge(batch);
        continue;
      }

      if (blocked !== undefined) {
        // Sending stopped while this batch was on its way: it goes with the rest, unreported.
        discard(batch);
        break;
      }

      if (!settleFailure(batch, failure.error, caller)) {
        if (caller) throw failure.error;

        return;
      }
    }

    if (caller && blocked !== undefined) throw blocked;
  }

  function acknowledge(batch: readonly QueueEntry[]): void {
    queue.remove(batch);
    counters.sent += batch.length;
    failures = 0;
    streakReported = false;
    cap = Math.min(ANALYTICS_LIMITS.maxEvents, cap * 2);
    deps.changed();
  }

  /** Applies the retry policy to a failed batch. @returns True to go on with the next batch. */
  function settleFailure(batch: QueueEntry[], error: unknown, caller: boolean): boolean {
    const decision = decide(error, failures + 1, scheduler.random());

    return applyDecision(decision, batch, {
      queue,
      retry(delay) {
        failures += 1;
        counters.retried += 1;
        waitingOn = error as ConfiguratorError;
        retryTimer.schedule(delay);
        if (!streakReported && !caller) deps.report(error as ConfiguratorError);
        streakReported = true;
      },
      offline: goOffline,
      halve(size) {
        cap = Math.max(1, Math.floor(size / 2));
      },
      drop: (entries) => {
        drop(entries, error);
      },
      stop: () => {
        stop(error as ConfiguratorError);
      },
    });
  }

  function drop(entries: readonly QueueEntry[], error: unknown): void {
    queue.remove(entries);
    losses.lost(entries.map((entry) => entry.event));
    deps.report(error as ConfiguratorError);
    deps.changed();
  }

  /**
   * Stops sending for good: what waits is dropped now, and what is in flight is settled when its
   * request is (counted as sent if the platform took it, as dropped if not).
   *
   * @param report False when the failure reached a caller already (a call refused by the platform).
   */
  function stop(error: ConfiguratorError, report = true): void {
    if (blocked !== undefined) return;

    blocked = error;
    const waiting = queue.entries().filter((entry) => !entry.sending);
    losses.lost(waiting.map((entry) => entry.event));
    losses.clear();
    queue.remove(waiting);
    flushTimer.cancel();
    retryTimer.cancel();
    deps.stopped();
    if (report) deps.report(error);
  }

  /** Gives up a batch that was in flight when sending stopped, with nobody to tell. */
  function discard(batch: readonly QueueEntry[]): void {
    queue.remove(batch);
    losses.lost(batch.map((entry) => entry.event));
    losses.clear();
    deps.changed();
  }

  function takeLosses(): void {
    const count = losses.take();
    if (count > 0) deps.reportLoss(count);
  }

  function goOffline(): NetworkError {
    offline = true;
    flushTimer.cancel();
    retryTimer.cancel();

    return new NetworkError(
      'offline',
      'Failed to send analytics: the browser is offline; the events are kept and sent once it is back online.',
    );
  }

  function leave(): void {
    if (blocked !== undefined || offline || rateLimited()) return;

    takeLosses();
    const sent = sendOnLeave({
      queue,
      transport: deps.transport,
      maxEvents: Math.min(batchSize, cap),
      dropOversized: (entries) => {
        drop(entries, oversizedError(entries.length));
      },
      settled(batch, failure) {
        // A page that lives on sends a refused batch again in the usual way, with its policy.
        if (failure === undefined) acknowledge(batch);
        else if (blocked !== undefined) discard(batch);
        else queue.release(batch);
        queued();
      },
    });

    for (const request of sent) {
      keepalives.add(request);
      void request.then(() => keepalives.delete(request));
    }
  }

  return {
    queued,
    flush,
    leave,
    pause() {
      paused = true;
      flushTimer.cancel();
    },
    resume() {
      paused = false;
      kick(true);
    },
    offline() {
      goOffline();
    },
    online() {
      offline = false;
      if (!rateLimited()) retryTimer.cancel();
      if (!retryTimer.pending) kick(true);
    },
    send() {
      kick(true);
    },
    halt(error) {
      stop(error, false);
    },
    get blocked() {
      return blocked;
    },
    close() {
      closed = true;
      flushTimer.cancel();
      retryTimer.cancel();
    },
  };
}
