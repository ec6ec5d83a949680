import { ANALYTICS_LIMITS, type AnalyticsEvent } from '../platform/types';

const encoder = new TextEncoder();

/** The bytes that `{"events":[]}` takes around the events. */
const ENVELOPE_BYTES = encoder.encode('{"events":[]}').length;

/**
 * Splits events, in order, into batches the platform takes: at most `maxEvents` events and
 * `maxBytes` bytes of JSON each. An event too large to fit any batch on its own is returned
 * apart, as `oversized`, since sending it could only fail.
 */
export function splitBatches(
  events: readonly AnalyticsEvent[],
  maxEvents: number = ANALYTICS_LIMITS.maxEvents,
  maxBytes: number = ANALYTICS_LIMITS.maxBytes,
): { batches: AnalyticsEvent[][]; oversized: AnalyticsEvent[] } {
  const batches: AnalyticsEvent[][] = [];
  const oversized: AnalyticsEvent[] = [];
  let batch: AnalyticsEvent[] = [];
  let bytes = ENVELOPE_BYTES;

  for (const event of events) {
    const size = encoder.encode(JSON.stringify(event)).length;

    if (ENVELOPE_BYTES + size > maxBytes) {
      oversized.push(event);
      continue;
    }

    const separator = batch.length === 0 ? 0 : 1;
    if (batch.length === maxEvents || bytes + separator + size > maxBytes) {
      batches.push(batch);
      batch = [];
      bytes = ENVELOPE_BYTES;
    }

    bytes += (batch.length === 0 ? 0 : 1) + size;
    batch.push(event);
  }

  if (batch.length > 0) batches.push(batch);

  return { batches, oversized };
}
