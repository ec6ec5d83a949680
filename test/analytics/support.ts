import { http } from 'msw';
import { afterEach, beforeEach, expect } from 'vitest';

import {
  createAnalytics,
  type AnalyticsDependencies,
  type ClientAnalytics,
} from '../../src/analytics/create-analytics';
import { currentPage, type PageEnvironment } from '../../src/analytics/page-lifecycle';
import type { Scheduler } from '../../src/analytics/scheduler';
import type { AnalyticsOptions } from '../../src/analytics/types';
import type { StorageArea } from '../../src/analytics/web-storage';
import type { ConfiguratorError } from '../../src/errors/configurator-error';
import { createBrowserFetch } from '../../src/mock/browser-fetch';
import { answerRequest } from '../../src/mock/dispatch';
import { SEED } from '../../src/mock/seed';
import type { AnalyticsEvent } from '../../src/platform/types';
import { createTransport } from '../../src/transport/transport';
import { API_URL, usePlatform } from '../support/platform';

/** The path analytics batches are posted to. */
export const EVENTS_PATH = '/api/analytics/events';

/** The type of the events tests track, each with its number `n` as a property. */
export const TEST_EVENT = 'test.event';

/** A scheduler whose clock moves only when a test says so. */
export interface ManualScheduler extends Scheduler {
  /** Moves the clock on by `ms`, running each timer that falls due, in order. */
  advance(ms: number): void;
  /** Timers waiting to run. */
  pending(): number;
  /** Milliseconds until the next timer runs, if any. */
  nextIn(): number | undefined;
}

