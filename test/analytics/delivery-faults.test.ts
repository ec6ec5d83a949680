import { afterEach, describe, expect, it, vi } from 'vitest';

import { SEED } from '../../src/mock/seed';
import { EVENTS_PATH, settle, storedQueues, useAnalyticsPlatform } from './support';

const platform = useAnalyticsPlatform();
const match = { path: EVENTS_PATH };

afterEach(() => vi.unstubAllGlobals());

describe('delivery under faults', () => {
  it('retries a burst of 5xx with growing waits and counts every event once', async () => {
    // Without storage, the only timers are delivery's own.
    const { analytics, scheduler, reports, trackRange } = platform.harness({
      analytics: { persist: false },
    });
    for (const status of [503, 500, 502]) platform.state.failNext({ status }, match);

    const tracked = trackRange(0, 5);
    const flushed = analytics.flush().catch((e: unknown) => e);
    await expect(flushed).resolves.toMatchObject({ name: 'ServerError' });

    // Backoff with the scheduler's jitter at one half: 750 ms, then 1.5 s, then 3 s.
    for (const wait of [750, 1500, 3000]) {
      expect(scheduler.nextIn()).toBe(wait);
      const posts = platform.eventPosts().length;

      scheduler.advance(wait - 1);
      await settle();
      expect(platform.eventPosts()).toHaveLength(posts);

      scheduler.advance(1);
      await vi.waitFor(() => expect(platform.eventPosts()).toHaveLength(posts + 1));
    }

    await vi.waitFor(() => platform.expectCountedOnce(tracked));
    expect(analytics.stats()).toMatchObject({ queued: 0, sent: 5, dropped: 0, retried: 3 });
    expect(reports).toEqual([]);
  });

  it('reports a background run of failures once, and again after a success', async () => {
    const { scheduler, reports, trackRange } = platform.harness({ analytics: { batchSize: 2 } });
    for (let i = 0; i < 3; i += 1) platform.state.failNext({ status: 503 }, match);

    const tracked = trackRange(0, 2);
    await vi.waitFor(() => expect(reports).toHaveLength(1));
    for (const wait of [750, 1500, 3000]) {
      scheduler.advance(wait);
      await settle();
    }
    await vi.waitFor(() => platform.expectCountedOnce(tracked));
    expect(reports.map((error) => error.name)).toEqual(['ServerError']);

    platform.state.failNext({ status: 500 }, match);
    tracked.push(...trackRange(2, 4));
    await vi.waitFor(() => expect(reports).toHaveLength(2));
    scheduler.advance(750);
    await vi.waitFor(() => platform.expectCountedOnce(tracked));
  });

  it('waits for Retry-After on a 429, then counts every event once', async () => {
    const { analytics, scheduler, trackRange } = platform.harness();
    platform.state.failNext({ kind: 'rate-limit', retryAfter: 7 }, match);

    const tracked = trackRange(0, 3);
    await expect(analytics.flush()).rejects.toMatchObject({
      name: 'RateLimitError',
      retryAfter: 7,
    });

    // A flush while the platform asked to wait is refused without a request.
    await expect(analytics.flush()).rejects.toMatchObject({ name: 'RateLimitError' });
    expect(platform.eventPosts()).toHaveLength(1);

    scheduler.advance(6_999);
    await settle();
    expect(platform.eventPosts()).toHaveLength(1);

    scheduler.advance(1);
    await vi.waitFor(() => platform.expectCountedOnce(tracked));
    expect(platform.eventPosts()).toHaveLength(2);
  });

  it('sends again after a timeout when the platform had stored the batch, counting it once', async () => {
    const { analytics, scheduler, trackRange } = platform.harness({ timeout: 100 });
    platform.answerLate(400);

    const tracked = trackRange(0, 4);
    await expect(analytics.flush()).rejects.toMatchObject({ name: 'TimeoutError' });
    platform.expectCountedOnce(tracked);

    scheduler.advance(750);
    await vi.waitFor(() => expect(analytics.stats()).toMatchObject({ queued: 0, sent: 4 }));

    platform.expectCountedOnce(tracked);
    expect(platform.sent.map((batch) => batch.events.map((e) => e.id))).toEqual([
      platform.sent[0]?.events.map((e) => e.id),
      platform.sent[0]?.events.map((e) => e.id),
    ]);
  });

  it('sends again when the answer is lost after the platform stored the batch', async () => {
    const { analytics, scheduler, trackRange } = platform.harness();
    platform.state.failNext({ kind: 'network', afterHandling: true }, match);

    const tracked = trackRange(0, 4);
    await expect(analytics.flush()).rejects.toMatchObject({
      name: 'NetworkError',
      code: 'interrupted',
    });

    scheduler.advance(750);
    await vi.waitFor(() => expect(analytics.stats().sent).toBe(4));
    platform.expectCountedOnce(tracked);
  });

  it('retries while the platform is down and counts every event once when it is back', async () => {
    const { analytics, scheduler, trackRange } = platform.harness();
    platform.state.setDown(true);

    const tracked = trackRange(0, 3);
    await expect(analytics.flush()).rejects.toMatchObject({
      name: 'NetworkError',
      code: 'unreachable',
    });
    scheduler.advance(750);
    await vi.waitFor(() => expect(analytics.stats().retried).toBe(2));

    platform.state.setDown(false);
    scheduler.advance(1500);
    await vi.waitFor(() => platform.expectCountedOnce(tracked));
  });

  it('halves a batch the platform finds too large and counts every event once', async () => {
    const { analytics, trackRange } = platform.harness();
    platform.state.failNext({ status: 413 }, match);
    platform.state.failNext({ status: 413 }, match);

    const tracked = trackRange(0, 8);
    await analytics.flush();

    platform.expectCountedOnce(tracked);
    // Halved after each 413, doubled again after each success.
    expect(platform.sent.map((batch) => batch.events.length)).toEqual([8, 4, 2, 4, 2]);
    expect(analytics.stats()).toMatchObject({ sent: 8, dropped: 0 });
  });

  it('drops an event the platform finds too large on its own, and reports the loss', async () => {
    const { analytics, reports, trackRange } = platform.harness();
    platform.state.failNext({ status: 413 }, match);

    trackRange(0, 1);
    await analytics.flush();
    const kept = trackRange(1, 3);
    await analytics.flush();

    platform.expectCountedOnce(kept);
    expect(platform.reportedLosses()).toBe(1);
    expect(analytics.stats()).toMatchObject({ dropped: 1 });
    expect(reports).toEqual([expect.objectContaining({ code: 'payload_too_large' })]);
  });

  it('drops an event larger than any batch before sending, and reports the loss', async () => {
    const { analytics, reports, trackRange } = platform.harness();

    trackRange(0, 1, 70_000);
    const kept = trackRange(1, 3);
    await analytics.flush();
    await analytics.flush();

    platform.expectCountedOnce(kept);
    expect(platform.reportedLosses()).toBe(1);
    expect(reports).toEqual([expect.objectContaining({ code: 'payload_too_large' })]);
    expect(platform.sent.every((batch) => batch.bytes <= 64 * 1024)).toBe(true);
  });

  it('drops only the events a 422 names, and sends the rest of the queue', async () => {
    const { analytics, reports, trackRange } = platform.harness();
    platform.state.failNext(
      {
        status: 422,
        body: {
          code: 'invalid_event',
          message: 'Some events are invalid',
          errors: [{ key: 'events[1].type', message: 'bad' }],
        },
      },
      match,
    );

    trackRange(0, 4);
    await analytics.flush();
    await analytics.flush();

    platform.expectCountedOnce([0, 2, 3]);
    expect(platform.reportedLosses()).toBe(1);
    expect(reports).toEqual([expect.objectContaining({ code: 'invalid_event' })]);
  });

  it('bisects a 422 that names no event, until the bad one is alone', async () => {
    const { analytics, trackRange } = platform.harness();
    const refusal = { status: 422, body: { code: 'invalid_event', message: 'refused' } };
    // The whole batch, its first half, its first quarter, then its first event are refused.
    for (let i = 0; i < 4; i += 1) platform.state.failNext(refusal, match);

    trackRange(0, 8);
    await analytics.flush();
    await analytics.flush();

    expect(platform.countedNumbers()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(platform.sent.map((batch) => batch.events.length).slice(0, 7)).toEqual([
      8, 4, 2, 1, 1, 2, 4,
    ]);
    expect(platform.reportedLosses()).toBe(1);
  });
});

describe('delivery that cannot succeed', () => {
  it.each([
    ['a refused origin', 'CorsError', () => ({ token: SEED.otherPublicToken })],
    ['a revoked token', 'AuthError', () => ({ token: SEED.revokedToken })],
  ])('stops at %s, reports it once and counts the queue as dropped', async (_, name, setup) => {
    const { analytics, scheduler, reports, trackRange } = platform.harness(setup());

    trackRange(0, 3);
    await expect(analytics.flush()).rejects.toMatchObject({ name });
    const posts = platform.eventPosts().length;

    trackRange(3, 5);
    await expect(analytics.flush()).rejects.toMatchObject({ name });
    scheduler.advance(10 * 60_000);
    await settle();

    expect(reports.map((error) => error.name)).toEqual([name]);
    expect(analytics.stats()).toMatchObject({ queued: 0, sent: 0, dropped: 5 });
    expect(platform.eventPosts()).toHaveLength(posts);
    expect(platform.state.countedEvents()).toEqual([]);
    expect(storedQueues().size).toBe(0);
  });

  it('stops on a permission error without retrying it', async () => {
    const { analytics, reports, trackRange } = platform.harness();
    platform.state.failNext({ status: 403 }, match);

    trackRange(0, 2);
    await expect(analytics.flush()).rejects.toMatchObject({ name: 'PermissionError' });

    expect(reports.map((error) => error.name)).toEqual(['PermissionError']);
    expect(platform.eventPosts()).toHaveLength(1);
    expect(analytics.stats().dropped).toBe(2);
  });
});

describe('delivery while offline', () => {
  it('holds events while offline and sends them once on the online event', async () => {
    const { analytics, scheduler, trackRange } = platform.harness();
    vi.stubGlobal('navigator', { onLine: false });
    window.dispatchEvent(new Event('offline'));

    const tracked = trackRange(0, 3);
    await expect(analytics.flush()).rejects.toMatchObject({
      name: 'NetworkError',
      code: 'offline',
    });
    scheduler.advance(60_000);
    await settle();
    expect(platform.eventPosts()).toHaveLength(0);
    expect(analytics.stats().queued).toBe(3);

    vi.unstubAllGlobals();
    window.dispatchEvent(new Event('online'));

    await vi.waitFor(() => platform.expectCountedOnce(tracked));
    expect(platform.eventPosts()).toHaveLength(1);
  });

  it('pauses when a send finds the browser offline, without an offline event', async () => {
    const { analytics, scheduler, trackRange } = platform.harness({
      analytics: { flushInterval: 100 },
    });
    vi.stubGlobal('navigator', { onLine: false });

    const tracked = trackRange(0, 2);
    scheduler.advance(100);
    scheduler.advance(60_000);
    await settle();
    expect(platform.eventPosts()).toHaveLength(0);
    expect(analytics.stats()).toMatchObject({ queued: 2, retried: 0 });

    vi.unstubAllGlobals();
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => platform.expectCountedOnce(tracked));
  });
});

describe('the bounded queue', () => {
  it('drops the oldest events when full and reports the loss with the next batch', async () => {
    const { analytics, trackRange } = platform.harness({ analytics: { maxQueue: 10 } });
    vi.stubGlobal('navigator', { onLine: false });

    trackRange(0, 15);
    expect(analytics.stats()).toMatchObject({ queued: 10, dropped: 5 });

    vi.unstubAllGlobals();
    await analytics.flush();

    platform.expectCountedOnce([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(platform.reportedLosses()).toBe(5);
    expect(platform.state.countedEvents()[0]).toMatchObject({
      type: 'sdk.dropped',
      properties: { count: 5 },
    });
  });
});
