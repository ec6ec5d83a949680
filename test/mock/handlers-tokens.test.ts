// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { SEED } from '../../src/mock/seed';
import { UUID, type TokenRecord } from '../../src/platform/types';
import { LOCAL_PAGE, call, useMockPlatform } from './support';

const { state } = useMockPlatform();

function asServer(path: string, method = 'GET', body?: unknown) {
  return call(path, { method, token: SEED.privateToken, ...(body === undefined ? {} : { body }) });
}

describe('GET /api/accesstokens', () => {
  it("lists the organization's tokens, revoked ones included, and no other organization's", async () => {
    const response = await asServer('/api/accesstokens');
    const { tokens } = (await response.json()) as { tokens: TokenRecord[] };

    expect(response.status).toBe(200);
    expect(tokens.map((token) => token.id).sort()).toEqual(
      [SEED.privateToken, SEED.demoToken, SEED.otherPublicToken, SEED.revokedToken].sort(),
    );
    expect(tokens.find((token) => token.id === SEED.demoToken)).toEqual({
      id: SEED.demoToken,
      name: 'Storefront demo',
      kind: 'public',
      domains: ['localhost', 'shop.example.test', '*.brand.example.test'],
      createdAt: expect.any(String) as unknown,
      revokedAt: null,
    });
  });

  it('refuses a private token from a page', async () => {
    const response = await call('/api/accesstokens', {
      token: SEED.privateToken,
      origin: LOCAL_PAGE,
    });

    expect(await response.json()).toMatchObject({ code: 'private_token_in_browser' });
  });
});

describe('POST /api/accesstokens', () => {
  it('creates a token that works at once from its domains', async () => {
    const response = await asServer('/api/accesstokens', 'POST', {
      name: 'Spring campaign',
      kind: 'public',
      domains: ['campaign.example.test', 'http://localhost:5173'],
    });
    const created = (await response.json()) as TokenRecord;
    const load = await call(`/api/products/${SEED.products.table}/configurator`, {
      token: created.id,
      origin: 'https://campaign.example.test',
    });

    expect(response.status).toBe(201);
    expect(created).toEqual({
      id: expect.stringMatching(UUID) as unknown,
      name: 'Spring campaign',
      kind: 'public',
      domains: ['campaign.example.test', 'http://localhost:5173'],
      createdAt: expect.any(String) as unknown,
      revokedAt: null,
    });
    expect(load.status).toBe(200);
  });

  it.each([
    ['a path', 'shop.example.test/checkout'],
    ['a bare wildcard', '*'],
    ['an empty entry', ''],
  ])('refuses a domain entry with %s as 422 invalid_domain naming it', async (_name, entry) => {
    const response = await asServer('/api/accesstokens', 'POST', {
      name: 'bad',
      kind: 'public',
      domains: ['shop.example.test', entry],
    });

    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: 'invalid_domain', entry });
    expect(state.tokens(SEED.orgId)).toHaveLength(4);
  });

  it.each([
    ['no name', { kind: 'public', domains: [] }, 'invalid_request'],
    ['an unknown kind', { name: 'x', kind: 'secret', domains: [] }, 'invalid_request'],
    [
      'domains that are no list',
      { name: 'x', kind: 'public', domains: 'localhost' },
      'invalid_request',
    ],
    [
      'a private token with domains',
      { name: 'x', kind: 'private', domains: ['localhost'] },
      'invalid_domain',
    ],
  ])('refuses %s with 422 %s', async (_name, body, code) => {
    const response = await asServer('/api/accesstokens', 'POST', body);

    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code });
  });

  it('refuses a body over 64 KiB with a 413 payload_too_large', async () => {
    const response = await asServer('/api/accesstokens', 'POST', {
      name: 'Huge',
      kind: 'public',
      domains: Array.from({ length: 5000 }, (_, index) => `shop${index}.example.test`),
    });

    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'payload_too_large', maxBytes: 65_536 });
  });
});

describe('DELETE /api/accesstokens/{id}', () => {
  it('revokes the token, which is refused from the next request on', async () => {
    const response = await asServer(`/api/accesstokens/${SEED.demoToken}`, 'DELETE');
    const load = await call(`/api/products/${SEED.products.table}/configurator`, {
      token: SEED.demoToken,
      origin: LOCAL_PAGE,
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      id: SEED.demoToken,
      revokedAt: expect.any(String) as unknown,
    });
    expect(await load.json()).toMatchObject({ code: 'token_revoked' });
  });

  it('keeps the first revocation time when revoked again', async () => {
    const response = await asServer(`/api/accesstokens/${SEED.revokedToken}`, 'DELETE');

    expect(await response.json()).toMatchObject({ revokedAt: '2025-01-10T17:45:00.000Z' });
  });

  it.each([
    ['an unknown token', '7c1e0d2b-9a8f-4e3d-8c2b-1a0f9e8d7c6b'],
    ["another organization's token", SEED.otherOrg.publicToken],
    ['an id that is no UUID', 'demo'],
  ])('answers 404 for %s', async (_name, id) => {
    const response = await asServer(`/api/accesstokens/${id}`, 'DELETE');

    expect(response.status).toBe(404);
    expect(state.findToken(SEED.otherOrg.publicToken)?.revokedAt).toBeNull();
  });

  it('refuses a public token with 403 permission_denied', async () => {
    const response = await call(`/api/accesstokens/${SEED.otherPublicToken}`, {
      method: 'DELETE',
      token: SEED.demoToken,
      origin: LOCAL_PAGE,
    });

    expect(await response.json()).toMatchObject({ code: 'permission_denied' });
    expect(state.findToken(SEED.otherPublicToken)?.revokedAt).toBeNull();
  });
});
