// Measures what analytics costs a page, against the built package (run `npm run build` first):
//
// 1. the time one `track()` call takes, in microseconds: a warm-up, then several runs of many
//    samples of 1,000 calls each; each run reports its median, and the median run is the result;
// 2. the time per event of the whole way out (track, batch, serialize, send through ky and the
//    fetch, read the acknowledgement), against a fetch that answers without reading the body;
// 3. the requests 10,000 events take under the default options, as events come in fast (bursts
//    of 50 a task), against a fetch that counts them and answers at once; and the same 10,000
//    tracked in one task, which the bounded queue (1,000 by default) cannot all hold.
//
// The page is a stand-in: `window`, `document` and Web Storage kept in memory, so that the
// client listens and persists as it does in a browser.
//
//   node bench/analytics.bench.mjs            # dist/index.js
//   BENCH_ENTRY=/path/to/index.js node bench/analytics.bench.mjs

import os from 'node:os';
import { pathToFileURL } from 'node:url';
import { setImmediate as nextTask } from 'node:timers/promises';

const entry = process.env.BENCH_ENTRY
  ? pathToFileURL(process.env.BENCH_ENTRY).href
  : new URL('../dist/index.js', import.meta.url).href;

const TOKEN = '3c59dc04-8f2b-4d1e-a5c6-7b8d9e0f1a2b';
const API_URL = 'https://api.configurator.bench';
const RUNS = 7;
const SAMPLES = 60;
const CALLS = 1000;

/** Web Storage in memory, as a page has it. */
class MemoryStorage {
  #items = new Map();
  get length() {
    return this.#items.size;
  }
  key(index) {
    return [...this.#items.keys()][index] ?? null;
  }
  getItem(key) {
    return this.#items.get(key) ?? null;
  }
  setItem(key, value) {
    this.#items.set(key, String(value));
  }
  removeItem(key) {
    this.#items.delete(key);
  }
  clear() {
    this.#items.clear();
  }
}

globalThis.window = new EventTarget();
globalThis.document = Object.assign(new EventTarget(), { visibilityState: 'visible' });
globalThis.localStorage = new MemoryStorage();
globalThis.sessionStorage = new MemoryStorage();

const { createClient } = await import(entry);

/** A fetch that answers every batch at once, and counts requests and events. */
function countingFetch() {
  const counts = { requests: 0, events: 0, largest: 0 };

  async function fetch(input, init) {
    const request = input instanceof Request ? input : new Request(input, init);
    const { events } = JSON.parse(await request.text());
    counts.requests += 1;
    counts.events += events.length;
    counts.largest = Math.max(counts.largest, events.length);

    return new Response(JSON.stringify({ accepted: events.length, duplicates: 0 }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  }

  return { fetch, counts };
}

function newClient(fetch) {
  localStorage.clear();
  sessionStorage.clear();

  return createClient({ token: TOKEN, apiUrl: API_URL, fetch, analytics: { sdkEvents: false } });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);

  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const properties = { sku: 'TBL-OAK-200', quantity: 1, price: 1290, gift: false };

/** Microseconds per `track()` call: one sample is 1,000 calls on an empty queue. */
async function trackCost() {
  const { fetch } = countingFetch();
  const client = newClient(fetch);
  const sample = async () => {
    const start = performance.now();
    for (let i = 0; i < CALLS; i += 1) client.analytics.track('add_to_cart', properties);
    const elapsed = performance.now() - start;
    await client.analytics.flush();

    return (elapsed * 1000) / CALLS;
  };

  for (let i = 0; i < 20; i += 1) await sample();

  const runs = [];
  for (let run = 0; run < RUNS; run += 1) {
    const samples = [];
    for (let i = 0; i < SAMPLES; i += 1) samples.push(await sample());
    runs.push(median(samples));
  }
  await client.destroy();

  return runs;
}

/** A fetch that answers at once without reading the body: what is left is the page's work. */
async function quietFetch() {
  return new Response('{"accepted":0,"duplicates":0}', {
    status: 200,
    headers: { 'content-type': 'application/json' },
  });
}

/** Microseconds per event of the whole way out, events delivered and acknowledged. */
async function deliveryCost() {
  const client = newClient(quietFetch);
  const runs = [];

  for (let run = 0; run < RUNS + 2; run += 1) {
    const start = performance.now();
    for (let i = 0; i < 10; i += 1) {
      for (let j = 0; j < CALLS; j += 1) client.analytics.track('add_to_cart', properties);
      await client.analytics.flush();
    }
    runs.push(((performance.now() - start) * 1000) / (10 * CALLS));
  }
  await client.destroy();

  return runs.slice(2);
}

/** Requests for 10,000 events under the defaults, in bursts of `burst` events a task. */
async function requestsFor(total, burst) {
  const { fetch, counts } = countingFetch();
  const client = newClient(fetch);

  for (let sent = 0; sent < total; sent += burst) {
    for (let i = 0; i < burst; i += 1) client.analytics.track('attribute_changed', { n: sent + i });
    await nextTask();
  }
  await client.analytics.flush();

  const { dropped } = client.analytics.stats();
  await client.destroy();

  return { ...counts, dropped };
}

const format = (n) => n.toFixed(3);

const track = await trackCost();
const delivery = await deliveryCost();
const fast = await requestsFor(10_000, 50);
const oneTask = await requestsFor(10_000, 10_000);

console.log(`machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.availableParallelism()} cores`);
console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
console.log('');
console.log(
  `track(): ${format(median(track))} µs per call (median of ${RUNS} runs; ` +
    `runs ${format(Math.min(...track))} to ${format(Math.max(...track))}; ` +
    `${SAMPLES} samples of ${CALLS} calls each)`,
);
console.log(
  `track + batch + send + acknowledge: ${format(median(delivery))} µs per event ` +
    `(median of ${RUNS} runs of 10,000 events)`,
);
console.log(
  `10,000 events, 50 a task: ${fast.requests} requests, ` +
    `${(fast.events / fast.requests).toFixed(1)} events per request, ` +
    `largest ${fast.largest}, dropped ${fast.dropped}`,
);
console.log(
  `10,000 events in one task: ${oneTask.requests} requests, ` +
    `${(oneTask.events / oneTask.requests).toFixed(1)} events per request, ` +
    `dropped ${oneTask.dropped} (the queue holds 1,000; the loss is reported in sdk.dropped)`,
);
