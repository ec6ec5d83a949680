import { delay, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';

import { mount, type ClientOptions } from '../../src/index';
import { SEED } from '../../src/mock/seed';
import type { PlatformState } from '../../src/mock/types';
import { API_URL } from '../support/platform';
import { PRODUCTS, host, nextEvent, quietConsole, useEmbedPlatform, written } from './support';

const platform = useEmbedPlatform();

const MISSING_PRODUCT = '00000000-0000-4000-8000-000000000000';
const SET_UP = 'It is not set up for this site yet. Please try again later or contact the shop.';
const AGAIN = 'Please try again in a moment.';

interface Case {
  /** What goes wrong. */
  given: string;
  name: string;
  code: string;
  text: string;
  retry: boolean;
  level: 'error' | 'warn';
  /** What the console says to the site owner, besides the error's own message. */
  hint?: string;
  productId?: string;
  client?: Partial<ClientOptions>;
  arrange?: (state: PlatformState) => void;
}

const CASES: Case[] = [
  {
    given: "a page origin missing from the token's domains",
    name: 'CorsError',
    code: 'origin_not_allowed',
    text: SET_UP,
    retry: false,
    level: 'error',
    hint: "this page's origin is http://localhost:3000; add it to the public token's domain list",
    client: { token: SEED.otherPublicToken },
  },
  {
    given: 'a revoked token',
    name: 'AuthError',
    code: 'token_revoked',
    text: SET_UP,
    retry: false,
    level: 'error',
    hint: 'the token was revoked; create a new public token',
    client: { token: SEED.revokedToken },
  },
  {
    given: 'a private token in the page',
    name: 'PrivateTokenError',
    code: 'private_token_in_browser',
    text: SET_UP,
    retry: false,
    level: 'error',
    hint: 'Revoke it on the platform now and use a public token.',
    client: { token: SEED.privateToken },
  },
  {
    given: 'a call the token may not make',
    name: 'PermissionError',
    code: 'permission_denied',
    text: SET_UP,
    retry: false,
    level: 'error',
    arrange: (state) =>
      state.failNext({ status: 403, body: { code: 'permission_denied', message: 'No.' } }),
  },
  {
    given: 'a product the organization does not have',
    name: 'NotFoundError',
    code: 'not_found',
    text: 'This product is not available.',
    retry: false,
    level: 'error',
    hint: 'check the product id',
    productId: MISSING_PRODUCT,
  },
  {
    given: 'a product id that is not a UUID',
    name: 'ValidationError',
    code: 'invalid_argument',
    text: SET_UP,
    retry: false,
    level: 'error',
    hint: "productId must be the product's UUID.",
    productId: 'dining-table',
  },
  {
    given: 'too many requests',
    name: 'RateLimitError',
    code: 'rate_limited',
    text: 'Too many requests at once. Please try again in 30 seconds.',
    retry: true,
    level: 'warn',
    arrange: (state) => state.failNext({ kind: 'rate-limit', retryAfter: 30 }),
  },
  {
    given: 'a platform that is down',
    name: 'NetworkError',
    code: 'unreachable',
    text: 'It could not be reached. Please check your connection and try again.',
    retry: true,
    level: 'warn',
    arrange: (state) => state.setDown(true),
  },
  {
    given: 'a platform that fails',
    name: 'ServerError',
    code: 'internal',
    text: `Something went wrong on our side. ${AGAIN}`,
    retry: true,
    level: 'warn',
    arrange: (state) => {
      for (let attempt = 0; attempt < 3; attempt += 1) state.failNext({ status: 500 });
    },
  },
  {
    given: "a proxy's HTML page instead of the answer",
    name: 'ResponseError',
    code: 'unexpected_response',
    text: 'Something went wrong. Please try again later.',
    retry: true,
    level: 'error',
    arrange: (state) => state.failNext({ status: 200, body: '<html>Gateway</html>' }),
  },
];

describe('error states', () => {
  it.each(CASES)('shows $name for $given, and details it in the console', async (test) => {
    const console = quietConsole();
    test.arrange?.(platform.state);
    const element = host();
    const failed = nextEvent(element, 'configurator:error');

    const embed = mount(element, {
      client: platform.client(test.client),
      productId: test.productId ?? PRODUCTS.table,
    });
    await embed.ready;

    const alert = element.querySelector('[role=alert]');
    expect(alert?.querySelector('.ce-error-title')?.textContent).toBe(
      'The configurator could not be shown.',
    );
    expect(alert?.querySelector('.ce-error-text')?.textContent).toBe(test.text);
    expect(alert?.querySelector('button')?.textContent === 'Try again').toBe(test.retry);

    const { detail } = await failed;
    expect(detail).toMatchObject({
      phase: 'load',
      error: { name: test.name, code: test.code },
      message: `The configurator could not be shown. ${test.text}`,
    });

    const spy = test.level === 'error' ? console.error : console.warn;
    expect(spy).toHaveBeenCalledTimes(1);
    const line = String(spy.mock.calls[0]?.[0]);
    expect(line).toMatch(
      /^\[configurator-embed\] \w+Error \(\w+\), product [^:]+: Failed to load /,
    );
    expect(line).toContain(`${test.name} (${test.code})`);
    expect(line).toContain((detail.error as Error).message);
    if (test.hint !== undefined) expect(line).toContain(test.hint);

    for (const token of [
      SEED.demoToken,
      SEED.otherPublicToken,
      SEED.revokedToken,
      SEED.privateToken,
    ]) {
      expect(written(console)).not.toContain(token.slice(0, 8));
      expect(document.documentElement.outerHTML).not.toContain(token.slice(0, 8));
    }
  });

  it('shows a TimeoutError when the platform answers too late', async () => {
    quietConsole();
    platform.server.use(
      http.get(`${API_URL}/api/products/:id/configurator`, async () => {
        await delay(500);
      }),
    );

    const embed = mount(host(), {
      client: platform.client({ timeout: 20 }),
      productId: PRODUCTS.table,
    });
    await embed.ready;

    expect(embed.element.querySelector('.ce-error-text')?.textContent).toBe(
      `It took too long to answer. ${AGAIN}`,
    );
  });

  it('tells an offline shopper so', async () => {
    quietConsole();
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);

    const embed = await platform.mountProduct(PRODUCTS.table);

    expect(embed.element.querySelector('.ce-error-text')?.textContent).toBe(
      'You seem to be offline. Please check your connection and try again.',
    );
  });

  it('shows a UsageError from a destroyed client as a set-up problem', async () => {
    const console = quietConsole();
    const client = platform.client();
    await client.destroy();

    const embed = mount(host(), { client, productId: PRODUCTS.table });
    await embed.ready;

    expect(embed.element.querySelector('.ce-error-text')?.textContent).toBe(SET_UP);
    expect(console.error).toHaveBeenCalledWith(
      expect.stringContaining('UsageError (client_destroyed)'),
    );
  });

  it('loads again when the shopper presses Try again', async () => {
    quietConsole();
    platform.state.setDown(true);
    const embed = await platform.mountProduct(PRODUCTS.table);
    const button = embed.element.querySelector('button');
    platform.state.setDown(false);
    const loaded = nextEvent(embed.element, 'configurator:load');

    button?.click();

    expect(embed.element.querySelector('[role=status]')?.textContent).toBe(
      'Loading the configurator…',
    );
    expect(document.activeElement).toBe(embed.element.querySelector('.ce'));
    await loaded;
    expect(embed.element.querySelector('h2')?.textContent).toBe('Fjord Dining Table');
  });

  it("reports a failing save's detail with the phase it failed in", async () => {
    const console = quietConsole();
    const embed = await platform.mountProduct(PRODUCTS.table);
    const failed = nextEvent(embed.element, 'configurator:error');
    platform.state.failNext({ kind: 'rate-limit', retryAfter: 5 }, { method: 'POST' });

    await expect(embed.save()).rejects.toMatchObject({ name: 'RateLimitError' });

    expect((await failed).detail.phase).toBe('save');
    expect(embed.element.querySelector('.ce-save-error')?.textContent).toBe(
      'Your configuration could not be saved. Too many requests at once. Please try again in 5 seconds.',
    );
    expect(console.warn).toHaveBeenCalledWith(
      expect.stringMatching(/^\[configurator-embed\] RateLimitError .*: Failed to save /),
    );
  });
});
