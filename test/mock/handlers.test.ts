// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { SEED } from '../../src/mock/seed';
import {
  API,
  LOCAL_PAGE,
  LOOPBACK_PAGE,
  call,
  corsOf,
  readableBy,
  useMockPlatform,
} from './support';

const { state } = useMockPlatform();
const configurator = `/api/products/${SEED.products.table}/configurator`;

describe('a preflight', () => {
  it('answers 204 with exactly the contract headers, echoing the origin', async () => {
    const response = await call('/api/configurations', {
      method: 'OPTIONS',
      origin: LOOPBACK_PAGE,
      headers: { 'access-control-request-method': 'POST' },
    });

    expect(response.status).toBe(204);
    expect(corsOf(response)).toEqual({
      'access-control-allow-origin': LOOPBACK_PAGE,
      'access-control-allow-methods': 'GET, POST, DELETE',
      'access-control-allow-headers': 'authorization, content-type, idempotency-key',
      'access-control-max-age': '600',
      vary: 'Origin',
    });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.text()).toBe('');
  });

  it.each([
    ['no Origin', undefined],
    ['the opaque origin null', 'null'],
    ['a malformed origin', 'not an origin'],
  ])('answers 204 without Access-Control-Allow-Origin for %s', async (_name, origin) => {
    const response = await call(configurator, { method: 'OPTIONS', ...(origin ? { origin } : {}) });

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, DELETE');
  });

  it('answers on any /api path, even one with no endpoint', async () => {
    const response = await call('/api/no/such/thing', { method: 'OPTIONS', origin: LOCAL_PAGE });

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(LOCAL_PAGE);
  });
});

describe('the health check', () => {
  it('answers 200 {"ok":true} to anyone, without a token', async () => {
    const response = await call('/api/health', { origin: LOOPBACK_PAGE });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('ignores a revoked token', async () => {
    const response = await call('/api/health', { token: SEED.revokedToken });

    expect(response.status).toBe(200);
  });
});

describe('the token checks', () => {
  const unknownToken = '0b9f6a52-1c1e-4f43-9f0e-3d2b1a0c9e8d';

  it.each([
    ['no Authorization header', {}, 401, 'token_missing'],
    ['an empty Bearer', { headers: { authorization: 'Bearer' } }, 401, 'token_missing'],
    [
      'another scheme',
      { headers: { authorization: `Basic ${SEED.demoToken}` } },
      401,
      'token_invalid',
    ],
    ['a token that is no UUID', { token: 'demo-token' }, 401, 'token_invalid'],
    ['an unknown token', { token: unknownToken }, 401, 'token_invalid'],
    ['a revoked token', { token: SEED.revokedToken }, 401, 'token_revoked'],
    ['a private token from a page', { token: SEED.privateToken }, 403, 'private_token_in_browser'],
  ])('refuses %s with a readable %i %s', async (_name, request, status, code) => {
    const response = await call(configurator, { origin: LOCAL_PAGE, ...request });
    const body = (await response.json()) as { code: string; message: string };

    expect(response.status).toBe(status);
    expect(body.code).toBe(code);
    expect(body.message).toEqual(expect.any(String));
    expect(body.message).not.toContain(SEED.demoToken);
    expect(corsOf(response)).toEqual(readableBy(LOCAL_PAGE));
    expect(response.headers.get('x-request-id')).not.toBeNull();
  });

  it.each([
    ['an origin not on the list', { origin: LOOPBACK_PAGE }],
    ['no Origin at all', {}],
    ['the opaque origin null', { origin: 'null' }],
  ])('refuses a public token from %s with an unreadable 403', async (_name, request) => {
    const response = await call(configurator, { token: SEED.demoToken, ...request });

    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'origin_not_allowed' });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-expose-headers')).toBeNull();
    expect(response.headers.get('x-request-id')).not.toBeNull();
  });

  it('refuses a public token on a private endpoint with a readable 403 permission_denied', async () => {
    const response = await call('/api/accesstokens', { token: SEED.demoToken, origin: LOCAL_PAGE });

    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'permission_denied' });
    expect(response.headers.get('access-control-allow-origin')).toBe(LOCAL_PAGE);
  });

  it('checks the origin before the permission', async () => {
    const response = await call('/api/accesstokens', {
      token: SEED.demoToken,
      origin: LOOPBACK_PAGE,
    });

    expect(await response.json()).toMatchObject({ code: 'origin_not_allowed' });
  });

  it('refuses a token from the request after it is revoked', async () => {
    const before = await call(configurator, { token: SEED.demoToken, origin: LOCAL_PAGE });
    state.revokeToken(SEED.demoToken);
    const after = await call(configurator, { token: SEED.demoToken, origin: LOCAL_PAGE });

    expect(before.status).toBe(200);
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ code: 'token_revoked' });
  });

  it('takes a private token from a server, which sends no Origin', async () => {
    const response = await call(configurator, { token: SEED.privateToken });

    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('never sends Access-Control-Allow-Credentials', async () => {
    const responses = await Promise.all([
      call(configurator, { method: 'OPTIONS', origin: LOCAL_PAGE }),
      call(configurator, { token: SEED.demoToken, origin: LOCAL_PAGE }),
      call(configurator, { origin: LOCAL_PAGE }),
      call('/api/nothing', { origin: LOCAL_PAGE }),
    ]);

    for (const response of responses) {
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });
});

describe('an unknown path', () => {
  it.each([
    ['/api'],
    ['/api/'],
    ['/api/nothing'],
    ['/api/health/extra'],
    ['/api/products/%E0%A4%A/configurator'],
    ['/api/products//configurator'],
    ['/api/configurations/a/b'],
  ])('answers %s with a readable 404 not_found', async (path) => {
    const response = await call(path, { token: SEED.demoToken, origin: LOCAL_PAGE });

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'not_found' });
    expect(response.headers.get('access-control-allow-origin')).toBe(LOCAL_PAGE);
  });

  it('answers a known path with another method as 404 not_found', async () => {
    const response = await call('/api/health', { method: 'DELETE' });

    expect(response.status).toBe(404);
  });
});

