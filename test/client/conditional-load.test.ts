// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createClient } from '../../src/index';
import { SEED } from '../../src/mock/seed';
import { startPlatformServer } from '../../src/mock/server';

// Outside a page there is no HTTP cache and no CORS: the SDK revalidates a configurator itself,
// with If-None-Match, against the real HTTP mock platform. A public token needs an Origin, which
// only a page sends, so this client runs with the organization's private token, as a server would.
let platform: Awaited<ReturnType<typeof startPlatformServer>>;

beforeAll(async () => {
  platform = await startPlatformServer({ port: 0 });
});
afterAll(() => platform.close());

describe('configurator.load outside a page', () => {
  it('revalidates with If-None-Match and reuses its copy on a 304', async () => {
    const client = createClient({
      token: SEED.privateToken,
      apiUrl: platform.url,
      cacheMaxAge: 0,
    });
    const path = `/api/products/${SEED.products.lamp}/configurator`;

    const first = await client.configurator.load(SEED.products.lamp);
    const second = await client.configurator.load(SEED.products.lamp);

    const seen = platform.state.requests.filter((request) => request.path === path);
    expect(seen.map((request) => request.status)).toEqual([200, 304]);
    expect(seen[1]?.headers['if-none-match']).toMatch(/.+/);
    expect(second).toBe(first);
  });
});
