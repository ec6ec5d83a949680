// @vitest-environment-options {"url": "https://shop.example.test/"}
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import {
  corsUnsafeRequestHeaderNames,
  isForbiddenRequestHeader,
} from '../../src/mock/browser/cors-safelist';
import { createBrowserFetch } from '../../src/mock/browser-fetch';
import type {
  BlockedFetch,
  BlockedReason,
  BrowserFetchOptions,
} from '../../src/mock/browser-fetch';

const PAGE = 'https://shop.example.test';
const API = 'https://api.example.test';
const URL_THINGS = `${API}/things`;
const TOKEN = 'Bearer 3f2a9d1e-5b7c-4e8a-9f0d-1c2b3a4d5c91';

/** A request as the server received it. */
interface Seen {
  method: string;
  origin: string;
  path: string;
  headers: Record<string, string>;
}

const seen: Seen[] = [];
const unhandled: string[] = [];
const server = setupServer();

server.events.on('request:start', ({ request }) => {
  const { origin, pathname } = new URL(request.url);
  seen.push({
    method: request.method,
    origin,
    path: pathname,
    headers: Object.fromEntries(request.headers),
  });
});
server.events.on('request:unhandled', ({ request }) => {
  unhandled.push(`${request.method} ${request.url}`);
});

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  const missed = unhandled.splice(0);
  server.resetHandlers();
  seen.length = 0;
  vi.useRealTimers();

  // A request no handler answered also ends in a TypeError: make sure none passed for a block.
  expect(missed).toEqual([]);
});
afterAll(() => server.close());

/** The CORS headers of an answer the page may read. */
const ALLOW = { 'access-control-allow-origin': PAGE, vary: 'Origin' };

/** The platform's preflight answer, with some headers replaced or (as `null`) removed. */
function preflightAnswer(
  changes: Record<string, string | null> = {},
  status = 204,
): HttpResponse<null> {
  const headers = new Headers({
    'access-control-allow-origin': PAGE,
    'access-control-allow-methods': 'GET, POST, DELETE',
    'access-control-allow-headers': 'authorization, content-type, idempotency-key',
    'access-control-max-age': '600',
    vary: 'Origin',
  });
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }

  return new HttpResponse(null, { status, headers });
}

/** A browser fetch that records what it blocked. */
function browser(options: BrowserFetchOptions = {}): {
  fetch: ReturnType<typeof createBrowserFetch>;
  blocked: BlockedFetch[];
  codes: () => BlockedReason[];
} {
  const blocked: BlockedFetch[] = [];
  const fetch = createBrowserFetch({ onBlocked: (entry) => blocked.push(entry), ...options });

  return { fetch, blocked, codes: () => blocked.map((entry) => entry.code) };
}

/** What arrived at the server, as `METHOD /path`. */
function arrived(): string[] {
  return seen.map((request) => `${request.method} ${request.path}`);
}

/** What arrived at the servers, as `METHOD origin/path`, for requests that change origin. */
function arrivedAt(): string[] {
  return seen.map((request) => `${request.method} ${request.origin}${request.path}`);
}

/** The `Origin` header of each request that arrived, `-` where there was none. */
function origins(): string[] {
  return seen.map((request) => request.headers['origin'] ?? '-');
}

/** An answer redirecting to `location`, with more headers (for CORS) if given. */
function redirectTo(
  location: string,
  status = 302,
  headers: Record<string, string> = {},
): () => HttpResponse<null> {
  return () => new HttpResponse(null, { status, headers: { ...headers, location } });
}

/** The headers of the first request with `method` that the server received. */
function headersOf(method: string): Record<string, string> {
  const request = seen.find((candidate) => candidate.method === method);
  if (request === undefined) throw new Error(`No ${method} request arrived.`);

  return request.headers;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });

  return { promise, resolve };
}

const FAILED = { name: 'TypeError', message: 'Failed to fetch' };

