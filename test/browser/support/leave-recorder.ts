import type { BrowserContext, Page, Request } from 'playwright-core';

/** Where the recorder keeps its log: the page origin's `localStorage`, which outlives the page. */
export const LEAVE_LOG_KEY = 'configurator-embed-test:leave-log';

/** The property of `window` that holds the recorded page's id in the log. */
const PAGE_ID = 'configuratorEmbedTestPage';

/** One thing a recorded page did, in the order it did it. */
export type LeaveLogEntry =
  | {
      kind: 'fetch';
      /** The recorded page's own id, so that two pages of one origin stay apart. */
      page: string;
      method: string;
      url: string;
      keepalive: boolean;
      /** `document.visibilityState` when the call was made. */
      visibility: string;
      /** Whether `pagehide` had fired when the call was made. */
      afterPagehide: boolean;
    }
  | { kind: 'fetch-failed'; page: string; url: string; message: string }
  | { kind: 'beacon'; page: string; url: string }
  | { kind: 'visibilitychange'; page: string; visibility: string }
  | { kind: 'pagehide'; page: string; persisted: boolean };

/**
 * A script run in each page before the page's own: it wraps `fetch` and `navigator.sendBeacon`
 * to write every call into `localStorage` synchronously, as it happens, so that what a page did
 * while it was being left can be read afterwards from another page of the same origin. It
 * changes nothing of what the calls do. A plain string, so that no build helper leaks into it.
 *
 * Needed because Chromium tells playwright nothing of requests sent from `pagehide` (neither a
 * keepalive `fetch` nor a beacon: `context.on('request')` and the page's CDP `Network` domain
 * stay silent), while a live page's beacon shows as resource type `ping`.
 */
export const LEAVE_RECORDER = `(() => {
  const key = ${JSON.stringify(LEAVE_LOG_KEY)};
  const page = Math.random().toString(36).slice(2);
  Object.defineProperty(window, ${JSON.stringify(PAGE_ID)}, { value: page });
  let afterPagehide = false;
  const log = (entry) => {
    try {
      const list = JSON.parse(localStorage.getItem(key) || '[]');
      list.push(Object.assign({ page }, entry));
      localStorage.setItem(key, JSON.stringify(list));
    } catch {
      // An opaque origin (about:blank) has no storage; nothing of it is needed.
    }
  };
  const fetch = window.fetch;
  window.fetch = function (input, init) {
    const request = input instanceof Request ? input : undefined;
    const url = request === undefined ? String(input) : request.url;
    log({
      kind: 'fetch',
      method: String((init && init.method) || (request && request.method) || 'GET').toUpperCase(),
      url,
      keepalive: Boolean((init && init.keepalive) || (request && request.keepalive)),
      visibility: document.visibilityState,
      afterPagehide,
    });
    const result = fetch.call(this, input, init);
    result.catch((error) => log({ kind: 'fetch-failed', url, message: String(error) }));
    return result;
  };
  const sendBeacon = navigator.sendBeacon;
  navigator.sendBeacon = function (url, data) {
    log({ kind: 'beacon', url: String(url) });
    return sendBeacon.call(navigator, url, data);
  };
  document.addEventListener('visibilitychange', () => {
    log({ kind: 'visibilitychange', visibility: document.visibilityState });
  });
  window.addEventListener('pagehide', (event) => {
    afterPagehide = true;
    log({ kind: 'pagehide', persisted: event.persisted });
  });
})();`;

/** The id a page's entries carry in the log. */
export async function recordedPageId(page: Page): Promise<string> {
  const id = await page.evaluate(
    (property) => (window as unknown as Record<string, unknown>)[property],
    PAGE_ID,
  );
  if (typeof id !== 'string') throw new Error('The leave recorder is not installed in this page.');

  return id;
}

/** Reads the recorder's log from a page of the origin it was written by. */
export async function readLeaveLog(page: Page): Promise<LeaveLogEntry[]> {
  const text = await page.evaluate((key) => localStorage.getItem(key), LEAVE_LOG_KEY);

  return text === null ? [] : (JSON.parse(text) as LeaveLogEntry[]);
}

/** A request as Chromium reported it to playwright, whichever page of the context sent it. */
export interface SeenRequest {
  method: string;
  url: string;
  /** Playwright's `resourceType()`: `fetch` for `fetch`, `ping` for `sendBeacon`. */
  resourceType: string;
  headers: Record<string, string>;
}

/** What a context sent, as playwright saw it; `stop()` ends the watch. */
export interface RequestWatch {
  seen: SeenRequest[];
  stop(): void;
}

/**
 * Watches every request of a context from now on, including those of pages that close or
 * navigate while a request is on its way.
 */
export function watchContextRequests(context: BrowserContext): RequestWatch {
  const seen: SeenRequest[] = [];
  const listener = (request: Request): void => {
    seen.push({
      method: request.method(),
      url: request.url(),
      resourceType: request.resourceType(),
      headers: request.headers(),
    });
  };

  context.on('request', listener);

  return {
    seen,
    stop: () => {
      context.off('request', listener);
    },
  };
}
