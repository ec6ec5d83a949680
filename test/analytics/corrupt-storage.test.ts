import { afterEach, describe, expect, it, vi } from 'vitest';

import { createTimer } from '../../src/analytics/scheduler';
import { QUEUE_KEY_PREFIX } from '../../src/analytics/stored-queue';
import { hashToken } from '../../src/analytics/token-hash';
import { SEED } from '../../src/mock/seed';
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