describe('the request log', () => {
  it('records every request, preflights and health checks included, with its final status', async () => {
    await call(configurator, { method: 'OPTIONS', origin: LOCAL_PAGE });
    await call(configurator, { token: SEED.demoToken, origin: LOCAL_PAGE });
    await call('/api/health');
    await call(configurator, { token: SEED.demoToken, origin: LOOPBACK_PAGE });

    expect(state.requests.map(({ method, path, status }) => `${method} ${path} ${status}`)).toEqual(
      [
        `OPTIONS ${configurator} 204`,
        `GET ${configurator} 200`,
        'GET /api/health 200',
        `GET ${configurator} 403`,
      ],
    );
    expect(state.requests[1]).toMatchObject({
      url: `${API}${configurator}`,
      origin: LOCAL_PAGE,
      authorization: `Bearer ${SEED.demoToken}`,
      headers: expect.objectContaining({ origin: LOCAL_PAGE }) as unknown,
    });
    expect(state.requests[2]).toMatchObject({ origin: null, authorization: null });
  });

  it('gives every answer its own request id, the one it records', async () => {
    const responses = await Promise.all(Array.from({ length: 20 }, () => call('/api/health')));
    const sent = responses.map((response) => response.headers.get('x-request-id'));

    expect(new Set(sent).size).toBe(20);
    expect(state.requests.map((request) => request.requestId).sort()).toEqual([...sent].sort());
  });
});

describe('the fault controls', () => {
  it('answers the next matching request with a canned, readable answer, once', async () => {
    state.failNext({ status: 500 }, { method: 'GET', path: configurator });

    const health = await call('/api/health');
    const first = await call(configurator, { token: SEED.demoToken, origin: LOCAL_PAGE });
    const second = await call(configurator, { token: SEED.demoToken, origin: LOCAL_PAGE });

    expect(health.status).toBe(200);
    expect(first.status).toBe(500);
    expect(await first.json()).toMatchObject({
      code: 'internal',
      message: expect.any(String) as unknown,
    });
    expect(corsOf(first)).toEqual(readableBy(LOCAL_PAGE));
    expect(first.headers.get('x-request-id')).not.toBeNull();
    expect(second.status).toBe(200);
  });

  it('sends a given body and headers, a string as it is', async () => {
    state.failNext({
      status: 502,
      body: '<html>Bad gateway</html>',
      headers: { 'x-proxy': 'edge' },
    });

    const response = await call('/api/health');

    expect(response.status).toBe(502);
    expect(await response.text()).toBe('<html>Bad gateway</html>');
    expect(response.headers.get('x-proxy')).toBe('edge');
  });

  it('takes faults in order, matching a path by RegExp', async () => {
    state.failNext({ status: 503 }, { path: /configurator$/ });
    state.failNext({ status: 500 });

    const health = await call('/api/health');
    const load = await call(configurator, { token: SEED.demoToken, origin: LOCAL_PAGE });

    expect([health.status, load.status]).toEqual([500, 503]);
  });

  it('answers a rate limit as a readable 429 rate_limited with Retry-After', async () => {
    state.failNext({ kind: 'rate-limit', retryAfter: 7 });

    const response = await call('/api/analytics/events', {
      method: 'POST',
      token: SEED.demoToken,
      origin: LOCAL_PAGE,
      body: { events: [] },
    });

    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(response.headers.get('access-control-expose-headers')).toContain('retry-after');
    expect(await response.json()).toMatchObject({ code: 'rate_limited' });
  });

  it('drops the connection on a network fault, recording status 0', async () => {
    state.failNext({ kind: 'network' });

    await expect(call('/api/health')).rejects.toThrow(TypeError);
    expect(state.requests.map((request) => request.status)).toEqual([0]);
  });

  it('leaves preflights alone unless the fault names OPTIONS', async () => {
    state.failNext({ status: 500 });

    const preflight = await call(configurator, { method: 'OPTIONS', origin: LOCAL_PAGE });
    const load = await call(configurator, { token: SEED.demoToken, origin: LOCAL_PAGE });

    expect([preflight.status, load.status]).toEqual([204, 500]);
  });

  it('refuses a status that no Response can carry', () => {
    expect(() => state.failNext({ status: 0 })).toThrow(RangeError);
  });

  it('drops every request, health checks included, while the platform is down', async () => {
    state.setDown(true);

    await expect(call('/api/health')).rejects.toThrow(TypeError);
    await expect(call(configurator, { method: 'OPTIONS', origin: LOCAL_PAGE })).rejects.toThrow();

    state.setDown(false);

    expect((await call('/api/health')).status).toBe(200);
  });
});

describe('reset', () => {
  it('restores the seed and clears the log, faults and outage', async () => {
    const created = state.createToken({ name: 'temp', kind: 'public', domains: ['localhost'] });
    state.revokeToken(SEED.demoToken);
    state.failNext({ status: 500 });
    state.setDown(true);
    const log = state.requests;
    await call('/api/health').catch(() => undefined);

    state.reset();

    expect(state.findToken(created.id)).toBeUndefined();
    expect(state.findToken(SEED.demoToken)?.revokedAt).toBeNull();
    expect(state.down).toBe(false);
    expect(log).toEqual([]);
    expect((await call('/api/health')).status).toBe(200);
    expect(state.configurations()).toEqual([]);
    expect(state.countedEvents()).toEqual([]);
  });
});
