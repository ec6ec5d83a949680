import type { AnalyticsEvent } from '../platform/types';
import { reportedLoss } from './make-event';

/** The counters a ledger adds its losses to. */
export interface LossCounters {
  dropped: number;
}

/**
 * What was lost and not yet told to the platform. Losses are reported in an `sdk.dropped`
 * event with the next batch; a lost report hands its count back.
 */
export interface LossLedger {
  /** Losses not yet reported. */
  readonly unreported: number;
  /** Counts events given up: each is a loss, except a report of losses, which is let go. */
  lost(events: readonly AnalyticsEvent[]): void;
  /** Counts events a full queue pushed out; a report of losses among them is due again. */
  evicted(events: readonly AnalyticsEvent[]): void;
  /** Takes on losses an earlier page counted and could not report. */
  carry(count: number): void;
  /** Takes the losses to report now, leaving none. */
  take(): number;
  /** Forgets the losses: nothing can be reported any more. */
  clear(): void;
}

/** Creates an empty ledger that adds its losses to `counters.dropped`. */
export function createLossLedger(counters: LossCounters): LossLedger {
  let unreported = 0;

  return {
    get unreported() {
      return unreported;
    },
    lost(events) {
      // A refused report of losses goes silently: reporting it again could be refused forever.
      const count = events.filter((event) => reportedLoss(event) === 0).length;
      counters.dropped += count;
      unreported += count;
    },
    evicted(events) {
      for (const event of events) {
        const carried = reportedLoss(event);
        if (carried > 0) unreported += carried;
        else {
          counters.dropped += 1;
          unreported += 1;
        }
      }
    },
    carry(count) {
      unreported += count;
    },
    take() {
      const count = unreported;
      unreported = 0;

      return count;
    },
    clear() {
      unreported = 0;
    },
  };
}
