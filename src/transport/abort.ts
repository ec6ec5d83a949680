/**
 * Settles with `promise`, or rejects with the signal's reason as soon as the signal aborts,
 * whichever comes first. Used around fetch and waits, so that an abort is honoured even by a
 * fetch that ignores the signal it was given. `promise` gets its handlers first, whatever the
 * signal, so that its own later rejection is never reported as unhandled.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;

  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);

    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );

    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Waits `ms` milliseconds; rejects with the signal's reason if it aborts first. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const wait = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });

  return untilAborted(wait, signal).finally(() => clearTimeout(timer));
}

/** Throws the signal's reason when it has aborted, as `fetch` would. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw signal.reason;
}

/** A signal that ends a piece of work, and `done` to call once the work is over. */
export interface Deadline {
  signal: AbortSignal;
  done: () => void;
}

/**
 * Starts a deadline: its signal aborts with `reason` after `ms` milliseconds (never, without
 * `ms`), or with the reason of `signal` as soon as that aborts, whichever comes first.
 */
export function startDeadline(
  signal: AbortSignal | undefined,
  ms: number | undefined,
  reason: unknown,
): Deadline {
  const controller = new AbortController();
  const timer = ms === undefined ? undefined : setTimeout(() => controller.abort(reason), ms);
  const stop = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', stop, { once: true });

  return {
    signal: controller.signal,
    done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
    },
  };
}
