// @vitest-environment-options {"url": "http://localhost:3000/"}
import { describe, expect, it } from 'vitest';

import { SEED } from '../../src/mock/seed';
import { usePlatform } from '../support/platform';

const platform = usePlatform();
const productId = SEED.products.table;

async function doTheThreeCalls(): Promise<void> {
  const client = platform.client();
  const definition = await client.configurator.load(productId);
  await client.configurations.save({
    productId,
    productVersion: definition.version,
    variant: {},
  });
  client.analytics.track('add_to_cart', { quantity: 1 });
  await client.analytics.flush();
}

describe('the Authorization header', () => {
  it('carries the Bearer token on load, save and analytics, and on nothing else', async () => {
    await doTheThreeCalls();

    const seen = platform.state.requests.map((request) => ({
      call: `${request.method} ${request.path}`,
      authorization: request.authorization,
    }));
    const bearer = `Bearer ${SEED.demoToken}`;

    expect(seen).toEqual([
      { call: `OPTIONS /api/products/${productId}/configurator`, authorization: null },
      { call: `GET /api/products/${productId}/configurator`, authorization: bearer },
      { call: 'OPTIONS /api/configurations', authorization: null },
      { call: 'POST /api/configurations', authorization: bearer },
      { call: 'OPTIONS /api/analytics/events', authorization: null },
      { call: 'POST /api/analytics/events', authorization: bearer },
    ]);
  });

  it('leaves the health check that follows a refused request without a token', async () => {
    const client = platform.client({ token: SEED.otherPublicToken });

    await expect(client.configurator.load(productId)).rejects.toMatchObject({ name: 'CorsError' });

    const health = platform.state.requests.filter((request) => request.path === '/api/health');
    expect(health).toHaveLength(1);
    expect(health[0]?.authorization).toBeNull();
  });

  it('never puts the token in a URL, whatever the call', async () => {
    await doTheThreeCalls();

    for (const request of platform.state.requests) {
      expect(request.url).not.toContain(SEED.demoToken);
    }
  });

  it('sends requests without cookies or other credentials', async () => {
    document.cookie = 'session=shopper-cookie';

    await doTheThreeCalls();

    for (const request of platform.state.requests) {
      expect(request.headers['cookie']).toBeUndefined();
    }
  });
});
