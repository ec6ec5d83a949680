// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { SEED } from '../../src/mock/seed';
import { SHORT_ID, UUID, type Configuration } from '../../src/platform/types';
import { LOCAL_PAGE, LOOPBACK_PAGE, call, useMockPlatform, type Call } from './support';

let clock = new Date('2025-05-01T10:00:00.000Z');
const { state } = useMockPlatform({ now: () => clock });

const chairSave = {
  productId: SEED.products.chair,
  productVersion: '1.4.0',
  variant: { upholstery: 'forest', frame: 'walnut', engraving: 'For Ada' },
};

function save(body: unknown, extra: Partial<Call> = {}) {
  return call('/api/configurations', {
    method: 'POST',
    token: SEED.demoToken,
    origin: LOCAL_PAGE,
    body,
    ...extra,
  });
}

describe('POST /api/configurations', () => {
  it('answers 201 with the full record, storing the effective variant', async () => {
    const response = await save(chairSave);
    const record = (await response.json()) as Configuration;

    expect(response.status).toBe(201);
    expect(record).toEqual({
      id: expect.stringMatching(UUID) as unknown,
      shortId: expect.stringMatching(SHORT_ID) as unknown,
      orgId: SEED.orgId,
      productId: SEED.products.chair,
      productVersion: '1.4.0',
      variant: { upholstery: 'forest', frame: 'walnut', armrests: true, engraving: 'For Ada' },
      metadata: null,
      customerId: null,
      createdAt: '2025-05-01T10:00:00.000Z',
    });
    expect(state.configurations()).toEqual([record]);
  });

  it('keeps metadata and customerId', async () => {
    const response = await save({ ...chairSave, metadata: { cart: 'c-1' }, customerId: 'cust-9' });

    expect(await response.json()).toMatchObject({
      metadata: { cart: 'c-1' },
      customerId: 'cust-9',
    });
  });

  it('gives every save its own short id', async () => {
    const records = await Promise.all(
      Array.from(
        { length: 25 },
        async () => (await save(chairSave)).json() as Promise<Configuration>,
      ),
    );

    expect(new Set(records.map((record) => record.shortId)).size).toBe(25);
  });

  it('lists every problem of a variant in a 422 invalid_configuration', async () => {
    const response = await save({
      ...chairSave,
      variant: { upholstery: 'terracotta', frame: 'walnut', engraving: 'x'.repeat(25), legs: 4 },
    });
    const body = (await response.json()) as { code: string; errors: Array<{ key: string }> };

    expect(response.status).toBe(422);
    expect(body.code).toBe('invalid_configuration');
    expect(body.errors.map((error) => error.key).sort()).toEqual([
      'engraving',
      'legs',
      'upholstery',
    ]);
    expect(response.headers.get('access-control-allow-origin')).toBe(LOCAL_PAGE);
    expect(state.configurations()).toEqual([]);
  });

  it.each([
    ['a stale product version', { ...chairSave, productVersion: '1.3.0' }, 'productVersion'],
    [
      'an unknown product',
      { ...chairSave, productId: 'b0e3c6a4-77f1-4f0e-9b1d-6c2a9f8e7d10' },
      'productId',
    ],
    [
      "another organization's product",
      { ...chairSave, productId: SEED.otherOrg.products.floorLamp },
      'productId',
    ],
    ['metadata that is no object', { ...chairSave, metadata: [1] }, 'metadata'],
    ['an empty customerId', { ...chairSave, customerId: '' }, 'customerId'],
    ['an unknown field', { ...chairSave, price: 1 }, 'price'],
    ['no variant', { productId: SEED.products.chair, productVersion: '1.4.0' }, 'variant'],
    ['a body that is no object', [chairSave], 'body'],
  ])('refuses %s with a 422 naming %s', async (_name, body, key) => {
    const response = await save(body);

    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      code: 'invalid_configuration',
      errors: [expect.objectContaining({ key }) as unknown],
    });
  });

  it('refuses a body that is not JSON with a 422 invalid_configuration', async () => {
    const response = await save('{"productId":');

    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      code: 'invalid_configuration',
      errors: [{ key: 'body' }],
    });
  });

  it('refuses a body nested deeper than 64 levels with a 422 invalid_configuration', async () => {
    const nested = `${'['.repeat(65)}${']'.repeat(65)}`;
    const response = await save(JSON.stringify(chairSave).replace(/}$/, `,"metadata":${nested}}`));

    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      code: 'invalid_configuration',
      errors: [{ key: 'body' }],
    });
    expect(state.configurations()).toEqual([]);
  });

  it('takes metadata objects nested 63 levels deep, 64 with the body', async () => {
    const nested = `${'{"a":'.repeat(62)}{}${'}'.repeat(62)}`;
    const response = await save(JSON.stringify(chairSave).replace(/}$/, `,"metadata":${nested}}`));

    expect(response.status).toBe(201);
  });

  it('refuses a body over 64 KiB with a 413 payload_too_large, saving nothing', async () => {
    const response = await save({ ...chairSave, metadata: { note: 'x'.repeat(64 * 1024) } });

    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'payload_too_large', maxBytes: 65_536 });
    expect(state.configurations()).toEqual([]);
  });

  it('saves nothing for an origin outside the token list, answering an unreadable 403', async () => {
    const response = await save(chairSave, { origin: LOOPBACK_PAGE });

    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(state.configurations()).toEqual([]);
  });

  it('saves nothing when a fault answers instead', async () => {
    state.failNext({ status: 503 }, { method: 'POST' });

    expect((await save(chairSave)).status).toBe(503);
    expect(state.configurations()).toEqual([]);
  });
});

