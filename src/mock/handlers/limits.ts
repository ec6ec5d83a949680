import { ANALYTICS_LIMITS } from '../../platform/types';
import { errorReply, type Reply } from '../reply';

/**
 * The most bytes a request body may hold: the contract's limit for a batch of events, applied to
 * every body, since saves and tokens are far smaller. The HTTP server stops reading past it.
 */
export const MAX_BODY_BYTES = ANALYTICS_LIMITS.maxBytes;

/**
 * How deep a saved body may nest arrays and objects. JSON as deep as a 64 KiB body allows
 * overflows the stack of `JSON.stringify`, and no configuration needs more than a few levels.
 */
export const MAX_BODY_DEPTH = 64;

/** `413 payload_too_large` for a body over `MAX_BODY_BYTES`, naming the limit. */
export function bodyTooLarge(details: Record<string, unknown> = {}): Reply {
  return errorReply(
    413,
    'payload_too_large',
    `The body is more than ${MAX_BODY_BYTES} bytes; send at most ${MAX_BODY_BYTES} bytes a request.`,
    { maxBytes: MAX_BODY_BYTES, ...details },
  );
}

/** Tells whether a JSON value nests arrays and objects deeper than `limit`, without recursing. */
export function nestsDeeperThan(value: unknown, limit: number): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];

  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) {
      continue;
    }

    if (next.depth >= limit) {
      return true;
    }

    for (const inner of Object.values(next.value)) {
      pending.push({ value: inner, depth: next.depth + 1 });
    }
  }

  return false;
}
