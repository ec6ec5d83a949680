import { UUID } from '../platform/types';
import { eventId } from './event-id';
import { readItem, writeItem, type StorageArea } from './web-storage';

/** The key of a tab's session id for one token (by its hash). */
export const SESSION_KEY_PREFIX = 'configurator-embed:session:';

/**
 * Session ids kept in memory where `sessionStorage` does not work, so that clients of one token
 * on one page still share a session. Filled only when a client asks, never at import.
 */
const memorySessions = new Map<string, string>();

/** A tab's analytics session. */
export interface Session {
  id: string;
  /** True when this call began the session, so `session_start` is due. */
  isNew: boolean;
}

/**
 * The session of this tab for a token: one id per tab, kept in `sessionStorage` so that it
 * lasts across reloads of the tab and ends with it; in memory where that storage fails.
 */
export function resolveSession(area: StorageArea | undefined, tokenHash: string): Session {
  const key = SESSION_KEY_PREFIX + tokenHash;
  const stored = (area && readItem(area, key)) ?? memorySessions.get(key);

  // Only an id this SDK could have made is kept: a corrupt one would go out in every event.
  if (stored !== undefined && UUID.test(stored)) return { id: stored, isNew: false };

  const id = eventId();
  if (area === undefined || !writeItem(area, key, id)) memorySessions.set(key, id);

  return { id, isNew: true };
}
