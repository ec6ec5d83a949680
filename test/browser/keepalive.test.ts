// Analytics on leaving the page, in Chromium: what waits goes out with `fetch` `keepalive` and the
// Bearer header when the page is hidden or left, within the page's 64 KiB of keepalive bodies,
// and what does not fit is sent by the next page of the origin. The SDK is the script-tag bundle
// (dist/configurator-embed.min.js) and the platform is the packaged mock: `configurator-embed/mock`
// resolves through the package's exports to dist/mock.js at run time (types come from src/).
import type { Client } from 'configurator-embed';
import {
  SEED,
  startPlatformServer,
  type PlatformServer,
  type RecordedRequest,
} from 'configurator-embed/mock';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';

import type { HarnessWindow } from './harness/page';
import { useHarnessChromium } from './support/harness-chromium';
import {
  LEAVE_RECORDER,
  readLeaveLog,
  recordedPageId,
  watchContextRequests,
  type LeaveLogEntry,
  type RequestWatch,
} from './support/leave-recorder';

const TOKEN = SEED.demoToken;
const EVENTS_PATH = '/api/analytics/events';
/** Browsers refuse keepalive bodies past this many bytes in flight from one page. */
const KEEPALIVE_MAX_BYTES = 64 * 1024;
/** Long enough that nothing is sent by the timer while a test runs. */
const FLUSH_INTERVAL = 60_000;
/** How long the platform is watched for events on their way; a bound, never a measure. */
const DELIVERY = { timeout: 30_000, interval: 100 };

