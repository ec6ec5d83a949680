import { describe, expect, it, vi } from 'vitest';

import { CorsError } from '../../src/errors/classes';
import { SEED } from '../../src/mock/seed';
import { seedProducts } from '../../src/mock/seed-products';
import { EVENTS_PATH, TEST_EVENT, settle, storedQueues, useAnalyticsPlatform } from './support';

// A call refused for the page's origin or its token tells analytics that each of its requests
// would be refused too: it stops at once, without a doomed batch and its probes, and without
// telling onError what the call's caller was told already.

const platform = useAnalyticsPlatform();
const productId = SEED.products.table;
const productVersion =
  seedProducts().find(({ definition }) => definition.id === productId)?.definition.version ?? '';
const UNKNOWN_TOKEN = '0b1c2d3e-4f50-4a61-8b72-9c8d7e6f5a40';

/** Every request about analytics: preflights and posts. */
const analyticsRequests = () =>
  platform.state.requests.filter((request) => request.path === EVENTS_PATH);

const REFUSALS = [
  { token: SEED.otherPublicToken, refusal: { name: 'CorsError', code: 'origin_not_allowed' } },
  { token: SEED.revokedToken, refusal: { name: 'AuthError', code: 'token_revoked' } },
  { token: UNKNOWN_TOKEN, refusal: { name: 'AuthError', code: 'token_invalid' } },
  {
    token: SEED.privateToken,
    refusal: { name: 'PrivateTokenError', code: 'private_token_in_browser' },
  },
] as const;

describe('analytics after a call refused for its origin or token', () => {
  it.each(REFUSALS)(
    'stops at once after a load refused with $refusal.name $refusal.code, sending nothing',
    async ({ token, refusal }) => {
      const onError = vi.fn();
      const client = platform.client({ token, onError });

      await expect(client.configurator.load(productId)).rejects.toMatchObject(refusal);
      client.analytics.track('share');
      client.analytics.track('add_to_cart', { quantity: 1 });

      // session_start, the load's error event and the two tracked events: all given up.
      expect(client.analytics.stats()).toEqual({ queued: 0, sent: 0, dropped: 4, retried: 0 });
      await expect(client.analytics.flush()).rejects.toMatchObject(refusal);
      await client.destroy();
      await settle();

      expect(analyticsRequests()).toEqual([]);
      expect(onError).not.toHaveBeenCalled();
      expect([...storedQueues().values()].flatMap((stored) => stored.events)).toEqual([]);
      expect(client.analytics.stats()).toEqual({ queued: 0, sent: 0, dropped: 4, retried: 0 });
    },
  );

  it('stops at once after a save refused for the origin, before the interval sends anything', async () => {
    const onError = vi.fn();
    const client = platform.client({ token: SEED.otherPublicToken, onError });

    await expect(
      client.configurations.save({ productId, productVersion, variant: {} }),
    ).rejects.toMatchObject({ name: 'CorsError' });
    await new Promise((resolve) => setTimeout(resolve, 2500));

    expect(analyticsRequests()).toEqual([]);
    expect(client.analytics.stats()).toMatchObject({ queued: 0, sent: 0, dropped: 2 });
    expect(onError).not.toHaveBeenCalled();
  });

  it('stops after a read refused for a revoked token, counting later events as dropped', async () => {
    const onError = vi.fn();
    const client = platform.client({
      token: SEED.revokedToken,
      onError,
      analytics: { sdkEvents: false },
    });

    await expect(client.configurations.get('well-formed')).rejects.toMatchObject({
      name: 'AuthError',
      code: 'token_revoked',
    });
    client.analytics.track('share');
    await client.destroy();

    expect(client.analytics.stats()).toEqual({ queued: 0, sent: 0, dropped: 1, retried: 0 });
    expect(analyticsRequests()).toEqual([]);
    expect(onError).not.toHaveBeenCalled();
  });

  it('counts a batch in flight when sending stops once: as sent when the platform took it', async () => {
    const { analytics, reports, trackRange } = platform.harness();
    const numbers = trackRange(0, 3);
    platform.answerLate(50);

    const flushed = analytics.flush();
    await settle(10);
    analytics.stop(new CorsError('Refused.', 'http://localhost:3000'));
    trackRange(3, 5);

    await expect(flushed).rejects.toMatchObject({ name: 'CorsError' });
    await settle();

    platform.expectCountedOnce(numbers);
    expect(analytics.stats()).toEqual({ queued: 0, sent: 3, dropped: 2, retried: 0 });
    expect(reports).toEqual([]);
  });
});

describe('analytics after a call that failed for another reason', () => {
  it.each([
    {
      failure: 'NotFoundError',
      fail: () => {
        platform.state.failNext(
          { status: 404 },
          { path: `/api/products/${productId}/configurator` },
        );
      },
    },
    {
      failure: 'ServerError',
      fail: () => {
        // A read retries a 5xx twice: all three attempts fail.
        for (let i = 0; i < 3; i += 1) {
          platform.state.failNext(
            { status: 500 },
            { path: `/api/products/${productId}/configurator` },
          );
        }
      },
    },
    {
      failure: 'NetworkError',
      fail: () => {
        platform.state.setDown(true);
      },
    },
  ])('keeps sending after a load that failed with $failure', async ({ failure, fail }) => {
    const onError = vi.fn();
    const client = platform.client({ onError });
    fail();

    await expect(client.configurator.load(productId)).rejects.toMatchObject({ name: failure });
    platform.state.setDown(false);
    client.analytics.track(TEST_EVENT, { n: 0 });
    await client.analytics.flush();

    const counted = platform.state.countedEvents().map((event) => event.type);
    expect(counted).toEqual(expect.arrayContaining(['session_start', 'error', TEST_EVENT]));
    expect(client.analytics.stats()).toMatchObject({ queued: 0, sent: 3, dropped: 0 });
    expect(analyticsRequests().length).toBeGreaterThan(0);
    expect(onError).not.toHaveBeenCalled();
  });
});
