import { afterEach, describe, expect, it, vi } from 'vitest';

import { CLAIM_SETTLE_MS, LEASE_MS, WRITE_DELAY_MS } from '../../src/analytics/queue-sync';
import { SEED } from '../../src/mock/seed';
import {
  EVENTS_PATH,
  manualScheduler,
  settle,
  storedQueues,
  throwingStorage,
  useAnalyticsPlatform,
} from './support';

const platform = useAnalyticsPlatform();
const START = Date.parse('2026-12-03T12:00:00.000Z');

afterEach(() => vi.unstubAllGlobals());

/** Leaves the page as a reload does, its last keepalive request lost on the way. */
async function leavePage(): Promise<void> {
  platform.state.failNext({ status: 503 }, { path: EVENTS_PATH });
  window.dispatchEvent(new Event('pagehide'));
  await settle();
}

/** How many times each event id went out in a request. */
function sendsById(): Map<string, number> {
  const sends = new Map<string, number>();
  for (const batch of platform.sent) {
    for (const event of batch.events) sends.set(event.id, (sends.get(event.id) ?? 0) + 1);
  }

  return sends;
}

describe('the stored queue', () => {
  it('is kept under a hash of the token, never the token itself', () => {
    const { scheduler, trackRange } = platform.harness();

    trackRange(0, 3);
    scheduler.advance(WRITE_DELAY_MS);

    const queues = [...storedQueues()];
    expect(queues).toHaveLength(1);
    expect(queues[0]?.[0]).toMatch(/^configurator-embed:analytics:[0-9a-f]{16}:[0-9a-f-]{36}$/);
    expect(queues[0]?.[1].events).toHaveLength(3);
    for (let i = 0; i < localStorage.length; i += 1) {
      const name = localStorage.key(i) ?? '';
      expect(name).not.toContain(SEED.demoToken);
      expect(localStorage.getItem(name)).not.toContain(SEED.demoToken);
    }
  });

  it('is written once for a burst of events, not once per event', () => {
    const { scheduler, trackRange } = platform.harness();
    const setItem = vi.spyOn(Storage.prototype, 'setItem');

    trackRange(0, 100);
    expect(setItem).not.toHaveBeenCalled();

    scheduler.advance(WRITE_DELAY_MS);
    expect(setItem).toHaveBeenCalledTimes(1);
  });

  it('is emptied once the platform has acknowledged the events', async () => {
    const { analytics, scheduler, trackRange } = platform.harness();

    trackRange(0, 3);
    scheduler.advance(WRITE_DELAY_MS);
    await analytics.flush();
    scheduler.advance(WRITE_DELAY_MS);

    expect(storedQueues().size).toBe(0);
  });

  it('is picked up and sent at once by the next client after a reload', async () => {
    const first = platform.harness({ analytics: { flushInterval: 60_000 } });
    const tracked = first.trackRange(0, 5);
    await leavePage();
    expect(platform.state.countedEvents()).toEqual([]);

    const next = platform.harness({ analytics: { flushInterval: 60_000 } });
    next.scheduler.advance(CLAIM_SETTLE_MS);

    await vi.waitFor(() => expect(next.analytics.stats()).toMatchObject({ queued: 0, sent: 5 }));
    platform.expectCountedOnce(tracked);
  });
});

describe('a reload in the middle of a send', () => {
  it('loses nothing and counts nothing twice', async () => {
    const first = platform.harness();
    platform.answerLate(300);
    const tracked = first.trackRange(0, 5);

    const inFlight = first.analytics.flush().catch(() => undefined);
    await vi.waitFor(() => platform.expectCountedOnce(tracked));
    window.dispatchEvent(new Event('pagehide'));

    const next = platform.harness();
    next.scheduler.advance(CLAIM_SETTLE_MS);
    await vi.waitFor(() => expect(next.analytics.stats().sent).toBe(5));
    await inFlight;

    platform.expectCountedOnce(tracked);
    expect(platform.sent.filter((batch) => !batch.keepalive)).toHaveLength(2);
  });

  it('takes over the queue of a page that vanished once its hold has run out', async () => {
    const gone = platform.harness();
    const tracked = gone.trackRange(0, 3);
    gone.scheduler.advance(WRITE_DELAY_MS);

    const next = platform.harness();
    next.scheduler.advance(CLAIM_SETTLE_MS);
    await settle();
    expect(next.analytics.stats().queued).toBe(0);

    next.scheduler.advance(WRITE_DELAY_MS + LEASE_MS + 1000);
    next.scheduler.advance(CLAIM_SETTLE_MS);

    await vi.waitFor(() => platform.expectCountedOnce(tracked));
    expect([...sendsById().values()]).toEqual([1, 1, 1]);
  });
});

