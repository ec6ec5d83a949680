// @vitest-environment node
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';

import { describe, expect, it } from 'vitest';

import { SEED } from '../../src/mock/seed';
import { useHttpPlatform } from './support';

const start = useHttpPlatform();

/** Tells whether a port on 127.0.0.1 can be listened on again. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('startPlatformServer', () => {
  it('listens on a free port and answers the health check', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/api/health`);

    expect(url).toMatch(/^http:\/\/localhost:\d+$/);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('is reached both as localhost and as 127.0.0.1', async () => {
    const { url, state } = await start();
    const port = new URL(url).port;

    const byName = await fetch(`http://localhost:${port}/api/health`);
    const byAddress = await fetch(`http://127.0.0.1:${port}/api/health`);

    expect([byName.status, byAddress.status]).toEqual([200, 200]);
    expect(state.requests.map((request) => request.url)).toEqual([
      `http://localhost:${port}/api/health`,
      `http://127.0.0.1:${port}/api/health`,
    ]);
  });

  it('serves a configurator to the demo token from http://localhost:3000', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/api/products/${SEED.products.table}/configurator`, {
      headers: { authorization: `Bearer ${SEED.demoToken}`, origin: 'http://localhost:3000' },
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: SEED.products.table,
      name: 'Fjord Dining Table',
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(response.headers.get('etag')).not.toBeNull();
  });

  it('refuses the demo token from http://127.0.0.1:4000 without Access-Control-Allow-Origin', async () => {
    const { url } = await start();
    const response = await fetch(`${url}/api/products/${SEED.products.table}/configurator`, {
      headers: { authorization: `Bearer ${SEED.demoToken}`, origin: 'http://127.0.0.1:4000' },
    });

    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('takes a POST body and answers a preflight', async () => {
    const { url, state } = await start();
    const preflight = await fetch(`${url}/api/configurations`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' },
    });
    const save = await fetch(`${url}/api/configurations`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${SEED.demoToken}`,
        origin: 'http://localhost:3000',
        'content-type': 'application/json',
        'idempotency-key': 'k-1',
      },
      body: JSON.stringify({
        productId: SEED.products.lamp,
        productVersion: '2.0.1',
        variant: { cordLength: 2.2 },
      }),
    });

    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toBe(
      'authorization, content-type, idempotency-key',
    );
    expect(save.status).toBe(201);
    expect(state.configurations()).toHaveLength(1);
  });

  it('drops the connection on a network fault and keeps serving', async () => {
    const { url, state } = await start();
    state.failNext({ kind: 'network' });

    await expect(fetch(`${url}/api/health`)).rejects.toThrow(TypeError);
    const after = await fetch(`${url}/api/health`);

    expect(after.status).toBe(200);
    expect(state.requests.map((request) => request.status)).toEqual([0, 200]);
  });

  it('drops every connection while down', async () => {
    const { url, state } = await start();
    state.setDown(true);

    await expect(fetch(`${url}/api/health`)).rejects.toThrow(TypeError);
  });

  it('answers a path outside /api with a readable 404 not_found', async () => {
    const { url, state } = await start();
    const response = await fetch(`${url}/favicon.ico`, {
      headers: { origin: 'http://localhost:3000' },
    });

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'not_found' });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(state.requests).toHaveLength(1);
  });

  it('answers its root with where to find the health check and the endpoints', async () => {
    const { url } = await start();

    const response = await fetch(`${url}/`);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ health: '/api/health' });
  });

  it('survives a request target and a Host header that are not URLs', async () => {
    const { url } = await start();
    const { port } = new URL(url);

    const status = await new Promise<number>((resolve, reject) => {
      const sent = httpRequest(
        { port, host: '127.0.0.1', path: '//api/health', headers: { host: 'bad host/x' } },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      sent.once('error', reject);
      sent.end();
    });

    expect(status).toBe(404);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
  });

  it('frees its port on close, even with a connection kept alive', async () => {
    const platform = await start();
    const port = Number(new URL(platform.url).port);
    await fetch(`${platform.url}/api/health`, { keepalive: true });

    // Closing again after the test is harmless.
    await platform.close();

    expect(await portIsFree(port)).toBe(true);
  });
});
