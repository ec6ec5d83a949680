import { expect } from 'vitest';

import type { RecordedRequest } from '../../../src/mock/types';
import type { SentRequest } from './sent-requests';

/** The requests of one page's calls, seen from both ends. */
export interface Traffic {
  token: string;
  apiUrl: string;
  sent: readonly SentRequest[];
  received: readonly RecordedRequest[];
}

/**
 * Fails unless every request the SDK made went to the platform's origin, and the token was in
 * nothing but `Authorization: Bearer`: not in a URL, a body or another header, as Chromium sent
 * them and as the platform received them.
 */
export function expectTokenOnlyInAuthorization(traffic: Traffic): void {
  const { token } = traffic;
  const platformOrigin = new URL(traffic.apiUrl).origin;

  for (const request of traffic.sent) {
    const what = `Chromium's ${request.method} ${request.url}`;

    expect(new URL(request.url).origin, `${what} goes to the platform`).toBe(platformOrigin);
    expect(request.postData ?? '', `${what} has no token in its body`).not.toContain(token);
    expectHeaders(what, request.url, request.headers, token);
  }

  for (const request of traffic.received) {
    expectHeaders(
      `the platform's ${request.method} ${request.url}`,
      request.url,
      request.headers,
      token,
    );
  }
}

function expectHeaders(
  what: string,
  url: string,
  headers: Record<string, string>,
  token: string,
): void {
  expect(url, `${what} has no token in its URL`).not.toContain(token);

  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'authorization') {
      expect(value, `${what}: Authorization`).toBe(`Bearer ${token}`);
    } else {
      expect(value, `${what}: ${name}`).not.toContain(token);
    }
  }
}
