import { NetworkError } from '../errors/classes';
import type { ConfiguratorError } from '../errors/configurator-error';
import { ANALYTICS_LIMITS } from '../platform/types';
import type { Delivery, DeliveryDependencies } from './delivery-types';
import { KEEPALIVE_MAX_BYTES, keepaliveInFlight } from './keepalive-budget';
import { ENVELOPE_BYTES, type QueueEntry, type Taken } from './queue';
import { decide } from './retry-policy';
import { createTimer } from './scheduler';
import { oversizedError, sendBatch } from './send-batch';

/**
 * Creates the delivery of a queue. One request at a time (besides keepalive requests when the
 * page is left); a failure that may pass waits with backoff (or `Retry-After`) and then sends
 * everything that waits; one that cannot pass stops sending for good and drops the queue.
 */
export function createDelivery(deps: DeliveryDependencies): Delivery {
  const { queue, scheduler, counters, losses } = deps;
  const { batchSize, flushInterval } = deps.options;
  const flushTimer = createTimer(scheduler, sendAll);
  const retryTimer = createTimer(scheduler, sendAll);
  const keepalives = new Set<Promise<void>>();
  let running: Promise<void> | undefined;
  let kickQueued = false;
  let wantAll = false;
  let failures = 0;
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
      flushTimer.schedule(flushInterval);
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

  /** Sends everything that waits, without waiting for a batch to fill. */
  function sendAll(): void {
    kick(true);
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
    cancelTimers();
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
      const { batch, oversized } = take(ANALYTICS_LIMITS.maxBytes);
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
    cap = Math.min(ANALYTICS_LIMITS.maxEvents, cap * 2);
    deps.changed();
  }

  /**
   * Carries out the retry policy's decision about a failed batch: the batch goes back to
   * waiting, except the events given up.
   *
   * @returns True to go on with the next batch at once.
   */
  function settleFailure(batch: QueueEntry[], error: unknown, caller: boolean): boolean {
    const decision = decide(error, failures + 1, scheduler.random());
    queue.release(batch);

    switch (decision.kind) {
      case 'retry':
        failures += 1;
        counters.retried += 1;
        waitingOn = error as ConfiguratorError;
        retryTimer.schedule(decision.delay);
        // A run of failures in the background is reported once, at its first failure.
        if (failures === 1 && !caller) deps.report(error as ConfiguratorError);

        return false;
      case 'offline':
        goOffline();

        return false;
      case 'stop':
        stop(error as ConfiguratorError);

        return false;
      default: {
        // Give up what the platform refused: the events it named, the batch, or a lone event.
        // Otherwise, smaller batches find the events at fault.
        const refused =
          decision.kind === 'drop-events'
            ? batch.filter((_, index) => decision.indexes.has(index))
            : decision.kind === 'drop-batch' || batch.length === 1
              ? batch
              : [];
        if (refused.length > 0) drop(refused, error);
        else cap = Math.max(1, Math.floor(batch.length / 2));

        return true;
      }
    }
  }

  /** Takes the next batch, giving up (and reporting) the events too large for any batch. */
  function take(maxBytes: number): Taken {
    const taken = queue.take(Math.min(batchSize, cap), maxBytes);
    const { oversized } = taken;
    if (oversized.length > 0) drop(oversized, oversizedError(oversized.length));

    return taken;
  }

  /** Removes entries from the queue, counting them as lost. */
  function giveUp(entries: readonly QueueEntry[]): void {
    queue.remove(entries);
    losses.lost(entries.map((entry) => entry.event));
  }

  function drop(entries: readonly QueueEntry[], error: unknown): void {
    giveUp(entries);
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
    giveUp(queue.entries().filter((entry) => !entry.sending));
    losses.clear();
    cancelTimers();
    deps.stopped();
    if (report) deps.report(error);
  }

  /** Gives up a batch that was in flight when sending stopped, with nobody to tell. */
  function discard(batch: readonly QueueEntry[]): void {
    giveUp(batch);
    losses.clear();
    deps.changed();
  }

  function takeLosses(): void {
    const count = losses.take();
    if (count > 0) deps.reportLoss(count);
  }

  function goOffline(): NetworkError {
    offline = true;
    cancelTimers();

    return new NetworkError(
      'offline',
      'Failed to send analytics: the browser is offline; the events are kept and sent once it is back online.',
    );
  }

  function cancelTimers(): void {
    flushTimer.cancel();
    retryTimer.cancel();
  }

  /**
   * Sends what waits with `fetch` `keepalive`, so that the requests outlive the page, in batches
   * while the page's 64 KiB keepalive budget holds (shared by every client on the page); what
   * does not fit stays queued and stored for the next visit.
   */
  function leave(): void {
    if (blocked !== undefined || offline || rateLimited()) return;

    takeLosses();
    for (;;) {
      const budget = Math.min(
        ANALYTICS_LIMITS.maxBytes,
        KEEPALIVE_MAX_BYTES - keepaliveInFlight.bytes,
      );
      if (budget <= ENVELOPE_BYTES) return;

      const { batch, bytes } = take(budget);
      if (batch.length === 0) return;

      keepaliveInFlight.bytes += bytes;
      const request = sendBatch(deps.transport, batch, true).then((failure) => {
        keepaliveInFlight.bytes -= bytes;

        // A page that lives on sends a refused batch again in the usual way, with its policy.
        if (failure === undefined) acknowledge(batch);
        else if (blocked !== undefined) discard(batch);
        else queue.release(batch);
        queued();
      });
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
      sendAll();
    },
    offline() {
      goOffline();
    },
    online() {
      offline = false;
      if (!rateLimited()) retryTimer.cancel();
      if (!retryTimer.pending) sendAll();
    },
    send: sendAll,
    halt(error) {
      stop(error, false);
    },
    get blocked() {
      return blocked;
    },
    close() {
      closed = true;
      cancelTimers();
    },
  };
}