describe.skipIf(!inject('chromium'))('analytics on leaving the page', () => {
  const context = useHarnessChromium();
  let platform: PlatformServer | undefined;
  let requests: RequestWatch | undefined;
  const pages: Page[] = [];

  afterEach(async () => {
    requests?.stop();
    await Promise.all(pages.splice(0).map((page) => page.close().catch(() => undefined)));
    await platform?.close();
    platform = undefined;
  });

  /** A fresh platform on a free port, and a watch of everything the browser sends from now. */
  async function start(): Promise<PlatformServer> {
    platform = await startPlatformServer({ port: 0 });
    requests = watchContextRequests(context());

    return platform;
  }

  /**
   * Opens the script-tag harness page at `url` with the recorder installed, and waits for the
   * bundle's `window.ConfiguratorEmbed`. With `fresh`, the origin's storage is emptied first.
   */
  async function openPage(url: URL, fresh: boolean): Promise<Page> {
    const page = await context().newPage();
    pages.push(page);
    await page.addInitScript(LEAVE_RECORDER);
    await page.goto(url.href);
    await page.waitForFunction(() => (window as HarnessWindow).ConfiguratorEmbed !== undefined);
    expect(await page.evaluate(() => location.origin)).toBe(url.origin);
    if (fresh) await page.evaluate(() => localStorage.clear());

    return page;
  }

  /** Creates a client in the page, kept on `window`, that sends nothing before it is left. */
  async function createClient(page: Page, apiUrl: string): Promise<void> {
    await page.evaluate(
      ([token, api, flushInterval]) => {
        const sdk = (window as HarnessWindow).ConfiguratorEmbed;
        if (sdk === undefined) throw new Error('No window.ConfiguratorEmbed.');

        const client = sdk.createClient({ token, apiUrl: api, analytics: { flushInterval } });
        Object.assign(window, { client });
      },
      [TOKEN, apiUrl, FLUSH_INTERVAL] as const,
    );
  }

  /** Tracks `count` events of `type`, numbered by `properties.n`, with `filler` characters. */
  async function track(page: Page, type: string, count: number, filler = 0): Promise<number> {
    return page.evaluate(
      ([eventType, events, size]) => {
        const { client } = window as unknown as { client: Client };
        for (let n = 0; n < events; n += 1) {
          client.analytics.track(eventType, size > 0 ? { n, filler: 'x'.repeat(size) } : { n });
        }

        return client.analytics.stats().queued;
      },
      [type, count, filler] as const,
    );
  }

  /** The `properties.n` of the counted events of a type, sorted. */
  function countedNumbers(server: PlatformServer, type: string): number[] {
    return server.state
      .countedEvents()
      .filter((event) => event.type === type)
      .map((event) => Number(event.properties?.['n']))
      .sort((a, b) => a - b);
  }

  function analyticsPosts(server: PlatformServer): RecordedRequest[] {
    return server.state.requests.filter(
      (request) => request.method === 'POST' && request.path === EVENTS_PATH,
    );
  }

  /** The recorded page's analytics `fetch` calls. */
  function analyticsFetches(log: readonly LeaveLogEntry[], page: string) {
    return log.filter(
      (entry): entry is Extract<LeaveLogEntry, { kind: 'fetch' }> =>
        entry.kind === 'fetch' &&
        entry.page === page &&
        new URL(entry.url).pathname === EVENTS_PATH,
    );
  }

  /**
   * Every analytics POST the platform received came from the SDK's `fetch`, not a beacon: it
   * carried the token as Bearer (a beacon cannot) and a JSON body, and it was counted.
   */
  function expectBearerBatches(server: PlatformServer): void {
    const posts = analyticsPosts(server);

    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) {
      expect(post.authorization).toBe(`Bearer ${TOKEN}`);
      expect(post.headers['content-type']).toBe('application/json');
      expect(post.status).toBe(200);
    }
  }

  /**
   * No page called `navigator.sendBeacon` (the recorder's log), and nothing Chromium reported
   * to playwright was a beacon (resource type `ping`). Chromium reports no request sent from
   * `pagehide` to playwright, so the second check covers only what a live page sent; the log
   * and the platform's headers cover the leaving page.
   */
  function expectNoBeacon(log: readonly LeaveLogEntry[], server: PlatformServer): void {
    expect(log.filter((entry) => entry.kind === 'beacon')).toEqual([]);

    const seen = requests?.seen ?? [];
    expect(seen.filter((request) => request.resourceType === 'ping')).toEqual([]);
    for (const request of seen.filter((r) => r.url.startsWith(`${server.url}${EVENTS_PATH}`))) {
      expect(request).toMatchObject({ method: 'POST', resourceType: 'fetch' });
      expect(request.headers['authorization']).toBe(`Bearer ${TOKEN}`);
    }
  }

  /** The leaving page's analytics calls were keepalive `fetch`es made as it was left. */
  function expectSentOnLeaving(log: readonly LeaveLogEntry[], pageId: string): number {
    const sent = analyticsFetches(log, pageId);

    expect(sent.length).toBeGreaterThan(0);
    for (const call of sent) {
      expect(call).toMatchObject({ method: 'POST', keepalive: true });
      expect(call.visibility === 'hidden' || call.afterPagehide).toBe(true);
    }
    // Chromium rejects a keepalive fetch past its budget; none was.
    expect(log.filter((entry) => entry.kind === 'fetch-failed')).toEqual([]);

    return sent.length;
  }

  const leaveBy: Array<[string, (page: Page) => Promise<void>]> = [
    [
      'navigating away',
      async (page) => {
        await page.goto('about:blank');
      },
    ],
    [
      'closing the tab',
      async (page) => {
        const closed = page.waitForEvent('close');
        await page.close({ runBeforeUnload: true });
        await closed;
      },
    ],
  ];

  it.each(leaveBy)(
    'sends the queued events with keepalive and the Bearer header on %s, each counted once',
    async (_how, leave) => {
      const server = await start();
      const url = new URL('/script-tag.html', 'https://shop.example.test');
      const page = await openPage(url, true);
      const pageId = await recordedPageId(page);

      await createClient(page, server.url);
      // Three events and the SDK's own session_start wait for the minute-long interval.
      expect(await track(page, 'keepalive_probe', 3)).toBe(4);
      expect(analyticsPosts(server)).toEqual([]);

      await leave(page);

      await expect
        .poll(() => countedNumbers(server, 'keepalive_probe'), DELIVERY)
        .toEqual([0, 1, 2]);
      expect(server.state.countedEvents().filter((e) => e.type === 'session_start')).toHaveLength(
        1,
      );
      expectBearerBatches(server);

      // The page's own record, read from a page of the same origin that makes no client.
      const log = await readLeaveLog(await openPage(url, false));

      expectSentOnLeaving(log, pageId);
      expectNoBeacon(log, server);
    },
  );

  it('keeps keepalive bodies in flight within 64 KiB; the next page sends the rest', async () => {
    const server = await start();
    const url = new URL('/script-tag.html', 'https://tables.brand.example.test');
    const first = await openPage(url, true);
    const firstId = await recordedPageId(first);

    await createClient(first, server.url);
    // About 30 KiB each, a batch's worth each: two fit in the page's keepalive budget, not three.
    expect(await track(first, 'keepalive_large', 3, 30 * 1024)).toBe(4);
    expect(analyticsPosts(server)).toEqual([]);

    await first.goto('about:blank');

    // The next page of the origin, before it makes a client: what did the first one send?
    const second = await openPage(url, false);
    const sentOnLeaving = expectSentOnLeaving(await readLeaveLog(second), firstId);

    // Those requests reach the platform, and nothing else sends analytics meanwhile. A page
    // that is gone learns of no answer, so all of them count as in flight together.
    await expect
      .poll(() => analyticsPosts(server).length, DELIVERY)
      .toBeGreaterThanOrEqual(sentOnLeaving);
    const leavingPosts = analyticsPosts(server).slice(0, sentOnLeaving);
    const lengths = leavingPosts.map((post) => Number(post.headers['content-length'] ?? NaN));

    expect(lengths.every((length) => Number.isInteger(length) && length > 0)).toBe(true);
    expect(lengths.reduce((total, length) => total + length, 0)).toBeLessThanOrEqual(
      KEEPALIVE_MAX_BYTES,
    );
    // What fits goes with the page; the rest does not.
    const leftWithPage = countedNumbers(server, 'keepalive_large');
    expect(leftWithPage.length).toBeGreaterThan(0);
    expect(leftWithPage.length).toBeLessThan(3);

    // A client of the same token on the next page picks up the stored queue and sends it, the
    // events already counted included, under the ids they were tracked with.
    await createClient(second, server.url);
    await expect.poll(() => countedNumbers(server, 'keepalive_large'), DELIVERY).toEqual([0, 1, 2]);

    expectBearerBatches(server);
    expectNoBeacon(await readLeaveLog(second), server);
  });
});
