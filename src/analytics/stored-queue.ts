import { UUID, type AnalyticsEvent } from '../platform/types';
import { eventId } from './event-id';
import { entryJson, type QueueEntry } from './queue';
import { keysWithPrefix, readItem, removeItem, writeItem, type StorageArea } from './web-storage';

/** Where queues are kept: this, the token's hash, `:` and the slot's id. */
export const QUEUE_KEY_PREFIX = 'configurator-embed:analytics:';

/** A queue as storage holds it. */
export interface StoredQueue {
  /** The client that holds it. */
  owner: string;
  /** Until when (ms since the epoch) the owner holds it; 0 once released. */
  until: number;
  /** Events lost before they could be reported to the platform. */
  dropped: number;
  events: AnalyticsEvent[];
}

/** A client's slot in storage, and its view of the other slots of the same token. */
export interface QueueStore {
  /**
   * Writes this client's queue, held until `until` (nothing is written where storage fails).
   * When another client claimed the slot since the last write, the queue goes to a new slot, and
   * the ids the other client took are answered, for this client to forget.
   */
  save(entries: readonly QueueEntry[], dropped: number, until: number): TakenOver;
  /**
   * Claims the slots of this token whose holder has released them or gone away, or whose lease
   * runs over twice as long as the one this client takes (to `until`).
   */
  claimOrphans(now: number, until: number): ClaimResult;
  /** Takes a claimed slot's queue if the claim still holds, and removes the slot. */
  adopt(key: string): StoredQueue | undefined;
}

/** The ids of events another client took over, to be forgotten; `undefined` when none. */
export type TakenOver = ReadonlySet<string> | undefined;

/** What `claimOrphans` found. */
export interface ClaimResult {
  /** Keys claimed, to adopt once the claim has settled. */
  claimed: string[];
  /** When the soonest live slot of another client runs out, if any holds events. */
  nextExpiry: number | undefined;
}

/**
 * Opens this client's slot for a token in `area`.
 *
 * How two tabs (or two clients of one token on a page) share storage: each client writes only
 * its own slot, and holds it with a lease it renews while it has events; it releases the slot
 * when the page is hidden for good or the client is destroyed. Another client claims a slot
 * whose lease has passed by writing its own id into it, and takes the events only if its claim
 * is still there a moment later; a holder that finds its slot claimed forgets those events.
 */
export function openQueueStore(area: StorageArea, tokenHash: string, clientId: string): QueueStore {
  const prefix = `${QUEUE_KEY_PREFIX}${tokenHash}:`;
  const ownPrefix = ownerPrefix(clientId);
  let key = prefix + clientId;

  return {
    save(entries, dropped, until) {
      const current = readItem(area, key);
      let takenOver: Set<string> | undefined;

      if (current !== null && !current.startsWith(ownPrefix)) {
        takenOver = new Set(parseQueue(current)?.events.map((event) => event.id) ?? []);
        key = prefix + eventId();
      }

      const kept =
        takenOver === undefined ? entries : entries.filter((e) => !takenOver.has(e.event.id));

      if (kept.length === 0 && dropped === 0) {
        if (current !== null && takenOver === undefined) removeItem(area, key);

        return takenOver;
      }

      const events = kept.map(entryJson).join(',');
      writeItem(
        area,
        key,
        `${ownPrefix}"until":${until},"dropped":${dropped},"events":[${events}]}`,
      );

      return takenOver;
    },

    claimOrphans(now, until) {
      const claimed: string[] = [];
      let nextExpiry: number | undefined;

      for (const other of keysWithPrefix(area, prefix)) {
        if (other === key) continue;

        const stored = parseQueue(readItem(area, other));
        if (stored === undefined) {
          removeItem(area, other);
          continue;
        }

        // A lease over twice as long as the one a client takes (`until`) is corrupt or from a
        // clock set ahead: it would hold the events for good, so it counts as run out.
        if (stored.until > now && stored.until - now <= 2 * (until - now)) {
          const waits = stored.events.length > 0 || stored.dropped > 0;
          if (waits) nextExpiry = Math.min(nextExpiry ?? stored.until, stored.until);
          continue;
        }

        const claim: StoredQueue = { ...stored, owner: clientId, until };
        if (writeItem(area, other, JSON.stringify(claim))) claimed.push(other);
      }

      return { claimed, nextExpiry };
    },

    adopt(other) {
      const value = readItem(area, other);
      if (value === null || !value.startsWith(ownPrefix)) return undefined;

      const stored = parseQueue(value);
      removeItem(area, other);

      return stored;
    },
  };
}

/** How a stored queue starts: its owner comes first, so a prefix tells who holds it. */
function ownerPrefix(clientId: string): string {
  return `{"owner":${JSON.stringify(clientId)},`;
}

/** Reads a stored queue; `undefined` for anything that is not one (corrupt, another version). */
export function parseQueue(value: string | null): StoredQueue | undefined {
  let parsed: Record<string, unknown>;
  try {
    parsed = Object(JSON.parse(value ?? 'null')) as Record<string, unknown>;
  } catch {
    return undefined;
  }

  const { owner, until, dropped, events } = parsed;
  if (typeof owner !== 'string' || typeof until !== 'number' || !Array.isArray(events)) {
    return undefined;
  }

  return {
    owner,
    until,
    dropped: typeof dropped === 'number' && dropped > 0 ? Math.floor(dropped) : 0,
    events: events.filter(isStoredEvent),
  };
}

function isStoredEvent(value: unknown): value is AnalyticsEvent {
  const { id, type, sessionId, clientTime } = Object(value) as Record<string, unknown>;

  return (
    typeof id === 'string' &&
    UUID.test(id) &&
    typeof type === 'string' &&
    typeof sessionId === 'string' &&
    typeof clientTime === 'string'
  );
}
