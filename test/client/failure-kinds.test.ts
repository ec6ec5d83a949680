// @vitest-environment-options {"url": "http://127.0.0.1:4000/"}
import { afterEach, describe, expect, it, vi } from 'vitest';

import { SEED } from '../../src/mock/seed';
import { usePlatform } from '../support/platform';

// This page's origin, http://127.0.0.1:4000, is on no seeded token's list, so a token made for
// it is needed for the calls that should get through.
const platform = usePlatform();
const productId = SEED.products.table;

function allowedClient() {
  const token = platform.state.createToken({
    name: 'loopback page',
    kind: 'public',
    domains: ['http://127.0.0.1:4000'],
  });

  return platform.client({ token: token.id });
}

afterEach(() => vi.unstubAllGlobals());

describe('a request that gets no readable answer', () => {
  it('is a CorsError naming the origin and the entry to add when the origin is not listed', async () => {
    const error = await platform
      .client()
      .configurator.load(productId)
      .catch((e: unknown) => e);

    expect(error).toMatchObject({
      name: 'CorsError',
      code: 'origin_not_allowed',
      origin: 'http://127.0.0.1:4000',
    });
    expect((error as Error).message).toContain('http://127.0.0.1:4000');
    expect((error as Error).message).toContain(
      'Add "http://127.0.0.1:4000" to the token\'s domains',
    );
  });

  it('is a NetworkError marked offline when the browser is offline', async () => {
    vi.stubGlobal('navigator', { ...navigator, onLine: false });

    const error = await allowedClient()
      .configurator.load(productId)
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'NetworkError', code: 'offline', offline: true });
  });

  it('is a NetworkError marked unreachable when the platform is down', async () => {
    const client = allowedClient();
    platform.state.setDown(true);

    const error = await client.configurator.load(productId).catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'NetworkError', code: 'unreachable', offline: false });
  });

  it('is never retried when it is a CorsError', async () => {
    await expect(platform.client().configurator.load(productId)).rejects.toMatchObject({
      name: 'CorsError',
    });

    const loads = platform.state.requests.filter(
      (request) => request.method === 'GET' && request.path.includes(productId),
    );
    expect(loads).toHaveLength(1);
  });

  it('is a NetworkError marked interrupted when the connection drops from an allowed origin', async () => {
    const client = allowedClient();
    // Once for the call and once for each of its two retries.
    for (let i = 0; i < 3; i += 1) {
      platform.state.failNext({ kind: 'network' }, { path: '/api/configurations/AbCdEfG1234' });
    }

    const error = await client.configurations
      .get('AbCdEfG1234', { timeout: 1000 })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'NetworkError', code: 'interrupted' });
  });

  it('tells a CORS refusal by a configurator load of no product, which only an allowed origin can read', async () => {
    await platform
      .client()
      .configurator.load(productId)
      .catch(() => undefined);

    const probe = platform.state.requests.find(
      (request) =>
        request.method === 'GET' && request.path.includes('/00000000-0000-0000-0000-000000000000/'),
    );
    expect(probe).toMatchObject({ status: 403, authorization: `Bearer ${SEED.demoToken}` });
  });
});

describe('a request from a refused origin', () => {
  it('saves nothing', async () => {
    const definition = await allowedClient().configurator.load(productId);

    await expect(
      platform
        .client()
        .configurations.save({ productId, productVersion: definition.version, variant: {} }),
    ).rejects.toMatchObject({ name: 'CorsError' });

    expect(platform.state.configurations()).toEqual([]);
  });

  it('counts no event', async () => {
    const client = platform.client();
    client.analytics.track('add_to_cart');

    await expect(client.analytics.flush()).rejects.toMatchObject({ name: 'CorsError' });

    expect(platform.state.countedEvents()).toEqual([]);
  });

  it('reaches the platform, which refuses it with 403 origin_not_allowed', async () => {
    await platform
      .client()
      .configurator.load(productId)
      .catch(() => undefined);

    const load = platform.state.requests.find(
      (request) => request.method === 'GET' && request.path.endsWith('/configurator'),
    );
    expect(load).toMatchObject({ status: 403, origin: 'http://127.0.0.1:4000' });
  });
});