describe('GET /api/configurations/{id or shortId}', () => {
  it('answers the saved configuration by id and by short id', async () => {
    const saved = (await (await save(chairSave)).json()) as Configuration;

    for (const id of [saved.id, saved.shortId, saved.id.toUpperCase()]) {
      const response = await call(`/api/configurations/${id}`, {
        token: SEED.demoToken,
        origin: LOCAL_PAGE,
      });

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(saved);
    }
  });

  it("answers 404 for an unknown id and for another organization's configuration", async () => {
    const saved = (await (await save(chairSave)).json()) as Configuration;
    const other = await call(`/api/configurations/${saved.shortId}`, {
      token: SEED.otherOrg.publicToken,
      origin: LOCAL_PAGE,
    });
    const unknown = await call('/api/configurations/AbCdEfGhIj', {
      token: SEED.demoToken,
      origin: LOCAL_PAGE,
    });

    expect(other.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'not_found' });
  });
});

describe('an Idempotency-Key', () => {
  const key = { headers: { 'idempotency-key': 'save-7f3c2a' } };

  it('replays the first answer to the same body, saving once', async () => {
    const first = await save(chairSave, key);
    const again = await save(
      { variant: chairSave.variant, productVersion: '1.4.0', productId: SEED.products.chair },
      key,
    );

    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('access-control-expose-headers')).toContain('idempotent-replayed');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(await again.json()).toEqual(await first.json());
    expect(state.configurations()).toHaveLength(1);
  });

  it('saves once when two requests with the same key arrive together', async () => {
    const [a, b] = await Promise.all([save(chairSave, key), save(chairSave, key)]);
    const replayed = [a, b].map((response) => response.headers.get('idempotent-replayed'));

    expect([a.status, b.status]).toEqual([201, 201]);
    expect(replayed.sort()).toEqual(['true', null].sort());
    expect(state.configurations()).toHaveLength(1);
  });

  it('refuses the same key with another body as 422 idempotency_key_reused', async () => {
    await save(chairSave, key);
    const other = await save({ ...chairSave, variant: { frame: 'oak' } }, key);

    expect(other.status).toBe(422);
    expect(await other.json()).toMatchObject({ code: 'idempotency_key_reused' });
    expect(state.configurations()).toHaveLength(1);
  });

  it('is forgotten after 24 hours', async () => {
    await save(chairSave, key);
    clock = new Date(clock.getTime() + 24 * 60 * 60 * 1000);

    const later = await save(chairSave, key);

    expect(later.headers.get('idempotent-replayed')).toBeNull();
    expect(state.configurations()).toHaveLength(2);
  });

  it('belongs to one organization', async () => {
    await save(chairSave, key);
    const other = await save(
      { productId: SEED.otherOrg.products.floorLamp, productVersion: '1.0.0', variant: {} },
      { ...key, token: SEED.otherOrg.publicToken },
    );

    expect(other.status).toBe(201);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
  });

  it('is not spent by a refused save', async () => {
    await save({ ...chairSave, productVersion: '0.9.0' }, key);
    const fixed = await save(chairSave, key);

    expect(fixed.status).toBe(201);
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();
  });

  it('makes a retry safe after an answer lost on its way back', async () => {
    state.failNext({ kind: 'network', afterHandling: true }, { method: 'POST' });

    await expect(save(chairSave, key)).rejects.toThrow(TypeError);
    const retry = await save(chairSave, key);

    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(state.configurations()).toHaveLength(1);
  });

  it.each([
    ['a space', 'two words'],
    ['256 characters', 'k'.repeat(256)],
    ['a non-ASCII character', 'cl\u00e9'],
  ])('refuses a key with %s as 422', async (_name, value) => {
    const response = await save(chairSave, { headers: { 'idempotency-key': value } });

    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ errors: [{ key: 'Idempotency-Key' }] });
  });

  it('takes a key of 255 visible characters', async () => {
    const response = await save(chairSave, { headers: { 'idempotency-key': '~'.repeat(255) } });

    expect(response.status).toBe(201);
  });
});
