import { afterEach, describe, expect, it, vi } from 'vitest';

import { splitBatches } from '../../src/analytics/split-batches';
import type { AnalyticsEvent } from '../../src/platform/types';
import { usePlatform } from '../support/platform';

const platform = usePlatform();

const eventPosts = () =>
  platform.state.requests.filter(
    (request) => request.method === 'POST' && request.path === '/api/analytics/events',
  );

afterEach(() => vi.useRealTimers());

describe('analytics.track', () => {
  it('sends a batch as soon as it fills', async () => {
    const client = platform.client({ analytics: { batchSize: 3, flushInterval: 60_000 } });

    for (let i = 0; i < 3; i += 1) client.analytics.track('promo.viewed', { slot: i });

    await vi.waitFor(() => expect(platform.state.countedEvents()).toHaveLength(3));
    expect(eventPosts()).toHaveLength(1);
  });

  it('sends what waits once the interval has passed', async () => {
    const client = platform.client({ analytics: { batchSize: 50, flushInterval: 30 } });

    client.analytics.track('share');
    expect(eventPosts()).toHaveLength(0);

    await vi.waitFor(() => expect(platform.state.countedEvents()).toHaveLength(1));
  });

  it('gives each event its own UUID, the session and the client time', async () => {
    const client = platform.client();
    client.analytics.track('add_to_cart', { sku: 'T-1', quantity: 2, gift: false });
    client.analytics.track('add_to_cart');
    await client.analytics.flush();

    const events = platform.state.countedEvents();
    expect(events).toHaveLength(2);
    expect(new Set(events.map((event) => event.id)).size).toBe(2);
    expect(events[0]).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'add_to_cart',
      sessionId: events[1]?.sessionId,
      clientTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      properties: { sku: 'T-1', quantity: 2, gift: false },
    });
  });

  it.each([
    ['a type with capitals', 'AddToCart', undefined],
    ['a type that is too long', `a${'b'.repeat(64)}`, undefined],
    ['a type that is not a string', 7, undefined],
    ['nested properties', 'share', { where: { page: 'home' } }],
    ['a property that is not finite', 'share', { ratio: Number.NaN }],
    ['properties that are an array', 'share', ['a']],
  ])(
    'reports %s through onError as a ValidationError and never throws',
    async (_, type, properties) => {
      const onError = vi.fn();
      const client = platform.client({ onError });

      expect(() => client.analytics.track(type as string, properties as never)).not.toThrow();
      await client.analytics.flush();

      expect(onError).toHaveBeenCalledWith(
        expect.objectContaining({ name: 'ValidationError', code: 'invalid_event' }),
      );
      expect(platform.state.countedEvents()).toEqual([]);
    },
  );

  it('reports a failed background batch through onError', async () => {
    const onError = vi.fn();
    const client = platform.client({ onError, analytics: { batchSize: 1 } });
    platform.state.failNext({ status: 503, body: { code: 'unavailable', message: 'down' } });

    client.analytics.track('share');

    await vi.waitFor(() =>
      expect(onError).toHaveBeenCalledWith(
        expect.objectContaining({ name: 'ServerError', code: 'unavailable' }),
      ),
    );
  });

  it('survives an onError hook that throws', async () => {
    const client = platform.client({
      onError: () => {
        throw new Error('the page failed');
      },
    });

    expect(() => client.analytics.track('Not Valid')).not.toThrow();
  });

  it('sends what is queued when the client is destroyed, then refuses more', async () => {
    const onError = vi.fn();
    const client = platform.client({ onError });
    client.analytics.track('share');

    await client.destroy();
    client.analytics.track('share');

    expect(platform.state.countedEvents()).toHaveLength(1);
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'UsageError', code: 'client_destroyed' }),
    );
    await expect(client.configurator.load('x')).rejects.toMatchObject({ code: 'client_destroyed' });
  });
});

describe('splitBatches', () => {
  const event = (n: number, padding = 0): AnalyticsEvent => ({
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type: 'share',
    sessionId: 's',
    clientTime: '2026-12-03T12:00:00.000Z',
    properties: { padding: 'x'.repeat(padding) },
  });

  it('keeps every batch within the event limit when bytes would allow more', () => {
    const events = Array.from({ length: 1201 }, (_, n) => event(n));

    const { batches } = splitBatches(events, 500, 10_000_000);

    expect(batches.map((batch) => batch.length)).toEqual([500, 500, 201]);
  });

  it('keeps to both platform limits by default', () => {
    const events = Array.from({ length: 1201 }, (_, n) => event(n));

    const { batches } = splitBatches(events);

    for (const batch of batches) {
      expect(batch.length).toBeLessThanOrEqual(500);
      expect(
        new TextEncoder().encode(JSON.stringify({ events: batch })).length,
      ).toBeLessThanOrEqual(65_536);
    }
    expect(batches.flat()).toEqual(events);
  });

  it('keeps every batch within 64 KiB of JSON, in order', () => {
    const events = Array.from({ length: 10 }, (_, n) => event(n, 20_000));

    const { batches } = splitBatches(events);

    for (const batch of batches) {
      expect(
        new TextEncoder().encode(JSON.stringify({ events: batch })).length,
      ).toBeLessThanOrEqual(65_536);
    }
    expect(batches.flat()).toEqual(events);
    expect(batches.length).toBe(4);
  });

  it('sets apart an event too large for any batch', () => {
    const { batches, oversized } = splitBatches([event(1), event(2, 70_000), event(3)]);

    expect(oversized.map((e) => e.id)).toEqual([event(2).id]);
    expect(batches).toEqual([[event(1), event(3)]]);
  });
});
