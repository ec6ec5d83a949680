// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { SEED } from '../../src/mock/seed';
import type { ConfiguratorDefinition } from '../../src/platform/types';
import { LOCAL_PAGE, call, corsOf, readableBy, useMockPlatform } from './support';

const { state } = useMockPlatform();

function load(productId: string, headers: Record<string, string> = {}, origin = LOCAL_PAGE) {
  return call(`/api/products/${productId}/configurator`, {
    token: SEED.demoToken,
    origin,
    headers,
  });
}

describe('GET /api/products/{productId}/configurator', () => {
  it('answers the configurator, readable by an allowed page, with an ETag', async () => {
    const response = await load(SEED.products.chair);
    const body = (await response.json()) as ConfiguratorDefinition;

    expect(response.status).toBe(200);
    expect(body).toEqual(state.findProduct(SEED.orgId, SEED.products.chair));
    expect(body).toMatchObject({ id: SEED.products.chair, currency: 'USD', version: '1.4.0' });
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{8}"$/);
    expect(corsOf(response)).toEqual(readableBy(LOCAL_PAGE));
  });

  it.each([
    ['the listed host', 'https://shop.example.test'],
    ['a subdomain under the wildcard', 'https://eu.brand.example.test'],
    ['a deeper subdomain under the wildcard', 'https://a.b.brand.example.test'],
    ['localhost over https on another port', 'https://localhost:8443'],
  ])('serves the demo token on %s', async (_name, origin) => {
    const response = await load(SEED.products.table, {}, origin);

    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
  });

  it.each([
    ['the exact tag', (etag: string) => etag],
    ['the weak form of the tag', (etag: string) => `W/${etag}`],
    ['a list holding the tag', (etag: string) => `"other", ${etag}`],
    ['*', () => '*'],
  ])('answers 304 without a body to If-None-Match with %s', async (_name, tagFor) => {
    const first = await load(SEED.products.lamp);
    const etag = first.headers.get('etag') ?? '';

    const second = await load(SEED.products.lamp, { 'if-none-match': tagFor(etag) });

    expect(second.status).toBe(304);
    expect(second.headers.get('etag')).toBe(etag);
    expect(await second.text()).toBe('');
    expect(second.headers.get('access-control-allow-origin')).toBe(LOCAL_PAGE);
  });

  it('answers 200 to If-None-Match with a stale tag', async () => {
    const response = await load(SEED.products.lamp, { 'if-none-match': '"00000000"' });

    expect(response.status).toBe(200);
  });

  it('changes the ETag when the configurator changes', async () => {
    const before = (await load(SEED.products.lamp)).headers.get('etag');
    const definition = state.findProduct(SEED.orgId, SEED.products.lamp);
    state.putProduct({ ...definition!, version: '2.1.0' });

    const after = await load(SEED.products.lamp, { 'if-none-match': before ?? '' });

    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);
  });

  it.each([
    ['an unknown product', 'd2b7a3f0-0c8e-4b8e-9a36-5e0d7c4b1a99'],
    ['a product id that is no UUID', 'table'],
    ["another organization's product", SEED.otherOrg.products.floorLamp],
  ])('answers 404 not_found for %s', async (_name, productId) => {
    const response = await load(productId);

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'not_found' });
  });

  it("serves the other organization's product to that organization's token", async () => {
    const response = await call(`/api/products/${SEED.otherOrg.products.floorLamp}/configurator`, {
      token: SEED.otherOrg.publicToken,
      origin: LOCAL_PAGE,
    });

    expect(response.status).toBe(200);
  });
});