describe('two tabs that find the same stored queue', () => {
  it('send it once: the second leaves a claim in progress alone', async () => {
    const left = platform.harness();
    const tracked = left.trackRange(0, 4);
    await leavePage();

    const one = platform.harness();
    const two = platform.harness();
    one.scheduler.advance(CLAIM_SETTLE_MS);
    two.scheduler.advance(CLAIM_SETTLE_MS);
    await vi.waitFor(() => expect(one.analytics.stats().sent).toBe(4));

    // Later, once the first tab has written its emptied queue, the second finds nothing to take.
    one.scheduler.advance(WRITE_DELAY_MS);
    two.scheduler.advance(LEASE_MS + 1000);
    await settle();

    platform.expectCountedOnce(tracked);
    expect(two.analytics.stats()).toMatchObject({ queued: 0, sent: 0 });
    expect([...sendsById().values()]).toEqual([2, 2, 2, 2]);
    expect(platform.sent.filter((batch) => !batch.keepalive)).toHaveLength(1);
  });

  it('send it once when both claim it: the claim overwritten gives way', async () => {
    const left = platform.harness();
    const tracked = left.trackRange(0, 4);
    await leavePage();

    const one = platform.harness();
    // A tab whose clock runs ahead finds the first claim run out and claims over it.
    const two = platform.harness({ scheduler: manualScheduler(START + LEASE_MS + 1) });
    one.scheduler.advance(CLAIM_SETTLE_MS);
    two.scheduler.advance(CLAIM_SETTLE_MS);

    await vi.waitFor(() => expect(two.analytics.stats()).toMatchObject({ queued: 0, sent: 4 }));
    platform.expectCountedOnce(tracked);
    expect(one.analytics.stats()).toMatchObject({ queued: 0, sent: 0 });
    expect(platform.sent.filter((batch) => !batch.keepalive)).toHaveLength(1);
  });

  it('make the holder forget the events it sees claimed, and each is sent once', async () => {
    const holder = platform.harness({ analytics: { flushInterval: 60_000 } });
    const claimedEvents = holder.trackRange(0, 3);
    holder.scheduler.advance(WRITE_DELAY_MS);

    const taker = platform.harness({ scheduler: manualScheduler(START + 2 * LEASE_MS) });
    const later = holder.trackRange(3, 4);
    holder.scheduler.advance(WRITE_DELAY_MS);
    expect(holder.analytics.stats().queued).toBe(1);

    taker.scheduler.advance(CLAIM_SETTLE_MS);
    await holder.analytics.flush();

    await vi.waitFor(() => platform.expectCountedOnce([...claimedEvents, ...later]));
    expect([...sendsById().values()]).toEqual([1, 1, 1, 1]);
  });
});

describe('clients that share a page', () => {
  it('keep the queues of two tokens apart', async () => {
    const other = platform.state.createToken({
      name: 'second embed',
      kind: 'public',
      domains: ['localhost'],
    });
    const a = platform.harness();
    const b = platform.harness({ token: other.id });

    const fromA = a.trackRange(0, 3);
    const fromB = b.trackRange(100, 102);
    a.scheduler.advance(WRITE_DELAY_MS);
    b.scheduler.advance(WRITE_DELAY_MS);

    const stored = [...storedQueues()];
    const hashes = new Set(stored.map(([key]) => key.split(':')[2]));
    expect(hashes.size).toBe(2);
    const numbers = stored.map(([, queue]) =>
      queue.events.map((event) => Number(event.properties?.['n'])),
    );
    expect(numbers).toEqual(expect.arrayContaining([fromA, fromB]));

    await a.analytics.flush();
    await b.analytics.flush();
    platform.expectCountedOnce([...fromA, ...fromB]);
  });

  it('keep two clients of one token apart while both live', async () => {
    const a = platform.harness();
    const b = platform.harness();
    const fromA = a.trackRange(0, 2);
    const fromB = b.trackRange(2, 5);
    a.scheduler.advance(WRITE_DELAY_MS);
    b.scheduler.advance(WRITE_DELAY_MS);

    const c = platform.harness();
    c.scheduler.advance(CLAIM_SETTLE_MS);
    expect(storedQueues().size).toBe(2);
    expect(c.analytics.stats().queued).toBe(0);

    await a.analytics.flush();
    await b.analytics.flush();
    platform.expectCountedOnce([...fromA, ...fromB]);
  });
});

describe('storage that fails', () => {
  it('leaves analytics working in memory when every storage call throws', async () => {
    const { analytics, scheduler, trackRange } = platform.harness({
      analytics: { sdkEvents: true },
      storage: { local: throwingStorage(), session: throwingStorage() },
    });

    const tracked = trackRange(0, 3);
    scheduler.advance(WRITE_DELAY_MS);
    window.dispatchEvent(new Event('pagehide'));
    window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
    await analytics.flush();

    platform.expectCountedOnce(tracked);
    expect(platform.state.countedEvents().map((event) => event.type)).toContain('session_start');
  });

  it('leaves analytics working in memory when storage is full', async () => {
    const full = {
      get length() {
        return localStorage.length;
      },
      key: (index: number) => localStorage.key(index),
      getItem: (key: string) => localStorage.getItem(key),
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
      removeItem: (key: string) => localStorage.removeItem(key),
    };
    const { analytics, scheduler, trackRange } = platform.harness({
      storage: { local: full, session: full },
    });

    const tracked = trackRange(0, 3);
    scheduler.advance(WRITE_DELAY_MS);
    await analytics.flush();

    platform.expectCountedOnce(tracked);
    expect(storedQueues().size).toBe(0);
  });

  it('leaves a client working when reaching localStorage throws a SecurityError', async () => {
    const blocked = (): never => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    };
    const local = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    const session = Object.getOwnPropertyDescriptor(globalThis, 'sessionStorage');
    Object.defineProperty(globalThis, 'localStorage', { get: blocked, configurable: true });
    Object.defineProperty(globalThis, 'sessionStorage', { get: blocked, configurable: true });

    try {
      const client = platform.client();
      expect(() => client.analytics.track('share')).not.toThrow();
      await client.analytics.flush();

      expect(platform.state.countedEvents().filter((e) => e.type === 'share')).toHaveLength(1);
    } finally {
      if (local !== undefined) Object.defineProperty(globalThis, 'localStorage', local);
      if (session !== undefined) Object.defineProperty(globalThis, 'sessionStorage', session);
    }
  });
});
