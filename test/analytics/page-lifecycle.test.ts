import { afterEach, describe, expect, it, vi } from 'vitest';

import { CLAIM_SETTLE_MS, WRITE_DELAY_MS } from '../../src/analytics/queue-sync';
import { SEED } from '../../src/mock/seed';
import { EVENTS_PATH, settle, storedQueues, useAnalyticsPlatform } from './support';

const platform = useAnalyticsPlatform();
const KIB = 1024;

afterEach(() => vi.unstubAllGlobals());

/** Holds back the background sends: the first send fails and its retry waits. */
async function holdBackSends(analytics: { flush(): Promise<void> }): Promise<void> {
  platform.state.failNext({ status: 503 }, { path: EVENTS_PATH });
  await analytics.flush().catch(() => undefined);
}

describe('leaving the page', () => {
  it('sends with keepalive within 64 KiB in flight, and the next client delivers the rest', async () => {
    const sendBeacon = vi.fn(() => true);
    Object.defineProperty(navigator, 'sendBeacon', { value: sendBeacon, configurable: true });
    const page = platform.harness({ analytics: { batchSize: 30 } });
    const first = page.trackRange(0, 1);
    await holdBackSends(page.analytics);
    platform.sent.length = 0;

    // Three batches of 30 events of about 1 KiB each: about 30 KiB a batch.
    const tracked = [...first, ...page.trackRange(1, 90, 870)];
    window.dispatchEvent(new Event('pagehide'));

    // Two full batches, then as much of the third as the 64 KiB budget still holds.
    await vi.waitFor(() => expect(platform.sent).toHaveLength(3));
    const keepalive = platform.sent.filter((batch) => batch.keepalive);
    expect(keepalive).toHaveLength(3);
    expect(keepalive.map((batch) => batch.events.length).slice(0, 2)).toEqual([30, 30]);
    for (const batch of keepalive.slice(0, 2)) {
      expect(batch.bytes).toBeGreaterThan(29 * KIB);
      expect(batch.bytes).toBeLessThan(32 * KIB);
    }
    expect(keepalive.reduce((sum, batch) => sum + batch.bytes, 0)).toBeLessThanOrEqual(64 * KIB);
    expect(platform.keepaliveMax()).toBeLessThanOrEqual(64 * KIB);
    expect(keepalive.every((b) => b.authorization === `Bearer ${SEED.demoToken}`)).toBe(true);
    expect(sendBeacon).not.toHaveBeenCalled();

    const sentIds = new Set(keepalive.flatMap((batch) => batch.events.map((e) => e.id)));
    const [stored] = [...storedQueues().values()];
    const storedIds = new Set(stored?.events.map((event) => event.id));
    expect(stored?.until).toBe(0);
    expect(storedIds.size).toBe(90);
    expect([...storedIds].filter((id) => !sentIds.has(id))).toHaveLength(90 - sentIds.size);

    const next = platform.harness({ analytics: { batchSize: 30 } });
    next.scheduler.advance(CLAIM_SETTLE_MS);
    await vi.waitFor(() => expect(next.analytics.stats().queued).toBe(0));
    await next.analytics.flush();

    platform.expectCountedOnce(tracked);
  });

  it('sends what waits with keepalive when the page is hidden, and keeps its hold', async () => {
    const page = platform.harness();
    const tracked = page.trackRange(0, 3);
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');

    document.dispatchEvent(new Event('visibilitychange'));
    visibility.mockRestore();

    await vi.waitFor(() => platform.expectCountedOnce(tracked));
    expect(platform.sent.map((batch) => batch.keepalive)).toEqual([true]);
    expect([...storedQueues().values()][0]?.until).toBeGreaterThan(0);
  });

  it('stops sending in the back-forward cache and sends again when the page returns', async () => {
    const page = platform.harness({ analytics: { flushInterval: 100 } });
    window.dispatchEvent(new Event('pagehide'));
    const tracked = page.trackRange(0, 2);

    page.scheduler.advance(60_000);
    await settle();
    expect(platform.eventPosts()).toHaveLength(0);

    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));

    await vi.waitFor(() => platform.expectCountedOnce(tracked));
    page.scheduler.advance(WRITE_DELAY_MS);
    expect(storedQueues().size).toBe(0);
  });
});

describe('listeners and timers', () => {
  it('are added when analytics starts and all removed by destroy, never unload', async () => {
    const added: Array<[EventTarget, string, unknown]> = [];
    const removed: Array<[EventTarget, string, unknown]> = [];
    for (const target of [window, document] as EventTarget[]) {
      const add = target.addEventListener.bind(target);
      const remove = target.removeEventListener.bind(target);
      vi.spyOn(target, 'addEventListener').mockImplementation((type, handler, options) => {
        added.push([target, type, handler]);
        add(type, handler, options);
      });
      vi.spyOn(target, 'removeEventListener').mockImplementation((type, handler, options) => {
        removed.push([target, type, handler]);
        remove(type, handler, options);
      });
    }

    const { analytics, scheduler, trackRange } = platform.harness();
    trackRange(0, 2);
    expect(added.map(([, type]) => type).sort()).toEqual(
      ['offline', 'online', 'pagehide', 'pageshow', 'visibilitychange'].sort(),
    );

    await analytics.destroy();

    expect(removed).toEqual(expect.arrayContaining(added));
    expect(removed).toHaveLength(added.length);
    expect(added.map(([, type]) => type)).not.toContain('unload');
    expect(added.map(([, type]) => type)).not.toContain('beforeunload');
    expect(scheduler.pending()).toBe(0);
  });

  it('are not started by importing the SDK', async () => {
    vi.resetModules();
    const listen = vi.spyOn(window, 'addEventListener');
    const timer = vi.spyOn(globalThis, 'setTimeout');
    const setItem = vi.spyOn(Storage.prototype, 'setItem');

    await import('../../src/index');

    expect(listen).not.toHaveBeenCalled();
    expect(timer).not.toHaveBeenCalled();
    expect(setItem).not.toHaveBeenCalled();
  });

  it('leave the stored queue released for the next client once destroyed', async () => {
    const { analytics, trackRange } = platform.harness();
    platform.state.setDown(true);
    trackRange(0, 2);

    await analytics.destroy();

    const [stored] = [...storedQueues().values()];
    expect(stored).toMatchObject({ until: 0 });
    expect(stored?.events).toHaveLength(2);
  });
});

describe('outside a browser', () => {
  it('works in memory, with no listeners and no storage', async () => {
    const listen = vi.spyOn(window, 'addEventListener');
    const { analytics, scheduler, trackRange } = platform.harness({ page: undefined });

    const tracked = trackRange(0, 3);
    scheduler.advance(WRITE_DELAY_MS);
    await analytics.flush();

    platform.expectCountedOnce(tracked);
    expect(listen).not.toHaveBeenCalled();
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });

  it('lets a client work where there is no window', async () => {
    vi.stubGlobal('window', undefined);
    const client = platform.client({ analytics: { flushInterval: 10 } });

    client.analytics.track('share');
    await client.analytics.flush();

    expect(platform.state.countedEvents().map((event) => event.type)).toContain('share');
    expect(localStorage.length).toBe(0);
  });
});
