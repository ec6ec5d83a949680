import { describe, expect, it, vi } from 'vitest';

import { SEED } from '../../src/mock/seed';
import { useAnalyticsPlatform } from './support';

const platform = useAnalyticsPlatform();
const quiet = { sdkEvents: false } as const;

describe('analytics.track', () => {
  it('sends a batch as soon as it fills', async () => {
    const client = platform.client({
      analytics: { ...quiet, batchSize: 3, flushInterval: 60_000 },
    });

    for (let i = 0; i < 3; i += 1) client.analytics.track('promo.viewed', { slot: i });

    await vi.waitFor(() => expect(platform.state.countedEvents()).toHaveLength(3));
    expect(platform.eventPosts()).toHaveLength(1);
  });

  it('sends a burst tracked in one task in full batches', async () => {
    const client = platform.client({ analytics: { ...quiet, batchSize: 100 } });

    for (let i = 0; i < 300; i += 1) client.analytics.track('promo.viewed', { slot: i });

    await vi.waitFor(() => expect(platform.state.countedEvents()).toHaveLength(300));
    expect(platform.eventPosts()).toHaveLength(3);
  });

  it('sends what waits once the interval has passed', async () => {
    const client = platform.client({ analytics: { ...quiet, batchSize: 50, flushInterval: 30 } });

    client.analytics.track('share');
    expect(platform.eventPosts()).toHaveLength(0);

    await vi.waitFor(() => expect(platform.state.countedEvents()).toHaveLength(1));
  });

  it('gives each event its own UUID, the session and the client time', async () => {
    const client = platform.client({ analytics: quiet });
    client.analytics.track('add_to_cart', { sku: 'T-1', quantity: 2, gift: false });
    client.analytics.track('add_to_cart');
    await client.analytics.flush();

    const events = platform.state.countedEvents();
    expect(events).toHaveLength(2);
    expect(new Set(events.map((event) => event.id)).size).toBe(2);
    expect(events[0]).toMatchObject({
      id: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      ),
      type: 'add_to_cart',
      sessionId: events[1]?.sessionId,
      clientTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      properties: { sku: 'T-1', quantity: 2, gift: false },
    });
  });

  it('carries the product, configuration and variant an event is about', async () => {
    const client = platform.client({ analytics: quiet });
    const variant = { wood: 'oak', length: 200, extension: true, color: { r: 1, g: 2, b: 3 } };

    client.analytics.track(
      'attribute_changed',
      { key: 'wood', value: 'oak' },
      { productId: SEED.products.table, configurationId: 'abc1234', variant },
    );
    variant.wood = 'walnut';
    await client.analytics.flush();

    expect(platform.state.countedEvents()[0]).toMatchObject({
      type: 'attribute_changed',
      productId: SEED.products.table,
      configurationId: 'abc1234',
      variant: { wood: 'oak', length: 200, extension: true, color: { r: 1, g: 2, b: 3 } },
      properties: { key: 'wood', value: 'oak' },
    });
  });

  it('keeps the properties as they were when tracked', async () => {
    const client = platform.client({ analytics: quiet });
    const properties = { step: 1 };

    client.analytics.track('share', properties);
    properties.step = 2;
    await client.analytics.flush();

    expect(platform.state.countedEvents()[0]?.properties).toEqual({ step: 1 });
  });

  it.each([
    ['a type with capitals', 'AddToCart', undefined, undefined],
    ['a type that is too long', `a${'b'.repeat(64)}`, undefined, undefined],
    ['a type that is not a string', 7, undefined, undefined],
    ['nested properties', 'share', { where: { page: 'home' } }, undefined],
    ['a property that is not finite', 'share', { ratio: Number.NaN }, undefined],
    ['properties that are an array', 'share', ['a'], undefined],
    ['an empty product id', 'share', undefined, { productId: '' }],
    ['a nested variant', 'share', undefined, { variant: { top: { wood: 'oak' } } }],
    ['a context that is not an object', 'share', undefined, 'table'],
  ])(
    'reports %s through onError as a ValidationError and never throws',
    async (_, type, properties, context) => {
      const onError = vi.fn();
      const client = platform.client({ onError, analytics: quiet });

      expect(() =>
        client.analytics.track(type as string, properties as never, context as never),
      ).not.toThrow();
      await client.analytics.flush();

      expect(onError).toHaveBeenCalledWith(
        expect.objectContaining({ name: 'ValidationError', code: 'invalid_event' }),
      );
      expect(platform.state.countedEvents()).toEqual([]);
    },
  );

  it('survives an onError hook that throws', () => {
    const client = platform.client({
      analytics: quiet,
      onError: () => {
        throw new Error('the page failed');
      },
    });

    expect(() => client.analytics.track('Not Valid')).not.toThrow();
  });

  it('reports the first failure of a run of failures through onError', async () => {
    const onError = vi.fn();
    const client = platform.client({ onError, analytics: { ...quiet, batchSize: 1 } });
    platform.state.failNext({ status: 503 }, { path: '/api/analytics/events' });

    client.analytics.track('share');

    await vi.waitFor(() =>
      expect(onError).toHaveBeenCalledWith(
        expect.objectContaining({ name: 'ServerError', code: 'unavailable' }),
      ),
    );
    expect(client.analytics.stats()).toMatchObject({ queued: 1, sent: 0, retried: 1 });
  });

  it('counts what it queued, sent, dropped and retried', async () => {
    const client = platform.client({ analytics: quiet });
    client.analytics.track('share');
    expect(client.analytics.stats()).toEqual({ queued: 1, sent: 0, dropped: 0, retried: 0 });

    await client.analytics.flush();

    expect(client.analytics.stats()).toEqual({ queued: 0, sent: 1, dropped: 0, retried: 0 });
  });
});

describe('analytics.flush', () => {
  it('rejects with the failure of a batch, keeping its events for later', async () => {
    const client = platform.client({ analytics: quiet });
    platform.state.failNext({ status: 500 }, { path: '/api/analytics/events' });
    client.analytics.track('share');

    await expect(client.analytics.flush()).rejects.toMatchObject({ name: 'ServerError' });
    expect(client.analytics.stats().queued).toBe(1);

    await client.analytics.flush();
    expect(platform.state.countedEvents()).toHaveLength(1);
  });

  it('resolves at once when nothing waits', async () => {
    const client = platform.client({ analytics: quiet });

    await client.analytics.flush();

    expect(platform.eventPosts()).toHaveLength(0);
  });
});

describe('destroy', () => {
  it('sends what is queued, then refuses more', async () => {
    const onError = vi.fn();
    const client = platform.client({ onError, analytics: quiet });
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
