import { ANALYTICS_LIMITS, type AnalyticsEvent } from '../platform/types';
import { utf8Length } from './utf8-length';

/** One queued event, with what sending it needs to know. */
export interface QueueEntry {
  readonly event: AnalyticsEvent;
  /** The event's JSON, made when first needed (to size a batch or to store the queue). */
  json: string | undefined;
  /** True while a request carries it. */
  sending: boolean;
}

/** The bounded queue of events waiting to be acknowledged by the platform. */
export interface EventQueue {
  /** Every queued event, in flight or not, oldest first. */
  readonly size: number;
  /** Events not in flight. */
  readonly waiting: number;
  /**
   * Queues an event at the end. When the queue is full, the oldest event not in flight goes.
   *
   * @returns The event that went to make room, if one did.
   */
  push(event: AnalyticsEvent): AnalyticsEvent | undefined;
  /**
   * Queues older events (from storage) ahead of the rest, skipping ids already queued or given
   * twice. When the queue overflows, the oldest go.
   *
   * @returns The events that went to make room.
   */
  prepend(events: readonly AnalyticsEvent[]): AnalyticsEvent[];
  /** Queues an event first, even over the bound: the report of earlier losses. */
  putFirst(event: AnalyticsEvent): void;
  /**
   * Marks the oldest events not in flight as sending, as many as fit `maxEvents` and `maxBytes`
   * of `{"events":[…]}`. An event too large for any batch of the platform's is removed and
   * returned apart, as `oversized`.
   */
  take(maxEvents: number, maxBytes: number): Taken;
  /** Removes entries: acknowledged or given up. */
  remove(entries: readonly QueueEntry[]): void;
  /** Returns entries to waiting, after a failure that will be retried. */
  release(entries: readonly QueueEntry[]): void;
  /** Removes the events with these ids, which another tab took over. */
  removeIds(ids: ReadonlySet<string>): void;
  /** Every entry, oldest first; do not change the array. */
  entries(): readonly QueueEntry[];
}

/** What `take` marked as sending. */
export interface Taken {
  batch: QueueEntry[];
  /** The batch's size as `{"events":[…]}` JSON, in bytes. */
  bytes: number;
  /** Events removed because no batch can hold them. */
  oversized: QueueEntry[];
}

/** The bytes of `{"events":[]}` around a batch's events. */
export const ENVELOPE_BYTES = '{"events":[]}'.length;

/** The JSON of an entry's event, made once. */
export function entryJson(entry: QueueEntry): string {
  entry.json ??= JSON.stringify(entry.event);

  return entry.json;
}

/** A new entry, waiting. */
function waitingEntry(event: AnalyticsEvent): QueueEntry {
  return { event, json: undefined, sending: false };
}

/** Creates an empty queue that holds at most `capacity` events. */
export function createQueue(capacity: number): EventQueue {
  let entries: QueueEntry[] = [];
  let sending = 0;

  function dropOldest(): AnalyticsEvent | undefined {
    const index = entries.findIndex((entry) => !entry.sending);

    return index === -1 ? undefined : entries.splice(index, 1)[0]?.event;
  }

  function release(released: readonly QueueEntry[]): void {
    for (const entry of released) {
      if (entry.sending) sending -= 1;
      entry.sending = false;
    }
  }

  function remove(removed: readonly QueueEntry[]): void {
    const gone = new Set(removed);
    release(removed);
    entries = entries.filter((entry) => !gone.has(entry));
  }

  return {
    get size() {
      return entries.length;
    },
    get waiting() {
      return entries.length - sending;
    },

    push(event) {
      const dropped = entries.length < capacity ? undefined : dropOldest();
      entries.push(waitingEntry(event));

      return dropped;
    },

    prepend(events) {
      // Two stored queues can hold one event (a claim that raced a write): it goes once.
      const known = new Set(entries.map((entry) => entry.event.id));
      const older: QueueEntry[] = [];
      for (const event of events) {
        if (known.has(event.id)) continue;

        known.add(event.id);
        older.push(waitingEntry(event));
      }

      entries = [...older, ...entries];

      const dropped: AnalyticsEvent[] = [];
      while (entries.length > capacity) {
        const event = dropOldest();
        if (event === undefined) break;
        dropped.push(event);
      }

      return dropped;
    },

    putFirst(event) {
      entries.unshift(waitingEntry(event));
    },

    take(maxEvents, maxBytes) {
      const batch: QueueEntry[] = [];
      const oversized: QueueEntry[] = [];
      let bytes = ENVELOPE_BYTES;

      for (const entry of entries) {
        if (batch.length === maxEvents) break;
        if (entry.sending) continue;

        const size = utf8Length(entryJson(entry));
        if (ENVELOPE_BYTES + size > ANALYTICS_LIMITS.maxBytes) {
          oversized.push(entry);
          continue;
        }

        const separator = batch.length === 0 ? 0 : 1;
        if (bytes + separator + size > maxBytes) break;

        bytes += separator + size;
        entry.sending = true;
        batch.push(entry);
      }

      sending += batch.length;
      remove(oversized);

      return { batch, bytes, oversized };
    },

    remove,
    release,

    removeIds(ids) {
      remove(entries.filter((entry) => ids.has(entry.event.id)));
    },

    entries: () => entries,
  };
}
