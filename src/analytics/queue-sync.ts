import type { AnalyticsEvent } from '../platform/types';
import type { LossLedger } from './loss-ledger';
import type { EventQueue } from './queue';
import { createTimer, type Scheduler } from './scheduler';
import type { QueueStore } from './stored-queue';

/** How long a client holds its stored queue without renewing it. */
export const LEASE_MS = 30_000;

/** How often a client with events renews its hold on its stored queue. */
export const RENEW_MS = 10_000;

/** How long a change waits to be written, so that a burst of events makes one write. */
export const WRITE_DELAY_MS = 1000;

/** How long a claim on another client's stored queue must hold before the events are taken. */
export const CLAIM_SETTLE_MS = 200;

/** What keeping the queue in storage needs. */
export interface QueueSyncDependencies {
  /** This client's slot; `undefined` where storage is off or missing. */
  store: QueueStore | undefined;
  queue: EventQueue;
  losses: LossLedger;
  scheduler: Scheduler;
  /** False once events taken over could not be sent anyway. */
  canAdopt(): boolean;
  /** Events were taken over from storage: send them. */
  adopted(): void;
}

/** Keeps the queue in storage, and takes over the queues other clients left behind. */
export interface QueueSync {
  /** Stores the queue soon: one write for a burst of changes. */
  soon(): void;
  /** Stores the queue now. */
  now(): void;
  /** Lets other clients take the stored queue (the page is being left), and stores it now. */
  release(): void;
  /** Holds the stored queue again (the page is back), and stores it now. */
  hold(): void;
  /** Claims the stored queues of this token that no live client holds, to take them soon. */
  claimOrphans(): void;
  /** Stores the queue released a last time, and stops. */
  close(): void;
}

/**
 * Creates the storage side of a client's queue. Writes are coalesced ({@link WRITE_DELAY_MS});
 * while events wait, the hold on the stored queue is renewed every {@link RENEW_MS}, so that
 * another tab takes it over only once this one is gone ({@link LEASE_MS}) or released it.
 */
export function createQueueSync(deps: QueueSyncDependencies): QueueSync {
  const { queue, scheduler } = deps;
  const writeTimer = createTimer(scheduler, write);
  const adoptTimer = createTimer(scheduler, adoptClaimed);
  const rescanTimer = createTimer(scheduler, claimOrphans);
  // Let go of on close, so that nothing is written or taken after.
  let store = deps.store;
  let claimed: string[] = [];
  let released = false;

  function write(): void {
    writeTimer.cancel();
    if (store === undefined) return;

    const until = released ? 0 : scheduler.now() + LEASE_MS;
    let takenOver: ReadonlySet<string> | undefined;
    try {
      takenOver = store.save(queue.entries(), deps.losses.unreported, until);
    } catch {
      // A write runs in a timer, where a throw reaches no one: the queue stays in memory, and
      // the next write tries again.
    }

    if (takenOver !== undefined) queue.removeIds(takenOver);

    if (!released && queue.size > 0) writeTimer.schedule(RENEW_MS);
  }

  function claimOrphans(): void {
    if (store === undefined || !deps.canAdopt()) return;

    const now = scheduler.now();
    const found = store.claimOrphans(now, now + LEASE_MS);
    claimed.push(...found.claimed);

    if (found.claimed.length > 0) adoptTimer.schedule(CLAIM_SETTLE_MS);
    if (found.nextExpiry !== undefined) rescanTimer.schedule(found.nextExpiry - now + 1000);
  }

  function adoptClaimed(): void {
    const keys = claimed;
    claimed = [];

    // A client that cannot send leaves the events for a later page, once its claims run out.
    if (store === undefined || !deps.canAdopt()) return;

    const events: AnalyticsEvent[] = [];
    let carried = 0;
    for (const key of keys) {
      const stored = store.adopt(key);
      if (stored === undefined) continue;

      events.push(...stored.events);
      carried += stored.dropped;
    }

    if (events.length === 0 && carried === 0) return;

    events.sort((a, b) => (a.clientTime < b.clientTime ? -1 : a.clientTime > b.clientTime ? 1 : 0));
    deps.losses.evicted(queue.prepend(events));
    deps.losses.carry(carried);

    // The stored queues taken are gone from storage: write the events back at once, as ours.
    write();
    deps.adopted();
  }

  return {
    soon() {
      if (store !== undefined) writeTimer.schedule(WRITE_DELAY_MS);
    },
    now: write,
    release() {
      released = true;
      write();
    },
    hold() {
      released = false;
      write();
    },
    claimOrphans,
    close() {
      adoptTimer.cancel();
      rescanTimer.cancel();
      released = true;
      write();
      store = undefined;
    },
  };
}
