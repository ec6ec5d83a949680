import type { EventQueue, QueueEntry } from './queue';
import type { Decision } from './retry-policy';

/** What delivery does for each kind of decision about a failed batch. */
export interface FailureActions {
  queue: EventQueue;
  /** Waits `delay` ms before sending again. */
  retry(delay: number): void;
  /** Waits for the browser to come back online. */
  offline(): void;
  /** Sends at most half of `size` events a request from now on. */
  halve(size: number): void;
  /** Gives events up, counting and reporting the loss. */
  drop(entries: readonly QueueEntry[]): void;
  /** Stops sending for good. */
  stop(): void;
}

/**
 * Carries out the retry policy's decision about a failed batch: the batch goes back to waiting,
 * except the events given up.
 *
 * @returns True when delivery may go on with the next batch at once.
 */
export function applyDecision(
  decision: Decision,
  batch: readonly QueueEntry[],
  act: FailureActions,
): boolean {
  act.queue.release(batch);

  switch (decision.kind) {
    case 'retry':
      act.retry(decision.delay);

      return false;
    case 'offline':
      act.offline();

      return false;
    case 'split':
      if (batch.length === 1) act.drop(batch);
      else act.halve(batch.length);

      return true;
    case 'drop-events': {
      const bad = batch.filter((_, index) => decision.indexes.has(index));
      if (bad.length === 0) act.halve(batch.length);
      else act.drop(bad);

      return true;
    }
    case 'drop-batch':
      act.drop(batch);

      return true;
    case 'stop':
      act.stop();

      return false;
  }
}