describe('createBrowserFetch', () => {
  describe('simple requests', () => {
    it('sends a simple GET without a preflight, with Origin from location', async () => {
      server.use(http.get(URL_THINGS, () => HttpResponse.json({ ok: true }, { headers: ALLOW })));
      const { fetch } = browser();

      const response = await fetch(URL_THINGS);

      expect(location.origin).toBe(PAGE);
      expect(response.status).toBe(200);
      expect(response.type).toBe('cors');
      expect(response.url).toBe(URL_THINGS);
      expect(await response.json()).toEqual({ ok: true });
      expect(arrived()).toEqual(['GET /things']);
      expect(headersOf('GET')).toMatchObject({ origin: PAGE, accept: '*/*' });
    });

    it('sends a POST of text/plain without a preflight', async () => {
      const bodies: string[] = [];
      server.use(
        http.post(URL_THINGS, async ({ request }) => {
          bodies.push(await request.text());
          return HttpResponse.json({ saved: true }, { status: 201, headers: ALLOW });
        }),
      );
      const { fetch } = browser();

      const response = await fetch(URL_THINGS, { method: 'POST', body: 'hello' });

      expect(response.status).toBe(201);
      expect(arrived()).toEqual(['POST /things']);
      expect(headersOf('POST')['content-type']).toBe('text/plain;charset=UTF-8');
      expect(bodies).toEqual(['hello']);
    });

    it('ignores the Origin, Cookie, Host and Sec- headers the caller sets', async () => {
      server.use(http.get(URL_THINGS, () => HttpResponse.json({}, { headers: ALLOW })));
      const { fetch } = browser();

      await fetch(URL_THINGS, {
        headers: {
          Origin: 'https://evil.test',
          Cookie: 'session=1',
          Host: 'evil.test',
          'Sec-Fetch-Site': 'same-origin',
          'Proxy-Authorization': 'Basic eA==',
        },
      });

      // The dropped headers neither travel nor call for a preflight.
      expect(arrived()).toEqual(['GET /things']);
      const headers = headersOf('GET');
      expect(headers['origin']).toBe(PAGE);
      expect(Object.keys(headers).sort()).toEqual(['accept', 'origin']);
    });

    it('takes the origin from options, as a string or a function read at each call', async () => {
      server.use(
        http.get(URL_THINGS, ({ request }) =>
          HttpResponse.json(
            {},
            {
              headers: { 'access-control-allow-origin': request.headers.get('origin') ?? '' },
            },
          ),
        ),
      );
      let origin = 'https://a.example.test';
      const fromFunction = browser({ origin: () => origin }).fetch;
      const fromString = browser({ origin: 'https://b.example.test/some/page?x=1' }).fetch;

      await fromFunction(URL_THINGS);
      origin = 'https://c.example.test';
      await fromFunction(URL_THINGS);
      await fromString(URL_THINGS);

      expect(seen.map((request) => request.headers['origin'])).toEqual([
        'https://a.example.test',
        'https://c.example.test',
        'https://b.example.test',
      ]);
    });
  });

  describe('preflight', () => {
    it('preflights Authorization and then sends the request with it', async () => {
      const handled = vi.fn(() => HttpResponse.json({ ok: true }, { headers: ALLOW }));
      server.use(
        http.options(URL_THINGS, () => preflightAnswer()),
        http.get(URL_THINGS, handled),
      );
      const { fetch } = browser();

      const response = await fetch(URL_THINGS, {
        headers: { Authorization: TOKEN, Accept: 'application/json' },
      });

      expect(response.status).toBe(200);
      expect(handled).toHaveBeenCalledTimes(1);
      expect(arrived()).toEqual(['OPTIONS /things', 'GET /things']);
      const preflight = headersOf('OPTIONS');
      expect(preflight).toEqual({
        accept: '*/*',
        origin: PAGE,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      });
      expect(headersOf('GET')).toEqual({
        accept: 'application/json',
        authorization: TOKEN,
        origin: PAGE,
      });
    });

    it('names unsafe headers lower-cased, sorted, comma-joined, and sends the body', async () => {
      const bodies: unknown[] = [];
      server.use(
        http.options(URL_THINGS, () => preflightAnswer()),
        http.post(URL_THINGS, async ({ request }) => {
          bodies.push(await request.json());
          return HttpResponse.json({ id: 1 }, { status: 201, headers: ALLOW });
        }),
      );
      const { fetch } = browser();

      await fetch(URL_THINGS, {
        method: 'POST',
        headers: {
          'Idempotency-Key': 'k-1',
          'Content-Type': 'application/json',
          Authorization: TOKEN,
          'Accept-Language': 'de-CH, en;q=0.5',
        },
        body: JSON.stringify({ a: 1 }),
      });

      expect(headersOf('OPTIONS')['access-control-request-method']).toBe('POST');
      expect(headersOf('OPTIONS')['access-control-request-headers']).toBe(
        'authorization,content-type,idempotency-key',
      );
      expect(headersOf('OPTIONS')['authorization']).toBeUndefined();
      expect(bodies).toEqual([{ a: 1 }]);
    });

    it('preflights a method other than GET, HEAD and POST, with no header list', async () => {
      server.use(
        http.options(URL_THINGS, () => preflightAnswer()),
        http.delete(URL_THINGS, () => new HttpResponse(null, { status: 204, headers: ALLOW })),
      );
      const { fetch } = browser();

      const response = await fetch(URL_THINGS, { method: 'DELETE' });

      expect(response.status).toBe(204);
      expect(response.body).toBeNull();
      expect(arrived()).toEqual(['OPTIONS /things', 'DELETE /things']);
      expect(headersOf('OPTIONS')['access-control-request-method']).toBe('DELETE');
      expect(headersOf('OPTIONS')).not.toHaveProperty('access-control-request-headers');
    });

    it.each<[string, () => HttpResponse<null>, BlockedReason, RegExp]>([
      [
        'no Access-Control-Allow-Origin',
        () => preflightAnswer({ 'access-control-allow-origin': null }),
        'preflight_origin',
        /No 'Access-Control-Allow-Origin'/,
      ],
      [
        'another origin',
        () => preflightAnswer({ 'access-control-allow-origin': 'https://other.example.test' }),
        'preflight_origin',
        /other\.example\.test/,
      ],
      [
        'content-type not among the allowed headers',
        () => preflightAnswer({ 'access-control-allow-headers': 'Authorization' }),
        'preflight_headers',
        /content-type/,
      ],
      [
        'a * that does not cover authorization',
        () => preflightAnswer({ 'access-control-allow-headers': '*' }),
        'preflight_headers',
        /authorization/,
      ],
      [
        'the method not allowed',
        () => preflightAnswer({ 'access-control-allow-methods': 'GET, POST' }),
        'preflight_method',
        /DELETE/,
      ],
      [
        'the method allowed in another case',
        () => preflightAnswer({ 'access-control-allow-methods': 'get, post, delete' }),
        'preflight_method',
        /DELETE/,
      ],
      ['status 500', () => preflightAnswer({}, 500), 'preflight_status', /ok status/],
      [
        'a redirect',
        () => preflightAnswer({ location: '/elsewhere' }, 307),
        'preflight_status',
        /ok/,
      ],
      ['a network error', () => HttpResponse.error(), 'network', /network/],
    ])(
      'refuses when the preflight answers %s, and never sends the request',
      async (_, answer, code, reason) => {
        const handled = vi.fn(() => HttpResponse.json({}, { headers: ALLOW }));
        server.use(http.options(URL_THINGS, answer), http.delete(URL_THINGS, handled));
        const { fetch, blocked, codes } = browser();

        const pending = fetch(URL_THINGS, {
          method: 'DELETE',
          headers: { Authorization: TOKEN, 'Content-Type': 'application/json' },
          body: '{}',
        });

        await expect(pending).rejects.toThrow(TypeError);
        await expect(pending).rejects.toMatchObject(FAILED);
        await expect(pending).rejects.not.toHaveProperty('cause');
        expect(handled).not.toHaveBeenCalled();
        expect(arrived()).toEqual(['OPTIONS /things']);
        expect(codes()).toEqual([code]);
        expect(blocked[0]?.message).toMatch(reason);
        expect(JSON.stringify(blocked)).not.toContain(TOKEN.slice(7));
      },
    );

    it('accepts * for origin, methods and headers when credentials are omitted', async () => {
      server.use(
        http.options(URL_THINGS, () =>
          preflightAnswer({
            'access-control-allow-origin': '*',
            'access-control-allow-methods': '*',
            'access-control-allow-headers': '*',
          }),
        ),
        http.put(URL_THINGS, () =>
          HttpResponse.json({ ok: true }, { headers: { 'access-control-allow-origin': '*' } }),
        ),
      );
      const { fetch } = browser();

      const response = await fetch(URL_THINGS, { method: 'PUT', headers: { 'X-Trace': '1' } });

      expect(response.status).toBe(200);
      expect(arrived()).toEqual(['OPTIONS /things', 'PUT /things']);
      expect(headersOf('OPTIONS')['access-control-request-headers']).toBe('x-trace');
    });

    it('does not accept * as a method or a header for a credentialed request', async () => {
      server.use(
        http.options(URL_THINGS, () =>
          preflightAnswer({
            'access-control-allow-credentials': 'true',
            'access-control-allow-methods': '*',
          }),
        ),
      );
      const { fetch, codes } = browser();

      await expect(
        fetch(URL_THINGS, { method: 'PUT', credentials: 'include' }),
      ).rejects.toMatchObject(FAILED);

      expect(codes()).toEqual(['preflight_method']);
      expect(arrived()).toEqual(['OPTIONS /things']);
    });

    it('refuses a conditional GET whose preflight does not allow If-None-Match', async () => {
      // The platform's preflight, as PLATFORM-API.md words it, does not list if-none-match.
      server.use(http.options(URL_THINGS, () => preflightAnswer()));
      const { fetch, blocked } = browser();

      await expect(
        fetch(URL_THINGS, { headers: { Authorization: TOKEN, 'If-None-Match': '"v1"' } }),
      ).rejects.toMatchObject(FAILED);

      expect(headersOf('OPTIONS')['access-control-request-headers']).toBe(
        'authorization,if-none-match',
      );
      expect(blocked[0]?.message).toMatch(/if-none-match/);
    });
  });

  describe('preflight cache', () => {
    function countPreflights(maxAge: string | null, allowHeaders = 'authorization'): () => number {
      let preflights = 0;
      server.use(
        http.options(URL_THINGS, () => {
          preflights += 1;
          return preflightAnswer({
            'access-control-max-age': maxAge,
            'access-control-allow-headers': allowHeaders,
          });
        }),
        http.get(URL_THINGS, () => HttpResponse.json({}, { headers: ALLOW })),
      );

      return () => preflights;
    }

    const withToken = { headers: { Authorization: TOKEN } };

    it('keeps a preflight answer for Access-Control-Max-Age seconds', async () => {
      vi.useFakeTimers({ toFake: ['Date'], now: new Date('2030-01-01T00:00:00Z') });
      const preflights = countPreflights('600');
      const { fetch } = browser();

      await fetch(URL_THINGS, withToken);
      await fetch(URL_THINGS, withToken);
      vi.setSystemTime(Date.now() + 599_000);
      await fetch(URL_THINGS, withToken);
      expect(preflights()).toBe(1);

      vi.setSystemTime(Date.now() + 2_000);
      await fetch(URL_THINGS, withToken);
      expect(preflights()).toBe(2);
      expect(arrived().filter((request) => request.startsWith('GET'))).toHaveLength(4);
    });

    it.each<[string, string | null, number, number]>([
      ['5 seconds without Access-Control-Max-Age', null, 4_000, 6_000],
      ['5 seconds with a malformed one', 'soon', 4_000, 6_000],
      ['2 hours at most', '86400', 7_199_000, 7_201_000],
    ])('keeps it %s', async (_, maxAge, stillCached, expired) => {
      vi.useFakeTimers({ toFake: ['Date'], now: new Date('2030-01-01T00:00:00Z') });
      const start = Date.now();
      const preflights = countPreflights(maxAge);
      const { fetch } = browser();

      await fetch(URL_THINGS, withToken);
      vi.setSystemTime(start + stillCached);
      await fetch(URL_THINGS, withToken);
      expect(preflights()).toBe(1);

      vi.setSystemTime(start + expired);
      await fetch(URL_THINGS, withToken);
      expect(preflights()).toBe(2);
    });

    it('preflights every time with Access-Control-Max-Age: 0', async () => {
      const preflights = countPreflights('0');
      const { fetch } = browser();

      await fetch(URL_THINGS, withToken);
      await fetch(URL_THINGS, withToken);

      expect(preflights()).toBe(2);
    });

    it('preflights again for a header the cached answer did not allow', async () => {
      const preflights = countPreflights('600', 'authorization, x-trace');
      const { fetch } = browser();

      await fetch(URL_THINGS, withToken);
      await fetch(URL_THINGS, { headers: { Authorization: TOKEN, 'X-Trace': '1' } });
      await fetch(URL_THINGS, { headers: { 'X-Trace': '2' } });
      expect(preflights()).toBe(1);

      await expect(
        fetch(URL_THINGS, { headers: { Authorization: TOKEN, 'X-Other': '1' } }),
      ).rejects.toMatchObject(FAILED);
      expect(preflights()).toBe(2);
    });

    it('lets a cached * cover other headers, never authorization', async () => {
      let preflights = 0;
      server.use(
        http.options(URL_THINGS, () => {
          preflights += 1;
          return preflightAnswer({ 'access-control-allow-headers': '*' });
        }),
        http.get(URL_THINGS, () => HttpResponse.json({}, { headers: ALLOW })),
      );
      const { fetch, codes } = browser();

      await fetch(URL_THINGS, { headers: { 'X-Trace': '1' } });
      await fetch(URL_THINGS, { headers: { 'X-Other': '1' } });
      expect(preflights).toBe(1);

      await expect(fetch(URL_THINGS, { headers: { Authorization: TOKEN } })).rejects.toMatchObject(
        FAILED,
      );
      expect(preflights).toBe(2);
      expect(codes()).toEqual(['preflight_headers']);
    });

    // Chromium's, as test/browser/preflight-cache.test.ts holds it: `no-store`, `no-cache` and
    // `reload` never skip the preflight, and only `no-store` keeps its answer out of the cache.
    it.each<[RequestCache[], number]>([
      [['default', 'default', 'default'], 1],
      [['force-cache', 'force-cache', 'force-cache'], 1],
      [['no-store', 'no-store', 'no-store'], 3],
      [['no-cache', 'no-cache', 'no-cache'], 3],
      [['reload', 'reload', 'reload'], 3],
      [['default', 'no-store'], 2],
      [['default', 'no-cache'], 2],
      [['default', 'reload'], 2],
      [['default', 'force-cache'], 1],
      [['no-store', 'default'], 2],
      [['no-cache', 'default'], 1],
      [['reload', 'default'], 1],
    ])('sends the cache modes %j with %i preflights, as Chromium does', async (modes, expected) => {
      const preflights = countPreflights('600');
      const { fetch } = browser();

      for (const cache of modes) await fetch(URL_THINGS, { ...withToken, cache });

      expect(preflights()).toBe(expected);
      expect(arrived().filter((request) => request.startsWith('GET'))).toHaveLength(modes.length);
    });

    it('preflights a default request with a conditional header every time, and caches it', async () => {
      const preflights = countPreflights('600', 'authorization, if-none-match');
      const { fetch } = browser();
      const conditional = { headers: { Authorization: TOKEN, 'If-None-Match': '"v1"' } };

      await fetch(URL_THINGS, withToken);
      await fetch(URL_THINGS, conditional);
      await fetch(URL_THINGS, conditional);
      expect(preflights()).toBe(3);

      // The last conditional answer was cached; force-cache is never upgraded to no-cache.
      await fetch(URL_THINGS, withToken);
      await fetch(URL_THINGS, { ...conditional, cache: 'force-cache' });
      expect(preflights()).toBe(3);
    });

    it('keeps one cache per browser fetch, and forgets it on clearPreflightCache()', async () => {
      const preflights = countPreflights('600');
      const first = browser().fetch;
      const second = browser().fetch;

      await first(URL_THINGS, withToken);
      await second(URL_THINGS, withToken);
      expect(preflights()).toBe(2);

      first.clearPreflightCache();
      await first(URL_THINGS, withToken);
      await second(URL_THINGS, withToken);
      expect(preflights()).toBe(3);
    });
  });

  describe('the real answer', () => {
    it('rejects an answer without Allow-Origin, although the server got it', async () => {
      const handled = vi.fn(() =>
        HttpResponse.json({ code: 'origin_not_allowed', message: 'no' }, { status: 403 }),
      );
      server.use(
        http.options(URL_THINGS, () => preflightAnswer()),
        http.post(URL_THINGS, handled),
      );
      const { fetch, codes } = browser();

      const pending = fetch(URL_THINGS, {
        method: 'POST',
        headers: { Authorization: TOKEN, 'Content-Type': 'application/json' },
        body: '{}',
      });

      await expect(pending).rejects.toMatchObject(FAILED);
      expect(handled).toHaveBeenCalledTimes(1);
      expect(arrived()).toEqual(['OPTIONS /things', 'POST /things']);
      expect(codes()).toEqual(['cors_origin']);
    });

    it('rejects an answer whose Access-Control-Allow-Origin names another origin', async () => {
      server.use(
        http.get(URL_THINGS, () =>
          HttpResponse.json({}, { headers: { 'access-control-allow-origin': 'https://x.test' } }),
        ),
      );
      const { fetch, codes } = browser();

      await expect(fetch(URL_THINGS)).rejects.toMatchObject(FAILED);
      expect(arrived()).toEqual(['GET /things']);
      expect(codes()).toEqual(['cors_origin']);
    });

    it('accepts Access-Control-Allow-Origin: *', async () => {
      server.use(
        http.get(`${API}/api/health`, () =>
          HttpResponse.json({ ok: true }, { headers: { 'access-control-allow-origin': '*' } }),
        ),
      );
      const { fetch } = browser();

      const response = await fetch(`${API}/api/health`);

      expect(await response.json()).toEqual({ ok: true });
    });

    it.each<[string, Record<string, string>, boolean]>([
      ['*', { 'access-control-allow-origin': '*' }, false],
      ['the origin without Allow-Credentials', ALLOW, false],
      [
        'the origin with Allow-Credentials: true',
        { ...ALLOW, 'access-control-allow-credentials': 'true' },
        true,
      ],
    ])('for credentials: include, treats Allow-Origin %s as it should', async (_, headers, ok) => {
      server.use(http.get(URL_THINGS, () => HttpResponse.json({}, { headers })));
      const { fetch, codes } = browser();

      const pending = fetch(URL_THINGS, { credentials: 'include' });

      if (ok) {
        expect((await pending).status).toBe(200);
      } else {
        await expect(pending).rejects.toMatchObject(FAILED);
        expect(codes()).toEqual(['cors_origin']);
      }
    });

    it('hands a readable 401 to the page as a Response', async () => {
      server.use(
        http.options(URL_THINGS, () => preflightAnswer()),
        http.get(URL_THINGS, () =>
          HttpResponse.json(
            { code: 'token_invalid', message: 'The token is not valid.' },
            {
              status: 401,
              headers: {
                ...ALLOW,
                'access-control-expose-headers': 'etag, retry-after, x-request-id',
                'x-request-id': 'req-1',
              },
            },
          ),
        ),
      );
      const { fetch } = browser();

      const response = await fetch(URL_THINGS, { headers: { Authorization: TOKEN } });

      expect(response.status).toBe(401);
      expect(response.ok).toBe(false);
      expect(response.headers.get('x-request-id')).toBe('req-1');
      expect(await response.json()).toEqual({
        code: 'token_invalid',
        message: 'The token is not valid.',
      });
    });

    it('shows only safelisted and exposed headers', async () => {
      server.use(
        http.get(URL_THINGS, () => {
          const headers = new Headers({
            ...ALLOW,
            'access-control-expose-headers': 'ETag, x-request-id, set-cookie',
            'cache-control': 'no-store',
            'content-type': 'application/json',
            etag: '"v1"',
            'x-request-id': 'req-2',
            'x-internal': 'secret',
          });
          headers.append('set-cookie', 'session=1');

          return new HttpResponse('{}', { headers });
        }),
      );
      const { fetch } = browser();

      const response = await fetch(URL_THINGS);

      expect([...response.headers.keys()].sort()).toEqual([
        'cache-control',
        'content-type',
        'etag',
        'x-request-id',
      ]);
      expect(response.headers.get('x-internal')).toBeNull();
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });

    it.each<[RequestCredentials, string[]]>([
      ['same-origin', ['content-type', 'vary', 'x-internal', 'x-request-id']],
      ['include', ['content-type']],
    ])('exposes every header but Set-Cookie for * with credentials %s', async (mode, names) => {
      server.use(
        http.get(URL_THINGS, () => {
          const headers = new Headers({
            ...ALLOW,
            'access-control-allow-credentials': 'true',
            'access-control-expose-headers': '*',
            'content-type': 'application/json',
            'x-request-id': 'req-3',
            'x-internal': 'visible',
          });
          headers.append('set-cookie', 'session=1');

          return new HttpResponse('{}', { headers });
        }),
      );
      const { fetch } = browser();

      const response = await fetch(URL_THINGS, { credentials: mode });

      const visible = [...response.headers.keys()].filter((name) => !name.startsWith('access-'));
      expect(visible.sort()).toEqual(names);
    });

    it('returns a 304 with a null body', async () => {
      server.use(
        http.options(URL_THINGS, () =>
          preflightAnswer({ 'access-control-allow-headers': 'authorization, if-none-match' }),
        ),
        http.get(
          URL_THINGS,
          () =>
            new HttpResponse(null, {
              status: 304,
              headers: { ...ALLOW, 'access-control-expose-headers': 'etag', etag: '"v1"' },
            }),
        ),
      );
      const { fetch } = browser();

      const response = await fetch(URL_THINGS, {
        headers: { Authorization: TOKEN, 'If-None-Match': '"v1"' },
      });

      expect(response.status).toBe(304);
      expect(response.body).toBeNull();
      expect(response.headers.get('etag')).toBe('"v1"');
      expect(headersOf('GET')['if-none-match']).toBe('"v1"');
    });
  });

  describe('same-origin requests', () => {
    it('resolves a relative URL against the page and needs no CORS headers', async () => {
      server.use(
        http.get(`${PAGE}/local`, () =>
          HttpResponse.json({ local: true }, { headers: { 'x-internal': 'visible' } }),
        ),
      );
      const { fetch } = browser();

      const response = await fetch('/local', { headers: { Authorization: TOKEN } });

      expect(response.type).toBe('basic');
      expect(response.headers.get('x-internal')).toBe('visible');
      expect(await response.json()).toEqual({ local: true });
      expect(arrived()).toEqual(['GET /local']);
      expect(headersOf('GET')).not.toHaveProperty('origin');
    });

    it('sends Origin on a same-origin POST', async () => {
      server.use(http.post(`${PAGE}/local`, () => new HttpResponse(null, { status: 204 })));
      const { fetch } = browser();

      await fetch(`${PAGE}/local`, { method: 'POST', body: 'x' });

      expect(headersOf('POST')['origin']).toBe(PAGE);
    });

    it('follows a same-origin redirect, a 303 turning a POST into a GET', async () => {
      server.use(
        http.post(
          `${PAGE}/old`,
          () => new HttpResponse(null, { status: 303, headers: { location: '/new' } }),
        ),
        http.get(`${PAGE}/new`, () => HttpResponse.json({ moved: true })),
      );
      const { fetch } = browser();

      const response = await fetch(`${PAGE}/old`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });

      expect(await response.json()).toEqual({ moved: true });
      expect(response.redirected).toBe(true);
      expect(response.url).toBe(`${PAGE}/new`);
      expect(arrived()).toEqual(['POST /old', 'GET /new']);
      expect(headersOf('GET')).not.toHaveProperty('content-type');
    });
  });

  describe('redirects', () => {
    /** A third origin, neither the page's nor the API's. */
    const CDN = 'https://cdn.example.test';

    /** The CORS headers of an answer the null origin may read. */
    const ALLOW_NULL = { 'access-control-allow-origin': 'null' };

    /** The CORS headers of an answer any origin may read. */
    const ANY = { 'access-control-allow-origin': '*' };

    it('follows a same-origin redirect to another origin and answers it as CORS', async () => {
      server.use(
        http.get(`${PAGE}/old`, redirectTo(URL_THINGS)),
        http.get(URL_THINGS, () =>
          HttpResponse.json({ moved: true }, { headers: { ...ALLOW, 'x-internal': 'hidden' } }),
        ),
      );
      const { fetch } = browser();

      const response = await fetch('/old');

      expect(await response.json()).toEqual({ moved: true });
      expect(response.type).toBe('cors');
      expect(response.redirected).toBe(true);
      expect(response.url).toBe(URL_THINGS);
      expect(response.headers.get('x-internal')).toBeNull();
      expect(arrivedAt()).toEqual([`GET ${PAGE}/old`, `GET ${URL_THINGS}`]);
      expect(origins()).toEqual(['-', PAGE]);
    });

    it('refuses a redirect target on another origin that does not allow the page', async () => {
      server.use(
        http.get(`${PAGE}/old`, redirectTo(URL_THINGS)),
        http.get(URL_THINGS, () => HttpResponse.json({})),
      );
      const { fetch, codes } = browser();

      await expect(fetch('/old')).rejects.toMatchObject(FAILED);

      expect(arrivedAt()).toEqual([`GET ${PAGE}/old`, `GET ${URL_THINGS}`]);
      expect(codes()).toEqual(['cors_origin']);
    });

    it('follows a redirect within the API origin, keeping the page Origin', async () => {
      server.use(
        http.get(URL_THINGS, redirectTo('/moved', 301, ALLOW)),
        http.get(`${API}/moved`, () => HttpResponse.json({ moved: true }, { headers: ALLOW })),
      );
      const { fetch } = browser();

      const response = await fetch(URL_THINGS);

      expect(await response.json()).toEqual({ moved: true });
      expect(response.type).toBe('cors');
      expect(response.redirected).toBe(true);
      expect(response.url).toBe(`${API}/moved`);
      expect(origins()).toEqual([PAGE, PAGE]);
    });

    it('refuses a cross-origin redirect without Allow-Origin, unfollowed', async () => {
      server.use(http.get(URL_THINGS, redirectTo('/moved')));
      const { fetch, codes } = browser();

      await expect(fetch(URL_THINGS)).rejects.toMatchObject(FAILED);

      expect(arrived()).toEqual(['GET /things']);
      expect(codes()).toEqual(['cors_origin']);
    });

    it('needs Allow-Credentials on the redirect of a credentialed request', async () => {
      const credentialed = { ...ALLOW, 'access-control-allow-credentials': 'true' };
      server.use(
        http.get(URL_THINGS, redirectTo('/moved', 302, ALLOW)),
        http.get(`${API}/other`, redirectTo('/moved', 302, credentialed)),
        http.get(`${API}/moved`, () => HttpResponse.json({}, { headers: credentialed })),
      );
      const { fetch, codes } = browser();

      await expect(fetch(URL_THINGS, { credentials: 'include' })).rejects.toMatchObject(FAILED);
      const allowed = await fetch(`${API}/other`, { credentials: 'include' });

      expect(allowed.status).toBe(200);
      expect(arrived()).toEqual(['GET /things', 'GET /other', 'GET /moved']);
      expect(codes()).toEqual(['cors_origin']);
    });

    it.each<[string, string, RequestCredentials, boolean]>([
      ['null', 'null', 'same-origin', true],
      ['*', '*', 'same-origin', true],
      ['* with credentials', '*', 'include', false],
      ['the page origin', PAGE, 'same-origin', false],
    ])(
      'sends Origin: null after a redirect from another origin to a third; allows %s: %s',
      async (_, allowOrigin, credentials, readable) => {
        const credentialed = { ...ALLOW, 'access-control-allow-credentials': 'true' };
        server.use(
          http.get(URL_THINGS, redirectTo(`${CDN}/file`, 302, credentialed)),
          http.get(`${CDN}/file`, () =>
            HttpResponse.json({}, { headers: { 'access-control-allow-origin': allowOrigin } }),
          ),
        );
        const { fetch } = browser();

        const pending = fetch(URL_THINGS, { credentials });

        if (readable) expect((await pending).url).toBe(`${CDN}/file`);
        else await expect(pending).rejects.toMatchObject(FAILED);
        expect(origins()).toEqual([PAGE, 'null']);
      },
    );

    it('keeps Origin: null and CORS when a redirect comes back to the page origin', async () => {
      server.use(
        http.get(URL_THINGS, redirectTo(`${PAGE}/local`, 302, ALLOW)),
        http.get(`${API}/refused`, redirectTo(`${PAGE}/plain`, 302, ALLOW)),
        http.get(`${PAGE}/local`, () => HttpResponse.json({}, { headers: ALLOW_NULL })),
        http.get(`${PAGE}/plain`, () => HttpResponse.json({})),
      );
      const { fetch, codes } = browser();

      const response = await fetch(URL_THINGS);
      await expect(fetch(`${API}/refused`)).rejects.toMatchObject(FAILED);

      expect(response.type).toBe('cors');
      expect(response.url).toBe(`${PAGE}/local`);
      expect(origins()).toEqual([PAGE, 'null', PAGE, 'null']);
      expect(codes()).toEqual(['cors_origin']);
    });

    it('preflights each hop that needs it, a hop with Origin: null every time', async () => {
      const preflightAllowing = (origin: string) => () =>
        preflightAnswer({
          'access-control-allow-origin': origin,
          'access-control-allow-methods': 'PUT',
        });
      server.use(
        http.options(URL_THINGS, preflightAllowing(PAGE)),
        http.put(URL_THINGS, redirectTo(`${CDN}/file`, 307, ALLOW)),
        http.options(`${CDN}/file`, preflightAllowing('null')),
        http.put(`${CDN}/file`, () => new HttpResponse(null, { status: 204, headers: ALLOW_NULL })),
      );
      const { fetch } = browser();

      await fetch(URL_THINGS, { method: 'PUT', body: 'x' });
      await fetch(URL_THINGS, { method: 'PUT', body: 'x' });

      expect(arrivedAt()).toEqual([
        `OPTIONS ${URL_THINGS}`,
        `PUT ${URL_THINGS}`,
        `OPTIONS ${CDN}/file`,
        `PUT ${CDN}/file`,
        `PUT ${URL_THINGS}`,
        `OPTIONS ${CDN}/file`,
        `PUT ${CDN}/file`,
      ]);
      expect(origins()).toEqual([PAGE, PAGE, 'null', 'null', PAGE, 'null', 'null']);
    });

    it('removes Authorization on a redirect to another origin, so needs no preflight', async () => {
      server.use(
        http.get(`${PAGE}/old`, redirectTo(`${PAGE}/same`)),
        http.get(`${PAGE}/same`, redirectTo(URL_THINGS)),
        http.get(URL_THINGS, () => HttpResponse.json({}, { headers: ALLOW })),
      );
      const { fetch } = browser();

      await fetch('/old', { headers: { Authorization: TOKEN } });

      expect(arrivedAt()).toEqual([`GET ${PAGE}/old`, `GET ${PAGE}/same`, `GET ${URL_THINGS}`]);
      expect(seen.map((request) => request.headers['authorization'] ?? '-')).toEqual([
        TOKEN,
        TOKEN,
        '-',
      ]);
    });

    it('keeps Authorization on a redirect within one other origin, preflighting both', async () => {
      server.use(
        http.options(URL_THINGS, () => preflightAnswer({ 'access-control-max-age': '0' })),
        http.get(URL_THINGS, redirectTo('/moved', 302, ALLOW)),
        http.options(`${API}/moved`, () => preflightAnswer()),
        http.get(`${API}/moved`, () => HttpResponse.json({}, { headers: ALLOW })),
      );
      const { fetch } = browser();

      await fetch(URL_THINGS, { headers: { Authorization: TOKEN } });

      expect(arrived()).toEqual(['OPTIONS /things', 'GET /things', 'OPTIONS /moved', 'GET /moved']);
      expect(seen.map((request) => request.headers['authorization'] ?? '-')).toEqual([
        '-',
        TOKEN,
        '-',
        TOKEN,
      ]);
    });

    it.each<[number, string, boolean]>([
      [301, 'GET', false],
      [302, 'GET', false],
      [303, 'GET', false],
      [307, 'POST', true],
      [308, 'POST', true],
    ])('answers a cross-origin POST redirected by %i with a %s', async (status, method, body) => {
      server.use(
        http.post(URL_THINGS, redirectTo('/moved', status, ALLOW)),
        http.all(`${API}/moved`, async ({ request }) =>
          HttpResponse.json({ body: await request.text() }, { headers: ALLOW }),
        ),
      );
      const { fetch } = browser();

      const response = await fetch(URL_THINGS, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: 'sent',
      });

      expect(await response.json()).toEqual({ body: body ? 'sent' : '' });
      expect(arrived()).toEqual(['POST /things', `${method} /moved`]);
      expect(seen[1]?.headers['content-type'] !== undefined).toBe(body);
    });

    it.each<[string, string]>([
      ['a CORS request to its own origin', `${API}/moved`],
      ['a same-origin request to its own origin', `${PAGE}/same`],
      ['a no-cors request to another origin', `${PAGE}/old`],
    ])('refuses a Location with credentials on %s, as Chromium does', async (_, start) => {
      const withCredentials = (url: string): string => url.replace('https://', 'https://u:p@');
      server.use(
        http.get(`${API}/moved`, redirectTo(withCredentials(`${API}/final`), 302, ALLOW)),
        http.get(`${PAGE}/same`, redirectTo(withCredentials(`${PAGE}/local`))),
        http.get(`${PAGE}/old`, redirectTo(withCredentials(URL_THINGS))),
      );
      const { fetch, codes } = browser();

      const mode = start.endsWith('/old') ? 'no-cors' : 'cors';
      await expect(fetch(start, { mode })).rejects.toMatchObject(FAILED);

      expect(arrived()).toHaveLength(1);
      expect(codes()).toEqual(['redirect']);
    });

    it('refuses a mode: same-origin redirect to another origin without following it', async () => {
      server.use(
        http.get(`${PAGE}/old`, redirectTo(URL_THINGS)),
        http.get(URL_THINGS, () => HttpResponse.json({}, { headers: ALLOW })),
      );
      const { fetch, codes } = browser();

      await expect(fetch('/old', { mode: 'same-origin' })).rejects.toMatchObject(FAILED);

      expect(arrived()).toEqual(['GET /old']);
      expect(codes()).toEqual(['mode']);
    });

    it('follows a no-cors redirect to another origin with safelisted headers only', async () => {
      server.use(
        http.get(`${PAGE}/old`, redirectTo(URL_THINGS)),
        http.get(URL_THINGS, () => HttpResponse.json({ secret: true })),
      );
      const { fetch } = browser();

      const response = await fetch('/old', {
        mode: 'no-cors',
        headers: { Authorization: TOKEN, 'X-Custom': '1', 'Accept-Language': 'da' },
      });

      expect(response.type).toBe('opaque');
      expect(response.status).toBe(0);
      expect(response.redirected).toBe(false);
      expect(response.url).toBe('');
      expect(arrivedAt()).toEqual([`GET ${PAGE}/old`, `GET ${URL_THINGS}`]);
      for (const request of seen) {
        expect(request.headers).not.toHaveProperty('authorization');
        expect(request.headers).not.toHaveProperty('x-custom');
        expect(request.headers['accept-language']).toBe('da');
      }
    });

    it('keeps a no-cors response opaque when redirected back to the page origin', async () => {
      server.use(
        http.get(URL_THINGS, redirectTo(`${PAGE}/local`)),
        http.get(`${PAGE}/local`, () => HttpResponse.json({ local: true })),
      );
      const { fetch } = browser();

      const response = await fetch(URL_THINGS, { mode: 'no-cors' });

      expect(response.type).toBe('opaque');
      expect(arrivedAt()).toEqual([`GET ${URL_THINGS}`, `GET ${PAGE}/local`]);
    });

    it('sends Origin: null on a no-cors POST after any redirect to another origin', async () => {
      server.use(
        http.post(`${PAGE}/old`, redirectTo(URL_THINGS, 307)),
        http.post(URL_THINGS, redirectTo('/moved', 307)),
        http.post(`${API}/moved`, () => new HttpResponse(null, { status: 204 })),
      );
      const { fetch } = browser();

      await fetch('/old', { method: 'POST', mode: 'no-cors', body: 'x' });

      expect(origins()).toEqual([PAGE, 'null', 'null']);
    });

    it.each<RequestRedirect>(['manual', 'error'])(
      'refuses a no-cors request to another origin with redirect: %s, sending nothing',
      async (redirect) => {
        const { fetch, codes } = browser();

        await expect(fetch(URL_THINGS, { mode: 'no-cors', redirect })).rejects.toMatchObject(
          FAILED,
        );

        expect(arrived()).toEqual([]);
        expect(codes()).toEqual(['mode']);
      },
    );

    it('refuses a redirect to mixed content without following it', async () => {
      server.use(http.get(`${PAGE}/old`, redirectTo('http://api.example.test/things')));
      const { fetch, codes } = browser();

      await expect(fetch('/old')).rejects.toMatchObject(FAILED);

      expect(arrived()).toEqual(['GET /old']);
      expect(codes()).toEqual(['mixed_content']);
    });

    it('counts redirects across origins in one limit of 20', async () => {
      server.use(
        http.get(`${PAGE}/loop`, redirectTo(`${API}/loop`, 302, ANY)),
        http.get(`${API}/loop`, redirectTo(`${PAGE}/loop`, 302, ANY)),
      );
      const { fetch, codes } = browser();

      await expect(fetch('/loop')).rejects.toMatchObject(FAILED);

      expect(arrived()).toHaveLength(21);
      expect(codes()).toEqual(['redirect']);
    });

    it('reports the final URL without its fragment', async () => {
      server.use(http.get(`${PAGE}/local`, () => HttpResponse.json({})));
      const { fetch } = browser();

      const response = await fetch('/local#part');

      expect(response.url).toBe(`${PAGE}/local`);
      expect(response.redirected).toBe(false);
    });
  });

  describe('the null origin', () => {
    it('sends Origin: null and accepts only Allow-Origin: null', async () => {
      server.use(
        http.get(URL_THINGS, () =>
          HttpResponse.json({}, { headers: { 'access-control-allow-origin': 'null' } }),
        ),
        http.get(`${API}/echo-page`, () => HttpResponse.json({}, { headers: ALLOW })),
      );
      const { fetch, codes } = browser({ origin: 'null' });

      const response = await fetch(URL_THINGS);
      await expect(fetch(`${API}/echo-page`)).rejects.toMatchObject(FAILED);

      expect(response.status).toBe(200);
      expect(seen.map((request) => request.headers['origin'])).toEqual(['null', 'null']);
      expect(codes()).toEqual(['cors_origin']);
    });

    it('treats even the page URL as another origin', async () => {
      server.use(http.get(`${PAGE}/local`, () => HttpResponse.json({})));
      const { fetch, codes } = browser({ origin: 'null' });

      await expect(fetch(`${PAGE}/local`)).rejects.toMatchObject(FAILED);

      expect(headersOf('GET')['origin']).toBe('null');
      expect(codes()).toEqual(['cors_origin']);
    });
  });

  describe('failures a page meets', () => {
    it('rejects offline without sending anything', async () => {
      const { fetch, codes } = browser({ onLine: () => false });

      await expect(fetch(URL_THINGS)).rejects.toMatchObject(FAILED);

      expect(arrived()).toEqual([]);
      expect(codes()).toEqual(['offline']);
    });

    it('reads navigator.onLine by default', async () => {
      vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
      const { fetch } = browser();

      await expect(fetch(URL_THINGS)).rejects.toMatchObject(FAILED);

      expect(arrived()).toEqual([]);
    });

    it('turns a network error into the opaque TypeError, with no cause', async () => {
      server.use(http.get(URL_THINGS, () => HttpResponse.error()));
      const { fetch, codes } = browser();

      const pending = fetch(URL_THINGS);

      await expect(pending).rejects.toMatchObject(FAILED);
      await expect(pending).rejects.not.toHaveProperty('cause');
      expect(codes()).toEqual(['network']);
    });

    it('keeps the failure of a custom fetch, and the token in it, away from the page', async () => {
      const network = vi.fn(() => Promise.reject(new Error(`refused with ${TOKEN}`)));
      const { fetch } = browser({ fetch: network });

      const error: unknown = await fetch(URL_THINGS).catch((caught: unknown) => caught);

      expect(network).toHaveBeenCalledTimes(1);
      expect(error).toMatchObject(FAILED);
      expect(error).not.toHaveProperty('cause');
    });

    it('refuses a redirect with redirect: error, even one it would follow', async () => {
      const target = vi.fn(() => HttpResponse.json({}));
      server.use(
        http.get(
          `${PAGE}/old`,
          () => new HttpResponse(null, { status: 302, headers: { location: '/new' } }),
        ),
        http.get(`${PAGE}/new`, target),
      );
      const { fetch, codes } = browser();

      await expect(fetch('/old', { redirect: 'error' })).rejects.toMatchObject(FAILED);
      const followed = await fetch('/old');

      expect(followed.redirected).toBe(true);
      expect(target).toHaveBeenCalledTimes(1);
      expect(arrived()).toEqual(['GET /old', 'GET /old', 'GET /new']);
      expect(codes()).toEqual(['redirect']);
    });

    it('gives up after 20 redirects', async () => {
      server.use(
        http.get(
          `${PAGE}/loop`,
          () => new HttpResponse(null, { status: 307, headers: { location: '/loop' } }),
        ),
      );
      const { fetch, codes } = browser();

      await expect(fetch('/loop')).rejects.toMatchObject(FAILED);

      expect(arrived()).toHaveLength(21);
      expect(codes()).toEqual(['redirect']);
    });

    it('resolves redirect: manual with an opaque redirect', async () => {
      server.use(
        http.get(
          URL_THINGS,
          () => new HttpResponse(null, { status: 301, headers: { ...ALLOW, location: '/moved' } }),
        ),
      );
      const { fetch } = browser();

      const response = await fetch(URL_THINGS, { redirect: 'manual' });

      expect(response.type).toBe('opaqueredirect');
      expect(response.status).toBe(0);
      expect(response.url).toBe(URL_THINGS);
      expect([...response.headers.keys()]).toEqual([]);
    });

    it('refuses mode: same-origin to another origin without sending it', async () => {
      const { fetch, codes } = browser();

      await expect(fetch(URL_THINGS, { mode: 'same-origin' })).rejects.toMatchObject(FAILED);

      expect(arrived()).toEqual([]);
      expect(codes()).toEqual(['mode']);
    });

    it('sends no-cors without Authorization and resolves with an opaque response', async () => {
      server.use(http.post(URL_THINGS, () => HttpResponse.json({ secret: true })));
      const { fetch } = browser();

      const response = await fetch(URL_THINGS, {
        method: 'POST',
        mode: 'no-cors',
        headers: { Authorization: TOKEN, 'Content-Type': 'application/json' },
        body: '{}',
      });

      expect(response.type).toBe('opaque');
      expect(response.status).toBe(0);
      expect(response.body).toBeNull();
      expect(arrived()).toEqual(['POST /things']);
      expect(headersOf('POST')).not.toHaveProperty('authorization');
      expect(headersOf('POST')).not.toHaveProperty('content-type');
    });

    it('refuses a keepalive body over 64 KiB without sending it', async () => {
      server.use(http.post(URL_THINGS, () => HttpResponse.json({}, { headers: ALLOW })));
      const { fetch, codes } = browser();

      const small = await fetch(URL_THINGS, { method: 'POST', keepalive: true, body: 'x' });
      const large = fetch(URL_THINGS, {
        method: 'POST',
        keepalive: true,
        body: 'x'.repeat(64 * 1024 + 1),
      });

      expect(small.status).toBe(200);
      await expect(large).rejects.toMatchObject(FAILED);
      expect(arrived()).toEqual(['POST /things']);
      expect(codes()).toEqual(['keepalive']);
    });

    it('refuses mixed content but lets an https page reach http://localhost', async () => {
      server.use(
        http.get('http://localhost:8080/things', () => HttpResponse.json({}, { headers: ALLOW })),
      );
      const { fetch, codes } = browser();

      await expect(fetch('http://api.example.test/things')).rejects.toMatchObject(FAILED);
      const local = await fetch('http://localhost:8080/things');

      expect(local.status).toBe(200);
      expect(codes()).toEqual(['mixed_content']);
      expect(arrived()).toEqual(['GET /things']);
    });
  });

  describe('abort', () => {
    it('rejects with the AbortError of an already aborted signal, sending nothing', async () => {
      const controller = new AbortController();
      controller.abort();
      // Even offline, the abort is what the page hears about.
      const { fetch } = browser({ onLine: () => false });

      await expect(fetch(URL_THINGS, { signal: controller.signal })).rejects.toMatchObject({
        name: 'AbortError',
      });
      expect(arrived()).toEqual([]);
    });

    it('rejects with the reason when aborted in the preflight, sending nothing more', async () => {
      const preflightArrived = deferred();
      const release = deferred();
      const handled = vi.fn(() => HttpResponse.json({}, { headers: ALLOW }));
      server.use(
        http.options(URL_THINGS, async () => {
          preflightArrived.resolve();
          await release.promise;
          return preflightAnswer();
        }),
        http.get(URL_THINGS, handled),
      );
      const controller = new AbortController();
      const { fetch } = browser();

      const pending = fetch(URL_THINGS, {
        headers: { Authorization: TOKEN },
        signal: controller.signal,
      });
      await preflightArrived.promise;
      controller.abort();

      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
      release.resolve();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(handled).not.toHaveBeenCalled();
      expect(arrived()).toEqual(['OPTIONS /things']);
    });

    it('rejects on abort even when the underlying fetch ignores the signal', async () => {
      const network = vi.fn(() => new Promise<Response>(() => undefined));
      const controller = new AbortController();
      const { fetch } = browser({ fetch: network });

      const pending = fetch(URL_THINGS, { signal: controller.signal });
      await vi.waitFor(() => expect(network).toHaveBeenCalledTimes(1));
      controller.abort();

      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    });

    it('rejects with a custom reason, from a jsdom AbortController too', async () => {
      const release = deferred();
      server.use(
        http.get(URL_THINGS, async () => {
          await release.promise;
          return HttpResponse.json({}, { headers: ALLOW });
        }),
      );
      const { window } = (globalThis as unknown as { jsdom: { window: typeof globalThis } }).jsdom;
      const controller = new window.AbortController();
      const reason = new Error('the shopper left');
      const { fetch } = browser();

      const pending = fetch(URL_THINGS, { signal: controller.signal });
      controller.abort(reason);

      await expect(pending).rejects.toBe(reason);
      release.resolve();
    });

    it('errors the body when aborted after the headers arrived', async () => {
      server.use(
        http.get(URL_THINGS, () => {
          const body = new ReadableStream<Uint8Array>({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"partial":'));
            },
          });

          return new HttpResponse(body, { headers: ALLOW });
        }),
      );
      const controller = new AbortController();
      const { fetch } = browser();

      const response = await fetch(URL_THINGS, { signal: controller.signal });
      controller.abort();

      await expect(response.text()).rejects.toMatchObject({ name: 'AbortError' });
    });

    describe('leaves no rejection unhandled', () => {
      /** The moment of a preflighted POST at which the page aborts it. */
      type Moment = 'call' | 'preflight' | 'send' | 'request' | 'headers' | 'body';

      /** Collects the unhandled rejections while `run` and a grace period go on. */
      async function unhandledDuring(run: () => Promise<void>): Promise<unknown[]> {
        const reasons: unknown[] = [];
        const listener = (reason: unknown): void => {
          reasons.push(reason);
        };
        process.on('unhandledRejection', listener);
        try {
          await run();
          // Node reports a rejection as unhandled once the microtask queue has drained.
          await new Promise((resolve) => setTimeout(resolve, 50));
        } finally {
          process.off('unhandledRejection', listener);
        }

        return reasons;
      }

      /**
       * The methods handed to the network, and what reached the server, when the page aborted at
       * each moment. At `send` the POST is handed over with its signal already aborted.
       */
      const SENT_BY: Record<Moment, { handed: string[]; arrived: string[] }> = {
        call: { handed: [], arrived: [] },
        preflight: { handed: ['OPTIONS'], arrived: ['OPTIONS /things'] },
        send: { handed: ['OPTIONS', 'POST'], arrived: ['OPTIONS /things'] },
        request: { handed: ['OPTIONS', 'POST'], arrived: ['OPTIONS /things', 'POST /things'] },
        headers: { handed: ['OPTIONS', 'POST'], arrived: ['OPTIONS /things', 'POST /things'] },
        body: { handed: ['OPTIONS', 'POST'], arrived: ['OPTIONS /things', 'POST /things'] },
      };

      /** A body that sends a little and then never ends. */
      function endlessBody(): ReadableStream<Uint8Array> {
        return new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"partial":'));
          },
        });
      }

      it.each<[string, Moment]>([
        ['as soon as it is called, before anything is sent', 'call'],
        ['while the preflight is in flight', 'preflight'],
        ['as the real request is handed to the network', 'send'],
        ['while the real request is in flight', 'request'],
        ['after the headers arrived, the body left unread', 'headers'],
        ['after the headers arrived, while the body is read', 'body'],
      ])('when a preflighted POST is aborted %s', async (_, moment) => {
        const preflightArrived = deferred();
        const postArrived = deferred();
        const release = deferred();
        server.use(
          http.options(URL_THINGS, async () => {
            preflightArrived.resolve();
            if (moment === 'preflight') await release.promise;
            return preflightAnswer();
          }),
          http.post(URL_THINGS, async () => {
            postArrived.resolve();
            if (moment === 'request') await release.promise;
            return new HttpResponse(endlessBody(), { status: 201, headers: ALLOW });
          }),
        );
        const controller = new AbortController();
        const network = globalThis.fetch;
        const handedOver: string[] = [];
        const { fetch } = browser({
          fetch: (input, init) => {
            handedOver.push(init?.method ?? 'GET');
            if (moment === 'send' && init?.method === 'POST') controller.abort();
            return network(input, init);
          },
        });

        const unhandled = await unhandledDuring(async () => {
          const pending = fetch(URL_THINGS, {
            method: 'POST',
            signal: controller.signal,
            headers: { Authorization: TOKEN, 'Content-Type': 'application/json' },
            body: '{}',
          });
          if (moment === 'call') controller.abort();
          if (moment === 'preflight') await preflightArrived.promise;
          if (moment === 'request') await postArrived.promise;
          if (moment === 'preflight' || moment === 'request') controller.abort();

          if (moment === 'headers' || moment === 'body') {
            const response = await pending;
            const read = moment === 'body' ? response.text() : null;
            controller.abort();
            if (read !== null) await expect(read).rejects.toMatchObject({ name: 'AbortError' });
          } else {
            await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
          }
          release.resolve();
        });

        expect(unhandled).toEqual([]);
        // Nothing is handed to the network once aborted (msw would not show it as arrived).
        expect(handedOver).toEqual(SENT_BY[moment].handed);
        expect(arrived()).toEqual(SENT_BY[moment].arrived);
      });
    });
  });

  describe('misconfiguration', () => {
    it('refuses to send through a browser fetch installed as globalThis.fetch', async () => {
      const network = globalThis.fetch;
      vi.stubGlobal('fetch', createBrowserFetch());

      await expect(globalThis.fetch(URL_THINGS)).rejects.toThrow(/options\.fetch/);

      server.use(http.get(URL_THINGS, () => HttpResponse.json({ ok: true }, { headers: ALLOW })));
      vi.stubGlobal('fetch', createBrowserFetch({ fetch: network }));
      expect((await globalThis.fetch(URL_THINGS)).status).toBe(200);
    });
  });
});

