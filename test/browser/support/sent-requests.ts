import type { Page, Request } from 'playwright-core';

/** A request as Chromium sent it, with every header it put on the wire. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  postData: string | null;
}

/** Collects the requests a page sends from now on. */
export interface RequestLog {
  /** Stops listening and answers what was sent, headers complete. */
  stop(): Promise<SentRequest[]>;
}

/** Starts collecting what a page sends, with `request.allHeaders()`. */
export function recordRequests(page: Page): RequestLog {
  const pending: Array<Promise<SentRequest>> = [];
  const listener = (request: Request): void => {
    pending.push(describe(request));
  };

  page.on('request', listener);

  return {
    stop: () => {
      page.off('request', listener);

      return Promise.all(pending);
    },
  };
}

async function describe(request: Request): Promise<SentRequest> {
  return {
    method: request.method(),
    url: request.url(),
    headers: await request.allHeaders(),
    postData: request.postData(),
  };
}
