import { MAX_TIMER_MS } from '../util/timers';

/** A timer started by a {@link Scheduler}. */
export type TimerHandle = unknown;

/** The clock, timers and randomness analytics runs on; tests pass a manual one. */
export interface Scheduler {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Runs `task` once after `ms` milliseconds. */
  setTimeout(task: () => void, ms: number): TimerHandle;
  /** Cancels a timer; a handle that already ran is ignored. */
  clearTimeout(handle: TimerHandle): void;
  /** A number from 0 (inclusive) to 1 (exclusive), for jitter. */
  random(): number;
}

/**
 * The page's own clock and timers, looked up at each call. A timer does not keep a server
 * process alive (`unref`), so a client made during server-side rendering never holds it open.
 */
export const systemScheduler: Scheduler = {
  now: () => Date.now(),
  setTimeout(task, ms) {
    const handle: unknown = globalThis.setTimeout(task, ms);
    (handle as { unref?: () => void } | null)?.unref?.();

    return handle;
  },
  clearTimeout(handle) {
    globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
  random: () => Math.random(),
};

/** One timer that can be set again; setting it while it runs keeps the sooner time. */
export interface Timer {
  /** Runs the task after `ms` (at most 2^31 - 1), unless it is already due sooner. */
  schedule(ms: number): void;
  /** Cancels it. */
  cancel(): void;
  /** True while it waits to run. */
  readonly pending: boolean;
}

/** Makes a {@link Timer} that runs `task` on `scheduler`. */
export function createTimer(scheduler: Scheduler, task: () => void): Timer {
  let handle: TimerHandle;
  let dueAt = Infinity;

  function cancel(): void {
    if (handle !== undefined) scheduler.clearTimeout(handle);
    handle = undefined;
    dueAt = Infinity;
  }

  return {
    schedule(wanted) {
      // Longer waits make browsers run a timer at once.
      const ms = Math.min(wanted, MAX_TIMER_MS);
      const at = scheduler.now() + ms;
      if (at >= dueAt) return;

      cancel();
      dueAt = at;
      handle = scheduler.setTimeout(() => {
        // Clearing a timer that ran is harmless, and leaves it free to be scheduled again.
        cancel();
        task();
      }, ms);
    },
    cancel,
    get pending() {
      return handle !== undefined;
    },
  };
}
