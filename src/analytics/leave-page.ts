import { ANALYTICS_LIMITS } from '../platform/types';
import type { Transport } from '../transport/transport';
import { keepaliveBudget } from './keepalive-budget';
import { ENVELOPE_BYTES, type EventQueue, type QueueEntry } from './queue';
import { sendBatch } from './send-batch';

/** What a last send from a page being left needs. */
export interface LeaveContext {
  queue: EventQueue;
  transport: Transport;
  /** Events a request may carry. */
  maxEvents: number;
  /** Gives up events too large for any batch. */
  dropOversized(entries: readonly QueueEntry[]): void;
  /** Settles a batch once its request has: acknowledged, or back to waiting. */
  settled(batch: readonly QueueEntry[], failure: { error: unknown } | undefined): void;
}

/**
 * Sends what waits with `fetch` `keepalive`, so that the requests outlive the page, in batches
 * while the page's 64 KiB keepalive budget holds (shared by every client on the page); what does
 * not fit stays queued and stored for the next visit.
 *
 * @returns The requests sent, settled once their batches are.
 */
export function sendOnLeave(context: LeaveContext): Array<Promise<void>> {
  const sent: Array<Promise<void>> = [];

  for (;;) {
    const budget = Math.min(ANALYTICS_LIMITS.maxBytes, keepaliveBudget.available());
    if (budget <= ENVELOPE_BYTES) break;

    const { batch, bytes, oversized } = context.queue.take(context.maxEvents, budget);
    if (oversized.length > 0) context.dropOversized(oversized);
    if (batch.length === 0) break;

    keepaliveBudget.reserve(bytes);
    sent.push(
      sendBatch(context.transport, batch, true).then((failure) => {
        keepaliveBudget.release(bytes);
        context.settled(batch, failure);
      }),
    );
  }

  return sent;
}
