import { describe, expect, inject, it } from 'vitest';

import { PRODUCT_ID, PRODUCT_VERSION } from '../scenarios/calls';
import { expectTokenOnlyInAuthorization, type Traffic } from './support/expect-token-kept';
import { useHarnessChromium } from './support/harness-chromium';
import { watchPage, type PageWatch } from './support/page-watch';
import { runThreeCalls } from './support/three-calls';

// On the demo token's list; Chromium maps it onto the harness's HTTPS server.
const SHOP = 'https://shop.example.test';

const THREE_CALLS_SUCCEED = [
  { ok: true, result: { id: PRODUCT_ID, version: PRODUCT_VERSION } },
  {
    ok: true,
    result: { productId: PRODUCT_ID, productVersion: PRODUCT_VERSION, shortId: 'well-formed' },
  },
  { ok: true, result: { flushed: true } },
];

/** The calls Chromium sent with `Authorization: Bearer <token>`, as `METHOD path`. */
function bearerCalls({ sent, token }: Traffic): string[] {
  return sent
    .filter((request) => request.headers['authorization'] === `Bearer ${token}`)
    .map((request) => `${request.method} ${new URL(request.url).pathname}`);
}

describe.skipIf(!inject('chromium'))('the builds in a real page', () => {
  const context = useHarnessChromium();

  it.each([
    ['script-tag bundle, from a plain <script src>', 'script-tag', '/script-tag.html'],
    [
      'ESM build, through <script type="module"> and an import map for ky',
      'module',
      '/module.html',
    ],
  ])(
    'loads, saves and tracks with the %s, the token only as Bearer to the platform',
    async (_name, build, path) => {
      const run = await runThreeCalls(context(), new URL(path, SHOP));

      expect(run.build).toBe(build);
      expect(run.outcomes).toEqual(THREE_CALLS_SUCCEED);
      expect(run.stored).toBe(1);
      expect(run.counted).toBeGreaterThanOrEqual(1);
      expect(bearerCalls(run.traffic)).toEqual(
        expect.arrayContaining([
          `GET /api/products/${PRODUCT_ID}/configurator`,
          'POST /api/configurations',
          'POST /api/analytics/events',
        ]),
      );
      expectTokenOnlyInAuthorization(run.traffic);
    },
  );

  describe('under a strict Content-Security-Policy', () => {
    it('runs the script-tag bundle with no violation and no console error', async () => {
      let watch: PageWatch | undefined;
      const run = await runThreeCalls(context(), new URL('/csp.html', SHOP), async (page) => {
        watch = await watchPage(page);
      });

      expect(run.outcomes).toEqual(THREE_CALLS_SUCCEED);
      expect(watch?.violations).toEqual([]);
      expect(watch?.errors).toEqual([]);
    });

    it('reports an inline script, so a violation would be seen', async () => {
      const page = await context().newPage();

      try {
        const watch = await watchPage(page);
        await page.goto(new URL('/csp-inline.html', SHOP).href);
        await page.waitForFunction(() => 'harness' in window);

        expect(watch.violations).toEqual(['script-src-elem inline']);
        expect(await page.title()).not.toBe('inline script ran');
      } finally {
        await page.close();
      }
    });
  });
});
