import { http, HttpResponse, delay } from 'msw';
import { describe, expect, it, vi } from 'vitest';

import { SEED } from '../../src/mock/seed';
import { API_URL, usePlatform } from '../support/platform';

const platform = usePlatform();
const productId = SEED.products.table;

/** Everything of an error a page could log or send to an error tracker. */
function everythingShown(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;

  while (current !== undefined && current !== null) {
    const err = current as Error & Record<string, unknown>;
    parts.push(String(err), String(err.stack), JSON.stringify(err), JSON.stringify({ ...err }));
    current = err.cause;
  }

  return parts.join('\n');
}

describe('the token', () => {
  it.each([
    [
      'a 401',
      () => platform.state.failNext({ status: 401, body: { code: 'token_invalid', message: 'x' } }),
    ],
    [
      'a 403',
      () =>
        platform.state.failNext({ status: 403, body: { code: 'permission_denied', message: 'x' } }),
    ],
    [
      'a 500',
      () => platform.state.failNext({ status: 500, body: { code: 'internal', message: 'x' } }),
    ],
    ['a 429', () => platform.state.failNext({ kind: 'rate-limit', retryAfter: 3 })],
    ['a dropped connection', () => platform.state.setDown(true)],
  ])('appears in no part of the error after %s', async (_, fault) => {
    fault();

    const error = await platform
      .client()
      .configurator.load(productId)
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name: expect.any(String) });
    expect(everythingShown(error)).not.toContain(SEED.demoToken);
  });

  it('appears in no part of a TimeoutError', async () => {
    platform.server.use(
      http.get(`${API_URL}/api/products/:id/configurator`, async () => {
        await delay(1000);
        return HttpResponse.json({});
      }),
    );

    const error = await platform
      .client({ timeout: 20 })
      .configurator.load(productId)
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'TimeoutError' });
    expect(everythingShown(error)).not.toContain(SEED.demoToken);
  });

  it('appears in no part of a ResponseError whose unexpected body echoes it', async () => {
    platform.server.use(
      http.get(`${API_URL}/api/products/:id/configurator`, ({ request }) =>
        HttpResponse.json(
          { echoed: request.headers.get('authorization'), [SEED.demoToken]: 'as a key' },
          { headers: { 'access-control-allow-origin': '*' } },
        ),
      ),
    );

    const error = await platform
      .client()
      .configurator.load(productId)
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'ResponseError', status: 200 });
    expect((error as { body: { echoed: string } }).body.echoed).toMatch(/^Bearer /);
    expect(everythingShown(error)).not.toContain(SEED.demoToken);
  });

  it('appears in no part of a CorsError', async () => {
    const error = await platform
      .client({ token: SEED.otherPublicToken })
      .configurator.load(productId)
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'CorsError' });
    expect(everythingShown(error)).not.toContain(SEED.otherPublicToken);
  });

  it('is not readable from the client object', () => {
    const client = platform.client();

    expect(JSON.stringify(client)).not.toContain(SEED.demoToken);
    expect(Object.values(client).map(String).join()).not.toContain(SEED.demoToken);
  });

  it('is never written to the console', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level),
    );
    platform.state.failNext({ status: 500, body: { code: 'internal', message: 'x' } });

    await platform
      .client()
      .configurator.load(productId)
      .catch(() => undefined);

    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});
