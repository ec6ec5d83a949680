// An integrator's own test, as the README shows it: the retailer's code under test talks to the
// mock platform through the package's public entries, exactly as an app that installed it would.
// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://shop.example.test/"}
import { createClient } from 'configurator-embed';
import {
  SEED,
  createBrowserFetch,
  createPlatformHandlers,
  createPlatformState,
} from 'configurator-embed/mock';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';

const API_URL = 'https://api.configurator.test';
const platform = createPlatformState();
const server = setupServer(...createPlatformHandlers(platform, { baseUrl: API_URL }));

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => platform.reset());
afterAll(() => server.close());

/** The retailer's own code: save what the shopper chose and answer the share code. */
async function saveChoice(client: ReturnType<typeof createClient>, wood: string) {
  const configurator = await client.configurator.load(SEED.products.table);
  const saved = await client.configurations.save({
    productId: configurator.id,
    productVersion: configurator.version,
    variant: { wood },
  });

  return saved.shortId;
}

it('saves the shopper choice on the platform', async () => {
  const client = createClient({
    token: SEED.demoToken,
    apiUrl: API_URL,
    fetch: createBrowserFetch(),
  });

  const shortId = await saveChoice(client, 'walnut');

  expect(platform.configurations()).toMatchObject([{ shortId, variant: { wood: 'walnut' } }]);
  await client.destroy();
});

it('shows a CorsError when the shop is not on the token list', async () => {
  const token = platform.createToken({
    name: 'other shop',
    kind: 'public',
    domains: ['other.test'],
  });
  const client = createClient({ token: token.id, apiUrl: API_URL, fetch: createBrowserFetch() });

  await expect(saveChoice(client, 'walnut')).rejects.toMatchObject({
    name: 'CorsError',
    origin: 'https://shop.example.test',
  });
  expect(platform.configurations()).toEqual([]);
  await client.destroy();
});
