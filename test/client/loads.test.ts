import { delay, http } from 'msw';
import { describe, expect, it } from 'vitest';

import { SEED } from '../../src/mock/seed';
import { API_URL, usePlatform } from '../support/platform';

const platform = usePlatform();
const productId = SEED.products.table;

const loads = () =>
  platform.state.requests.filter(
    (request) =>
      request.method === 'GET' && request.path === `/api/products/${productId}/configurator`,
  );

describe('configurator.load', () => {
  it('shares one request among identical loads in flight', async () => {
    const client = platform.client();

    const results = await Promise.all([
      client.configurator.load(productId),
      client.configurator.load(productId),
      client.configurator.load(productId.toUpperCase()),
    ]);

    expect(loads()).toHaveLength(1);
    expect(results[1]).toBe(results[0]);
    expect(results[2]).toBe(results[0]);
  });

  it('reuses a loaded configurator from memory within cacheMaxAge', async () => {
    const client = platform.client({ cacheMaxAge: 60_000 });

    const first = await client.configurator.load(productId);
    const second = await client.configurator.load(productId);

    expect(second).toBe(first);
    expect(loads()).toHaveLength(1);
  });

  it('asks the platform again once cacheMaxAge has passed', async () => {
    const client = platform.client({ cacheMaxAge: 0 });

    await client.configurator.load(productId);
    await client.configurator.load(productId);

    expect(loads()).toHaveLength(2);
  });

  it('hands out a frozen configurator, so no caller can change what others get', async () => {
    const definition = await platform.client().configurator.load(productId);

    expect(Object.isFrozen(definition)).toBe(true);
    expect(Object.isFrozen(definition.attributes[0])).toBe(true);
  });

  it('lets one caller abort without ending a load another caller waits for', async () => {
    const client = platform.client();
    const controller = new AbortController();

    const aborted = client.configurator.load(productId, { signal: controller.signal });
    const kept = client.configurator.load(productId);
    controller.abort(new DOMException('left the page', 'AbortError'));

    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    await expect(kept).resolves.toMatchObject({ id: productId });
  });

  it('rejects with the signal reason when aborted before the answer', async () => {
    platform.server.use(
      http.get(`${API_URL}/api/configurations/:id`, async () => {
        await delay(1000);
        return undefined;
      }),
    );
    const controller = new AbortController();
    const call = platform.client().configurations.get('AbCdEfG1234', { signal: controller.signal });

    setTimeout(() => controller.abort(new DOMException('stop', 'AbortError')), 20);

    await expect(call).rejects.toMatchObject({ name: 'AbortError', message: 'stop' });
  });

  it('rejects at once with a signal already aborted, sending nothing', async () => {
    const controller = new AbortController();
    controller.abort(new DOMException('never mind', 'AbortError'));

    await expect(
      platform.client().configurator.load(productId, { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(loads()).toHaveLength(0);
  });

  it('ends in TimeoutError after the per-call timeout, overriding the client default', async () => {
    platform.server.use(
      http.get(`${API_URL}/api/configurations/:id`, async () => {
        await delay(1000);
        return undefined;
      }),
    );

    await expect(
      platform.client({ timeout: 5000 }).configurations.get('AbCdEfG1234', { timeout: 30 }),
    ).rejects.toMatchObject({ name: 'TimeoutError', timeout: 30 });
  });

  it('retries a 5xx and a dropped connection, then answers', async () => {
    platform.state.failNext({ status: 502 }, { path: `/api/products/${productId}/configurator` });
    platform.state.failNext(
      { kind: 'network' },
      { path: `/api/products/${productId}/configurator` },
    );

    await expect(platform.client().configurator.load(productId)).resolves.toMatchObject({
      id: productId,
    });
    expect(loads()).toHaveLength(3);
  });

  it.each([
    ['a 404', { status: 404 }],
    ['a 401', { status: 401, body: { code: 'token_revoked', message: 'x' } }],
    ['a 429', { kind: 'rate-limit' as const, retryAfter: 1 }],
  ])('never retries %s', async (_, fault) => {
    platform.state.failNext(fault, { path: `/api/products/${productId}/configurator` });

    await expect(platform.client().configurator.load(productId)).rejects.toBeDefined();
    expect(loads()).toHaveLength(1);
  });

  it('keeps no failed load in memory', async () => {
    const client = platform.client();
    platform.state.failNext({ status: 404 }, { path: `/api/products/${productId}/configurator` });

    await expect(client.configurator.load(productId)).rejects.toBeDefined();
    await expect(client.configurator.load(productId)).resolves.toMatchObject({ id: productId });
  });
});

describe('configurations.get', () => {
  it('reads a saved configuration by its short id and by its id', async () => {
    const client = platform.client();
    const definition = await client.configurator.load(productId);
    const saved = await client.configurations.save({
      productId,
      productVersion: definition.version,
      variant: { wood: 'walnut' },
    });

    await expect(client.configurations.get(saved.shortId)).resolves.toMatchObject({
      id: saved.id,
      variant: expect.objectContaining({ wood: 'walnut' }),
    });
    await expect(client.configurations.get(saved.id)).resolves.toMatchObject({ id: saved.id });
  });

  it('gives NotFoundError for a short id nobody saved', async () => {
    await expect(platform.client().configurations.get('Nobody123')).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });
});
