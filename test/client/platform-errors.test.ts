import { http, HttpResponse, delay } from 'msw';
import { describe, expect, it } from 'vitest';

import { SEED } from '../../src/mock/seed';
import { API_URL, usePlatform } from '../support/platform';

const platform = usePlatform();
const productId = SEED.products.table;

/** An attribute of a definition as JSON, to spoil in a test. */
type Attribute = Record<string, unknown> & { options: Array<Record<string, unknown>> };

const toggle = (attributes: Attribute[]) => attributes.find((a) => a['type'] === 'toggle')!;
const text = (attributes: Attribute[]) => attributes.find((a) => a['type'] === 'text')!;

describe('errors from the platform', () => {
  it.each([
    [401, 'token_missing', 'AuthError', 'token_missing'],
    [401, 'token_invalid', 'AuthError', 'token_invalid'],
    [401, 'token_revoked', 'AuthError', 'token_revoked'],
    [403, 'permission_denied', 'PermissionError', 'permission_denied'],
    [403, 'private_token_in_browser', 'PrivateTokenError', 'private_token_in_browser'],
    [404, 'not_found', 'NotFoundError', 'not_found'],
    [413, 'payload_too_large', 'ValidationError', 'payload_too_large'],
    [422, 'invalid_configuration', 'ValidationError', 'invalid_configuration'],
    [429, 'rate_limited', 'RateLimitError', 'rate_limited'],
    [500, 'internal', 'ServerError', 'internal'],
    [503, 'unavailable', 'ServerError', 'unavailable'],
    [502, 'bad_gateway', 'ServerError', 'server_error'],
    [409, 'conflict', 'ResponseError', 'unexpected_response'],
  ])('turns a %i %s answer into %s with code %s', async (status, platformCode, name, code) => {
    // Three times, since a read retries a server failure twice before giving up.
    for (let i = 0; i < 3; i += 1) {
      platform.state.failNext({
        status,
        body: { code: platformCode, message: 'from the platform' },
      });
    }

    const error = await platform
      .client()
      .configurator.load(productId)
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name, code, status, platformCode });
    expect((error as { requestId?: string }).requestId).toMatch(/.+/);
    expect((error as Error).message).toContain((error as { requestId: string }).requestId);
  });

  it('gives AuthError token_revoked to a token revoked between two calls', async () => {
    const client = platform.client({ cacheMaxAge: 0 });
    await client.configurator.load(productId);

    platform.state.revokeToken(SEED.demoToken);

    await expect(client.configurator.load(productId)).rejects.toMatchObject({
      name: 'AuthError',
      code: 'token_revoked',
      status: 401,
    });
  });

  it('gives PrivateTokenError to a private token used in a browser', async () => {
    const client = platform.client({ token: SEED.privateToken });

    await expect(client.configurator.load(productId)).rejects.toMatchObject({
      name: 'PrivateTokenError',
      code: 'private_token_in_browser',
      status: 403,
    });
  });

  it('gives AuthError token_invalid to a token the platform does not know', async () => {
    const client = platform.client({ token: '00000000-0000-4000-8000-000000000000' });

    await expect(client.configurator.load(productId)).rejects.toMatchObject({
      name: 'AuthError',
      code: 'token_invalid',
    });
  });

  it('gives NotFoundError to a product the platform does not have', async () => {
    await expect(
      platform.client().configurator.load('11111111-1111-4111-8111-111111111111'),
    ).rejects.toMatchObject({ name: 'NotFoundError', status: 404 });
  });

  it('gives ValidationError with the per-attribute problems of a variant the platform refuses', async () => {
    const client = platform.client();
    const definition = await client.configurator.load(productId);
    platform.state.failNext(
      {
        status: 422,
        body: {
          code: 'invalid_configuration',
          message: 'The variant does not fit.',
          errors: [{ key: 'wood', message: 'is sold out' }],
        },
      },
      { method: 'POST' },
    );

    const error = await client.configurations
      .save({ productId, productVersion: definition.version, variant: {} })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({
      name: 'ValidationError',
      code: 'invalid_configuration',
      status: 422,
      errors: [{ key: 'wood', message: 'is sold out' }],
    });
  });

  it('gives RateLimitError with retryAfter in seconds', async () => {
    platform.state.failNext({ kind: 'rate-limit', retryAfter: 7 });

    await expect(platform.client().configurator.load(productId)).rejects.toMatchObject({
      name: 'RateLimitError',
      retryAfter: 7,
      status: 429,
    });
  });

  it('gives TimeoutError when the platform does not answer in time', async () => {
    platform.server.use(
      http.get(`${API_URL}/api/products/:id/configurator`, async () => {
        await delay(2000);
        return HttpResponse.json({}, { headers: { 'access-control-allow-origin': '*' } });
      }),
    );

    await expect(
      platform.client({ timeout: 50 }).configurator.load(productId),
    ).rejects.toMatchObject({ name: 'TimeoutError', code: 'timeout', timeout: 50 });
  });

  it.each([
    ['malformed JSON', '{"id": ', 'application/json'],
    ['an HTML error page from a proxy', '<html><body>Bad gateway</body></html>', 'text/html'],
    ['an empty body', '', 'application/json'],
    ['a body of the wrong shape', '{"id": 7, "attributes": "none"}', 'application/json'],
  ])('gives ResponseError for a 200 with %s', async (_, body, type) => {
    platform.server.use(
      http.get(
        `${API_URL}/api/products/:id/configurator`,
        () =>
          new HttpResponse(body, {
            headers: {
              'content-type': type,
              'access-control-allow-origin': '*',
              'access-control-expose-headers': 'x-request-id',
              'x-request-id': 'req-7',
            },
          }),
      ),
    );

    await expect(platform.client().configurator.load(productId)).rejects.toMatchObject({
      name: 'ResponseError',
      code: 'unexpected_response',
      status: 200,
      requestId: 'req-7',
    });
  });

  it.each([
    ['an option price given as text', (a: Attribute[]) => (a[0]!['options'][0]!['price'] = '10')],
    ['a toggle price given as text', (a: Attribute[]) => (toggle(a)['price'] = '240')],
    ['a text default that is not text', (a: Attribute[]) => (text(a)['default'] = null)],
  ])('gives ResponseError for a configurator with %s', async (_, spoil) => {
    const chair = structuredClone(platform.state.findProduct(SEED.orgId, SEED.products.chair));
    spoil((chair as unknown as { attributes: Attribute[] }).attributes);
    platform.server.use(
      http.get(`${API_URL}/api/products/:id/configurator`, () =>
        HttpResponse.json(chair, { headers: { 'access-control-allow-origin': '*' } }),
      ),
    );

    await expect(platform.client().configurator.load(SEED.products.chair)).rejects.toMatchObject({
      name: 'ResponseError',
      code: 'unexpected_response',
      status: 200,
    });
  });

  it('refuses a configuration id that is neither a UUID nor a short id without a request', async () => {
    for (const id of ['..', 'a/b', 'x', '../../accesstokens', '']) {
      await expect(platform.client().configurations.get(id)).rejects.toMatchObject({
        name: 'ValidationError',
        code: 'invalid_argument',
      });
    }

    expect(platform.state.requests).toEqual([]);
  });

  it('refuses a product id that is not a UUID without a request', async () => {
    await expect(platform.client().configurator.load('../accesstokens')).rejects.toMatchObject({
      name: 'ValidationError',
      code: 'invalid_argument',
    });

    expect(platform.state.requests).toEqual([]);
  });

  it('refuses a save whose data cannot be sent as JSON without a request', async () => {
    const metadata: Record<string, unknown> = {};
    metadata['self'] = metadata;

    await expect(
      platform
        .client()
        .configurations.save({ productId, productVersion: '1', variant: {}, metadata }),
    ).rejects.toMatchObject({ name: 'ValidationError', code: 'invalid_argument' });

    expect(platform.state.requests).toEqual([]);
  });
});
