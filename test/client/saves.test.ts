import { delay, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';

import { SEED } from '../../src/mock/seed';
import { API_URL, usePlatform } from '../support/platform';

const platform = usePlatform();
const productId = SEED.products.table;

const posts = () =>
  platform.state.requests.filter(
    (request) => request.method === 'POST' && request.path === '/api/configurations',
  );

async function input(client: ReturnType<typeof platform.client>) {
  const definition = await client.configurator.load(productId);

  return { productId, productVersion: definition.version, variant: {} };
}

describe('configurations.save', () => {
  it('holds one configuration and answers its short id when the first answer is lost', async () => {
    const client = platform.client();
    const save = await input(client);
    platform.state.failNext({ kind: 'network', afterHandling: true }, { method: 'POST' });

    const saved = await client.configurations.save(save);

    expect(saved.shortId).toMatch(/^[A-Za-z0-9_-]{7,14}$/);
    expect(platform.state.configurations()).toHaveLength(1);
    expect(platform.state.configurations()[0]?.shortId).toBe(saved.shortId);
    expect(posts()).toHaveLength(2);
  });

  it('sends the same Idempotency-Key on every retry of one save', async () => {
    const client = platform.client();
    const save = await input(client);
    platform.state.failNext({ status: 503 }, { method: 'POST' });
    platform.state.failNext({ kind: 'network', afterHandling: true }, { method: 'POST' });

    await client.configurations.save(save);

    const keys = posts().map((request) => request.headers['idempotency-key']);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(platform.state.configurations()).toHaveLength(1);
  });

  it('gives each logical save its own key', async () => {
    const client = platform.client();
    const save = await input(client);

    await client.configurations.save(save);
    await client.configurations.save(save);

    const keys = posts().map((request) => request.headers['idempotency-key']);
    expect(new Set(keys).size).toBe(2);
    expect(platform.state.configurations()).toHaveLength(2);
  });

  it('sends a key the caller gives, and the platform replays the first save for it', async () => {
    const client = platform.client();
    const save = await input(client);

    const first = await client.configurations.save(save, { idempotencyKey: 'cart-42-save' });
    const again = await client.configurations.save(save, { idempotencyKey: 'cart-42-save' });

    expect(again.id).toBe(first.id);
    expect(platform.state.configurations()).toHaveLength(1);
  });

  it('gives ValidationError idempotency_key_reused for a key reused with another variant', async () => {
    const client = platform.client();
    const save = await input(client);
    await client.configurations.save(save, { idempotencyKey: 'k-1' });

    await expect(
      client.configurations.save(
        { ...save, variant: { extensionLeaf: true } },
        { idempotencyKey: 'k-1' },
      ),
    ).rejects.toMatchObject({ name: 'ValidationError', code: 'idempotency_key_reused' });
  });

  it('retries after a timeout when the platform stored the save late, and holds one', async () => {
    const client = platform.client({ timeout: 100 });
    const save = await input(client);
    let slowed = false;
    platform.server.use(
      http.post(`${API_URL}/api/configurations`, async () => {
        if (slowed) return undefined;

        // The first attempt reaches the platform only after the client gave up on it.
        slowed = true;
        await delay(300);
        return undefined;
      }),
    );

    const saved = await client.configurations.save(save);
    await vi.waitFor(() => expect(posts()).toHaveLength(2));

    expect(platform.state.configurations()).toHaveLength(1);
    expect(platform.state.configurations()[0]?.id).toBe(saved.id);
  });

  it.each([
    ['a 5xx three times', 'ServerError', () => ({ status: 500 })],
    ['a dropped connection three times', 'NetworkError', () => ({ kind: 'network' as const })],
  ])('gives up after two retries of %s', async (_, name, fault) => {
    const client = platform.client();
    const save = await input(client);
    for (let i = 0; i < 3; i += 1) platform.state.failNext(fault(), { method: 'POST' });

    await expect(client.configurations.save(save)).rejects.toMatchObject({ name });
    expect(posts()).toHaveLength(3);
  });

  it.each([
    ['a 422', { status: 422, body: { code: 'invalid_configuration', message: 'no' } }],
    ['a 429', { kind: 'rate-limit' as const, retryAfter: 2 }],
    ['a 401', { status: 401, body: { code: 'token_revoked', message: 'revoked' } }],
  ])('never retries %s', async (_, fault) => {
    const client = platform.client();
    const save = await input(client);
    platform.state.failNext(fault, { method: 'POST' });

    await expect(client.configurations.save(save)).rejects.toBeDefined();
    expect(posts()).toHaveLength(1);
  });

  it('never retries a CorsError', async () => {
    const client = platform.client({ token: SEED.otherPublicToken });

    await expect(
      client.configurations.save({ productId, productVersion: '3.1.0', variant: {} }),
    ).rejects.toMatchObject({ name: 'CorsError' });

    expect(posts()).toHaveLength(0);
    expect(platform.state.configurations()).toEqual([]);
  });

  it.each([
    ['an unknown key', { colour: 'red' }, 'colour'],
    ['a value that is not an option', { wood: 'teak' }, 'wood'],
    ['a number out of range', { length: 9999 }, 'length'],
    ['a number off its step', { length: 190 }, 'length'],
    ['a wrong type', { extensionLeaf: 'yes' }, 'extensionLeaf'],
  ])('refuses %s before sending, listing the attribute', async (_, variant, key) => {
    const client = platform.client();
    const save = await input(client);

    const error = await client.configurations.save({ ...save, variant }).catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'ValidationError', code: 'invalid_configuration' });
    expect((error as { errors: { key: string }[] }).errors.map((e) => e.key)).toContain(key);
    expect((error as { status?: number }).status).toBeUndefined();
    expect(posts()).toHaveLength(0);
  });

  it('lists every problem of a variant at once', async () => {
    const client = platform.client();
    const save = await input(client);

    const error = await client.configurations
      .save({ ...save, variant: { wood: 'teak', length: 9999, nope: 1 } })
      .catch((e: unknown) => e);

    const keys = (error as { errors: { key: string }[] }).errors.map((e) => e.key);
    expect(keys).toEqual(expect.arrayContaining(['wood', 'length', 'nope']));
  });

  it('refuses a malformed idempotency key without a request', async () => {
    const client = platform.client();
    const save = await input(client);

    await expect(
      client.configurations.save(save, { idempotencyKey: 'has space' }),
    ).rejects.toMatchObject({ name: 'UsageError', code: 'invalid_option' });
    expect(posts()).toHaveLength(0);
  });

  it('gives ResponseError with the status and request id for a 200 where a 201 was expected', async () => {
    const client = platform.client();
    const save = await input(client);
    platform.state.failNext(
      { status: 200, body: { id: 'x', shortId: 'Ab3dE5gH1k' } },
      { method: 'POST' },
    );

    const error = await client.configurations.save(save).catch((e: unknown) => e);

    expect(error).toMatchObject({
      name: 'ResponseError',
      code: 'unexpected_response',
      status: 200,
    });
    expect((error as { requestId?: string }).requestId).toMatch(/.+/);
  });
});

describe('what a save sends', () => {
  it('sends only the fields the platform takes, so an extra one (even a BigInt) is left out', async () => {
    const client = platform.client();
    const save = await input(client);
    const bodies: string[] = [];
    const listener = ({ request }: { request: Request }) => {
      if (request.method === 'POST')
        void request
          .clone()
          .text()
          .then((text) => bodies.push(text));
    };
    platform.server.events.on('request:start', listener);

    const saved = await client.configurations
      .save({ ...save, metadata: { cart: 'c-1' }, extra: 1n } as typeof save)
      .finally(() => platform.server.events.removeListener('request:start', listener));

    expect(saved.productId).toBe(productId);
    expect(bodies.map((body) => Object.keys(JSON.parse(body) as object).sort())).toEqual([
      ['metadata', 'productId', 'productVersion', 'variant'],
    ]);
  });
});