describe('corsUnsafeRequestHeaderNames', () => {
  it.each<[Record<string, string>, string[]]>([
    [{ Accept: 'application/json' }, []],
    [{ Accept: 'text/html; q="0.9"' }, ['accept']],
    [{ Accept: 'a'.repeat(129) }, ['accept']],
    [{ 'Accept-Language': 'de-CH, en;q=0.5' }, []],
    [{ 'Accept-Language': 'en_US' }, ['accept-language']],
    [{ 'Content-Language': 'de' }, []],
    [{ 'Content-Type': 'text/plain;charset=UTF-8' }, []],
    [{ 'Content-Type': 'multipart/form-data; boundary=x' }, []],
    [{ 'Content-Type': 'application/x-www-form-urlencoded' }, []],
    [{ 'Content-Type': 'application/json' }, ['content-type']],
    [{ 'Content-Type': 'text/plain; charset="utf-8"' }, ['content-type']],
    [{ Range: 'bytes=0-499' }, []],
    [{ Range: 'bytes=-500' }, ['range']],
    [{ Range: 'bytes=500-100' }, ['range']],
    [{ 'X-Trace': '1', Authorization: TOKEN, Accept: '*/*' }, ['authorization', 'x-trace']],
  ])('answers %j with %j', (headers, expected) => {
    expect(corsUnsafeRequestHeaderNames(new Headers(headers))).toEqual(expected);
  });
});

describe('isForbiddenRequestHeader', () => {
  it.each<[string, string, boolean]>([
    ['Cookie', 'a=1', true],
    ['host', 'evil.test', true],
    ['Origin', 'https://evil.test', true],
    ['Sec-Fetch-Mode', 'cors', true],
    ['Proxy-Authorization', 'Basic eA==', true],
    ['X-HTTP-Method-Override', 'PATCH, trace', true],
    ['X-HTTP-Method-Override', 'PATCH', false],
    ['Authorization', TOKEN, false],
    ['Idempotency-Key', 'k-1', false],
  ])('answers %s: %s with %s', (name, value, expected) => {
    expect(isForbiddenRequestHeader(name, value)).toBe(expected);
  });
});