/** Makes a {@link ManualScheduler}; its randomness is always one half. */
export function manualScheduler(start = Date.parse('2026-12-03T12:00:00.000Z')): ManualScheduler {
  let now = start;
  let sequence = 0;
  const timers = new Map<number, { at: number; task: () => void }>();

  const next = (): [number, { at: number; task: () => void }] | undefined =>
    [...timers].sort(([a, x], [b, y]) => x.at - y.at || a - b)[0];

  return {
    now: () => now,
    setTimeout(task, ms) {
      sequence += 1;
      timers.set(sequence, { at: now + Math.max(0, ms), task });

      return sequence;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    random: () => 0.5,
    advance(ms) {
      const end = now + ms;

      for (let due = next(); due !== undefined && due[1].at <= end; due = next()) {
        timers.delete(due[0]);
        now = due[1].at;
        due[1].task();
      }

      now = end;
    },
    pending: () => timers.size,
    nextIn() {
      const due = next();

      return due === undefined ? undefined : due[1].at - now;
    },
  };
}

/** One request the analytics under test made, as the page sent it. */
export interface SentBatch {
  keepalive: boolean;
  authorization: string | null;
  bytes: number;
  events: AnalyticsEvent[];
}

/** What a test sets up an analytics instance with. */
export interface HarnessOptions {
  token?: string;
  analytics?: AnalyticsOptions;
  /** Milliseconds each request may take. */
  timeout?: number;
  scheduler?: ManualScheduler;
  /** The page; jsdom's by default. */
  page?: PageEnvironment | undefined;
  /** Storage areas; jsdom's by default. */
  storage?: AnalyticsDependencies['storage'];
}

/** An analytics instance under test, with what the test observes of it. */
export interface Harness {
  analytics: ClientAnalytics;
  scheduler: ManualScheduler;
  /** Failures handed to `onError`. */
  reports: ConfiguratorError[];
  /** Tracks test events numbered `from` up to (not including) `to`. @returns Their numbers. */
  trackRange(from: number, to: number, padding?: number): number[];
}

/**
 * Sets up the mock platform for the calling file, with analytics instances built as a client
 * builds its own (a real transport through a browser-behaving fetch), but on a manual clock.
 * Storage is emptied before each test; each instance is destroyed after it.
 */
export function useAnalyticsPlatform() {
  const platform = usePlatform();
  const made: ClientAnalytics[] = [];
  const sent: SentBatch[] = [];
  let keepaliveInFlight = 0;
  let keepaliveInFlightMax = 0;

  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    sent.length = 0;
    keepaliveInFlight = 0;
    keepaliveInFlightMax = 0;
  });

  afterEach(async () => {
    const destroys = made.splice(0).map((analytics) => analytics.destroy());
    await Promise.race([Promise.all(destroys), new Promise((r) => setTimeout(r, 1000))]);
  });

  const browserFetch = createBrowserFetch();

  /** The page's fetch, recording each analytics request and the keepalive bytes in flight. */
  const recordingFetch: typeof fetch = async (input, init) => {
    const request = input instanceof Request ? input.clone() : new Request(input, init);
    if (request.method !== 'POST' || !request.url.endsWith(EVENTS_PATH)) {
      return browserFetch(input, init);
    }

    const body = await request.text();
    const bytes = new TextEncoder().encode(body).length;
    const { events } = JSON.parse(body) as { events: AnalyticsEvent[] };
    sent.push({
      keepalive: request.keepalive,
      authorization: request.headers.get('authorization'),
      bytes,
      events,
    });

    if (!request.keepalive) return browserFetch(input, init);

    keepaliveInFlight += bytes;
    keepaliveInFlightMax = Math.max(keepaliveInFlightMax, keepaliveInFlight);
    try {
      return await browserFetch(input, init);
    } finally {
      keepaliveInFlight -= bytes;
    }
  };

  function harness(options: HarnessOptions = {}): Harness {
    const token = options.token ?? SEED.demoToken;
    const scheduler = options.scheduler ?? manualScheduler();
    const reports: ConfiguratorError[] = [];
    const transport = createTransport({
      base: new URL(API_URL),
      token,
      fetch: recordingFetch,
      timeout: options.timeout ?? 10_000,
    });
    const analytics = createAnalytics({
      transport,
      token,
      options: { sdkEvents: false, ...options.analytics },
      report: (error) => reports.push(error),
      scheduler,
      page: 'page' in options ? options.page : currentPage(),
      ...(options.storage === undefined ? {} : { storage: options.storage }),
    });
    made.push(analytics);

    function trackRange(from: number, to: number, padding = 0): number[] {
      const numbers: number[] = [];
      for (let n = from; n < to; n += 1) {
        const properties = padding > 0 ? { n, padding: 'x'.repeat(padding) } : { n };
        analytics.track(TEST_EVENT, properties);
        numbers.push(n);
      }

      return numbers;
    }

    return { analytics, scheduler, reports, trackRange };
  }

  /** Makes the next analytics request be stored by the platform, then answered `ms` late. */
  function answerLate(ms: number): void {
    platform.server.use(
      http.post(
        `${API_URL}${EVENTS_PATH}`,
        async ({ request }) => {
          const response = await answerRequest(platform.state, request, '/analytics/events');
          await new Promise((resolve) => setTimeout(resolve, ms));

          return response;
        },
        { once: true },
      ),
    );
  }

  /** The numbers of the counted test events, sorted. */
  function countedNumbers(): number[] {
    return platform.state
      .countedEvents()
      .filter((event) => event.type === TEST_EVENT)
      .map((event) => Number(event.properties?.['n']))
      .sort((a, b) => a - b);
  }

  /**
   * Checks that the platform counted each of these test events exactly once, and no other: none
   * lost, none counted twice under two ids.
   */
  function expectCountedOnce(numbers: readonly number[]): void {
    expect(countedNumbers()).toEqual([...numbers].sort((a, b) => a - b));
  }

  /** The losses reported to the platform in `sdk.dropped` events. */
  function reportedLosses(): number {
    return platform.state
      .countedEvents()
      .filter((event) => event.type === 'sdk.dropped')
      .reduce((sum, event) => sum + Number(event.properties?.['count'] ?? 0), 0);
  }

  /** Requests that carried analytics to the platform (not preflights). */
  function eventPosts() {
    return platform.state.requests.filter(
      (request) => request.method === 'POST' && request.path === EVENTS_PATH,
    );
  }

  return {
    ...platform,
    harness,
    answerLate,
    sent,
    keepaliveMax: () => keepaliveInFlightMax,
    countedNumbers,
    expectCountedOnce,
    reportedLosses,
    eventPosts,
  };
}

/** Lets pending network work (msw, the browser fetch) run. */
export function settle(ms = 20): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A storage area whose every call throws, as a blocked or broken storage does. */
export function throwingStorage(name = 'SecurityError'): StorageArea {
  const fail = (): never => {
    throw new DOMException('The operation is insecure.', name);
  };

  return {
    get length(): number {
      return fail();
    },
    key: fail,
    getItem: fail,
    setItem: fail,
    removeItem: fail,
  };
}

/** The stored analytics queues of the page, by key. */
export function storedQueues(): Map<
  string,
  { owner: string; until: number; events: AnalyticsEvent[] }
> {
  const queues = new Map<string, { owner: string; until: number; events: AnalyticsEvent[] }>();

  for (let i = 0; i < localStorage.length; i += 1) {
    const key = localStorage.key(i);
    if (key === null || !key.startsWith('configurator-embed:analytics:')) continue;

    queues.set(key, JSON.parse(localStorage.getItem(key) ?? 'null'));
  }

  return queues;
}
