// The same comparison as configurator-load.mjs, inside Chromium: a page on an allowed origin
// times configurator.load against a raw fetch of the same URL, both going through the browser's
// CORS preflight cache and network stack, as on a retailer's page.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium } from 'playwright-core';

import { SEED, startPlatformServer } from '../dist/mock.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const bundle = await readFile(new URL('../dist/configurator-embed.min.js', import.meta.url));

const platform = await startPlatformServer({ port: 0 });
const page = createServer((request, response) => {
  if (request.url === '/sdk.js') {
    response.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
    return;
  }
  response
    .writeHead(200, { 'content-type': 'text/html' })
    .end('<!doctype html><script src="/sdk.js"></script>');
});
await new Promise((resolve) => page.listen(0, '127.0.0.1', resolve));
const pageUrl = `http://localhost:${page.address().port}/`;

const profile = await mkdtemp(join(tmpdir(), 'bench-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

try {
  const tab = context.pages()[0] ?? (await context.newPage());
  await tab.goto(pageUrl);

  const result = await tab.evaluate(
    async ({ apiUrl, token, productId, rounds }) => {
      const { createClient } = window.ConfiguratorEmbed;
      const url = `${apiUrl}/api/products/${productId}/configurator`;
      const samples = { rawFetch: [], sdkCold: [], sdkCached: [] };
      const warm = createClient({ token, apiUrl });
      await warm.configurator.load(productId);

      const runs = {
        rawFetch: async () => {
          const response = await fetch(url, {
            headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
            credentials: 'omit',
          });
          return response.json();
        },
        sdkCold: (client) => client.configurator.load(productId),
        // Timed two thousand at a time: one is below the page clock's resolution.
        sdkCached: async () => {
          for (let i = 0; i < 2000; i += 1) await warm.configurator.load(productId);
        },
      };

      for (let round = 0; round < rounds + 30; round += 1) {
        for (const [name, run] of Object.entries(runs)) {
          const cold = createClient({ token, apiUrl });
          const start = performance.now();
          await run(cold);
          if (round >= 30) samples[name].push(performance.now() - start);
        }
      }

      const median = (values) => values.sort((a, b) => a - b)[values.length >> 1];

      samples.sdkCached = samples.sdkCached.map((time) => time / 2000);

      return Object.fromEntries(Object.entries(samples).map(([name, v]) => [name, median(v)]));
    },
    { apiUrl: platform.url, token: SEED.demoToken, productId: SEED.products.table, rounds: ROUNDS },
  );

  const micro = (ms) => `${(ms * 1000).toFixed(1)} µs`;
  const ratio = (result.sdkCold / result.rawFetch).toFixed(2);
  const speedUp = (result.sdkCold / result.sdkCached).toFixed(0);
  console.log(`configurator.load in Chromium (${pageUrl}), median of ${ROUNDS} rounds`);
  console.log(`  raw fetch + JSON.parse: ${micro(result.rawFetch)}`);
  console.log(`  SDK, cold:              ${micro(result.sdkCold)}  (${ratio}× raw fetch)`);
  console.log(`  SDK, cached:            ${micro(result.sdkCached)}  (cold / cached: ${speedUp}×)`);
} finally {
  await context.close();
  await rm(profile, { recursive: true, force: true });
  page.close();
  await platform.close();
}
