// Compares configurator.load with a raw fetch of the same URL against the real HTTP mock
// platform, in one run: cold (a new client, nothing cached) and cached (a client that has the
// configurator in memory). Runs on the build: `npm run build` first (npm run bench does).
import { performance } from 'node:perf_hooks';

import { createClient } from '../dist/index.js';
import { SEED, startPlatformServer } from '../dist/mock.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 400);
const WARM_UP = 50;

const platform = await startPlatformServer({ port: 0 });
const productId = SEED.products.table;
// A server-side run: no page, so no Origin, so the private token (a public one needs a page).
const token = SEED.privateToken;
const url = `${platform.url}/api/products/${productId}/configurator`;

async function rawFetch() {
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  });

  return response.json();
}

// A cold load: a client with nothing in memory, made before the clock starts.
let coldClient = createClient({ token, apiUrl: platform.url });

async function sdkCold() {
  return coldClient.configurator.load(productId);
}

const warmClient = createClient({ token, apiUrl: platform.url });
await warmClient.configurator.load(productId);

async function sdkCached() {
  return warmClient.configurator.load(productId);
}

/** Times each candidate once per round, interleaved, so that drift hits all of them alike. */
async function measure(candidates) {
  const samples = Object.fromEntries(Object.keys(candidates).map((name) => [name, []]));

  for (let round = 0; round < WARM_UP + ROUNDS; round += 1) {
    for (const [name, run] of Object.entries(candidates)) {
      coldClient = createClient({ token, apiUrl: platform.url });
      const start = performance.now();
      await run();
      const elapsed = performance.now() - start;
      if (round >= WARM_UP) samples[name].push(elapsed);
    }
  }

  return Object.fromEntries(Object.entries(samples).map(([name, times]) => [name, median(times)]));
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);

  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const result = await measure({ rawFetch, sdkCold, sdkCached });
await platform.close();

const micro = (ms) => `${(ms * 1000).toFixed(1)} µs`;
console.log(`configurator.load against the HTTP mock platform, median of ${ROUNDS} rounds`);
console.log(`  raw fetch + JSON.parse: ${micro(result.rawFetch)}`);
console.log(
  `  SDK, cold:              ${micro(result.sdkCold)}  (${(result.sdkCold / result.rawFetch).toFixed(2)}× raw fetch)`,
);
console.log(
  `  SDK, cached:            ${micro(result.sdkCached)}  (cold / cached: ${(result.sdkCold / result.sdkCached).toFixed(0)}×)`,
);
