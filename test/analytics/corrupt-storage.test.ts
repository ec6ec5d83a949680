import { afterEach, describe, expect, it, vi } from 'vitest';

import { WRITE_DELAY_MS } from '../../src/analytics/queue-sync';
import { createTimer } from '../../src/analytics/scheduler';
import { SESSION_KEY_PREFIX } from '../../src/analytics/session';
import { QUEUE_KEY_PREFIX } from '../../src/analytics/stored-queue';
import { hashToken } from '../../src/analytics/token-hash';
import { SEED } from '../../src/mock/seed';
import type { StorageArea } from '../../src/analytics/web-storage';
import { manualScheduler, settle, useAnalyticsPlatform } from './support';

const platform = useAnalyticsPlatform();
const FOREIGN_EVENT = {
  id: '7d0e4a2b-1c3d-4e5f-8a6b-7c8d9e0f1a2b',
  type: 'test.event',
  sessionId: 's',
  clientTime: '2026-12-03T12:00:00.000Z',
};

afterEach(() => vi.restoreAllMocks());

describe('analytics with corrupt storage', () => {
  it('adopts a stored queue whose lease ends far in the future, without rescanning storage', async () => {
    const slot = { owner: 'foreign', until: 1e15, dropped: 0, events: [FOREIGN_EVENT] };
    localStorage.setItem(
      `${QUEUE_KEY_PREFIX}${hashToken(SEED.demoToken)}:foreign`,
      JSON.stringify(slot),
    );
    const key = vi.spyOn(Storage.prototype, 'key');

    platform.client({ analytics: { sdkEvents: false } });
    await settle(500);

    expect(key.mock.calls.length).toBeLessThan(10);
    expect(platform.state.countedEvents().map((event) => event.id)).toEqual([FOREIGN_EVENT.id]);
  });

  it('replaces a stored session id that is not a UUID, and sends the events', async () => {
    sessionStorage.setItem(`${SESSION_KEY_PREFIX}${hashToken(SEED.demoToken)}`, 'x'.repeat(70_000));
    const { analytics, trackRange } = platform.harness();

    const tracked = trackRange(0, 3);
    await analytics.flush();

    platform.expectCountedOnce(tracked);
    expect(platform.state.countedEvents()[0]?.sessionId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('stores the queue where a storage polyfill answers undefined for a missing key', () => {
    const items = new Map<string, string>();
    const polyfill: StorageArea = {
      get length() {
        return items.size;
      },
      key: (index) => [...items.keys()][index] ?? null,
      getItem: (name) => (items.get(name) ?? undefined) as string | null,
      setItem: (name, value) => items.set(name, value),
      removeItem: (name) => items.delete(name),
    };
    const { scheduler, trackRange } = platform.harness({
      storage: { local: polyfill, session: polyfill },
    });

    trackRange(0, 2);
    scheduler.advance(WRITE_DELAY_MS);

    const queues = [...items].filter(([name]) => name.startsWith(QUEUE_KEY_PREFIX));
    expect(queues).toHaveLength(1);
    expect(JSON.parse(queues[0]?.[1] ?? '{}')).toMatchObject({ events: [{}, {}] });
  });
});

describe('createTimer', () => {
  it('waits at most 2^31 - 1 ms, where a browser would run a longer timer at once', () => {
    const scheduler = manualScheduler();
    const task = vi.fn();

    createTimer(scheduler, task).schedule(1e15);

    expect(scheduler.nextIn()).toBe(2 ** 31 - 1);
    scheduler.advance(1000);
    expect(task).not.toHaveBeenCalled();
  });
});
