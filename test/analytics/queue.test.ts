import { describe, expect, it } from 'vitest';

import { createQueue } from '../../src/analytics/queue';
import type { AnalyticsEvent } from '../../src/platform/types';

const event = (n: number, padding = 0): AnalyticsEvent => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  type: 'share',
  sessionId: 's',
  clientTime: '2026-12-03T12:00:00.000Z',
  properties: { padding: 'x'.repeat(padding) },
});

const bytesOf = (events: readonly AnalyticsEvent[]): number =>
  new TextEncoder().encode(JSON.stringify({ events })).length;

function queueOf(events: readonly AnalyticsEvent[]) {
  const queue = createQueue(10_000);
  for (const e of events) queue.push(e);

  return queue;
}

describe('queue.take', () => {
  it('keeps a batch within the event limit when bytes would allow more', () => {
    const queue = queueOf(Array.from({ length: 1201 }, (_, n) => event(n)));

    const sizes = [0, 1, 2].map(() => queue.take(500, 10_000_000).batch.length);

    expect(sizes).toEqual([500, 500, 201]);
  });

  it('keeps every batch within 64 KiB of JSON, in order, and sizes it exactly', () => {
    const events = Array.from({ length: 10 }, (_, n) => event(n, 20_000));
    const queue = queueOf(events);
    const batches: AnalyticsEvent[][] = [];

    for (let taken = queue.take(500, 65_536); taken.batch.length > 0;) {
      const batch = taken.batch.map((entry) => entry.event);
      expect(taken.bytes).toBe(bytesOf(batch));
      expect(taken.bytes).toBeLessThanOrEqual(65_536);
      batches.push(batch);
      taken = queue.take(500, 65_536);
    }

    expect(batches.flat()).toEqual(events);
    expect(batches).toHaveLength(4);
  });

  it('counts bytes of text beyond ASCII as UTF-8 does', () => {
    const queue = queueOf([{ ...event(1), properties: { name: 'Überstühl 🪑 ✓' } }]);

    const taken = queue.take(500, 65_536);

    expect(taken.bytes).toBe(bytesOf(taken.batch.map((entry) => entry.event)));
  });

  it('sets apart an event too large for any batch', () => {
    const queue = queueOf([event(1), event(2, 70_000), event(3)]);

    const { batch, oversized } = queue.take(500, 65_536);

    expect(oversized.map((entry) => entry.event.id)).toEqual([event(2).id]);
    expect(batch.map((entry) => entry.event)).toEqual([event(1), event(3)]);
    expect(queue.size).toBe(2);
  });

  it('skips events in flight and gives them back on release', () => {
    const queue = queueOf([event(1), event(2), event(3)]);
    const first = queue.take(2, 65_536).batch;

    expect(queue.take(5, 65_536).batch.map((entry) => entry.event)).toEqual([event(3)]);
    expect(queue.waiting).toBe(0);

    queue.release(first);
    expect(queue.take(5, 65_536).batch.map((entry) => entry.event)).toEqual([event(1), event(2)]);
  });
});

describe('queue.push', () => {
  it('lets the oldest event not in flight go when full', () => {
    const queue = createQueue(3);
    queue.push(event(1));
    queue.push(event(2));
    queue.push(event(3));
    queue.take(1, 65_536);

    expect(queue.push(event(4))).toEqual(event(2));
    expect(queue.entries().map((entry) => entry.event)).toEqual([event(1), event(3), event(4)]);
  });
});

describe('queue.prepend', () => {
  it('puts older events first, skips ids it holds, and lets the oldest go when full', () => {
    const queue = createQueue(3);
    queue.push(event(3));

    const dropped = queue.prepend([event(0), event(1), event(2), event(3)]);

    expect(dropped).toEqual([event(0)]);
    expect(queue.entries().map((entry) => entry.event)).toEqual([event(1), event(2), event(3)]);
  });

  it('queues an event given twice (in two stored queues) once', () => {
    const queue = createQueue(10);

    queue.prepend([event(0), event(1), event(0)]);

    expect(queue.entries().map((entry) => entry.event.id)).toEqual([event(0).id, event(1).id]);
  });
});
