import { ValidationError } from '../errors/classes';
import { readBatchResult } from '../platform/read-answers';
import { ANALYTICS_LIMITS } from '../platform/types';
import type { Transport } from '../transport/transport';
import type { QueueEntry } from './queue';

/**
 * Sends a batch of queued events, and never rejects.
 *
 * @param keepalive Lets the request outlive the page, for a page that is being left.
 * @returns `undefined` once the platform acknowledged every event, else the failure.
 */
export async function sendBatch(
  transport: Transport,
  batch: readonly QueueEntry[],
  keepalive: boolean,
): Promise<{ error: unknown } | undefined> {
  try {
    await transport.call({
      action: 'send analytics',
      method: 'POST',
      path: ['api', 'analytics', 'events'],
      body: { events: batch.map((entry) => entry.event) },
      expect: [200],
      read: readBatchResult,
      keepalive,
    });

    return undefined;
  } catch (error) {
    return { error };
  }
}

/** The failure reported for events dropped before sending, each too large for any batch. */
export function oversizedError(count: number): ValidationError {
  const limit = ANALYTICS_LIMITS.maxBytes;

  return new ValidationError(
    'payload_too_large',
    `Failed to send analytics: ${count} event(s) larger than the platform's ${limit} bytes a batch were dropped.`,
    [{ key: 'events', message: `must be at most ${limit} bytes each` }],
  );
}
