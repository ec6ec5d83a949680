// Measures what the package costs a page, minified and gzipped, and holds the size budgets:
// the script-tag bundle as shipped, and what an npm user's bundler makes of the package when the
// app imports only the client, the client and the embed, or everything (each bundled from
// dist/index.js with ky resolved in, as an app's bundler would, then minified with terser).
// ky alone is measured beside them, since it is inside every one.
//
//   npm run build && npm run size      # prints the table
//   node scripts/size.mjs --check      # also fails when a budget is exceeded (npm test runs it)
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';

const ENTRY = new URL('../dist/index.js', import.meta.url).pathname;
const KIB = 1024;

/**
 * Budgets in bytes, min+gzip. They hold today's sizes with a little room, so that growth is a
 * decision; the goals they are meant to shrink to are in the README.
 */
const BUDGETS = {
  'script-tag bundle': 24.9 * KIB,
  'client only': 17.8 * KIB,
  'client + mount': 23.7 * KIB,
  everything: 24 * KIB,
};

const CASES = [
  ['ky alone', `export { default } from 'ky';`],
  ['client only', `import { createClient } from '${ENTRY}'; export { createClient };`],
  [
    'client + mount',
    `import { createClient, mount } from '${ENTRY}'; export { createClient, mount };`,
  ],
  ['everything', `export * from '${ENTRY}';`],
];

/** Serves one module from memory as the bundle's entry. */
function virtualEntry(code) {
  return {
    name: 'virtual-entry',
    resolveId: (id) => (id === 'entry' ? id : null),
    load: (id) => (id === 'entry' ? code : null),
  };
}

function sizes(text) {
  return { min: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length, text };
}

async function bundled(code) {
  const bundle = await rollup({
    input: 'entry',
    plugins: [virtualEntry(code), nodeResolve({ browser: true })],
  });
  const { output } = await bundle.generate({ format: 'es', plugins: [terser()] });
  await bundle.close();

  return sizes(output[0].code);
}

const rows = [];
for (const [name, code] of CASES) rows.push({ name, ...(await bundled(code)) });
const scriptTag = readFileSync(new URL('../dist/configurator-embed.min.js', import.meta.url));
rows.push({ name: 'script-tag bundle', ...sizes(scriptTag.toString('utf8')) });

const kb = (bytes) => `${(bytes / KIB).toFixed(1)} KiB`;
console.log('| bundle | min | min+gzip | budget |');
console.log('| --- | --- | --- | --- |');
for (const { name, min, gzip } of rows) {
  const budget = BUDGETS[name] === undefined ? '' : kb(BUDGETS[name]);
  console.log(`| ${name} | ${kb(min)} | ${kb(gzip)} | ${budget} |`);
}

const failures = rows.filter(
  ({ name, gzip }) => BUDGETS[name] !== undefined && gzip > BUDGETS[name],
);
for (const { name, gzip } of failures) {
  console.error(`Over budget: ${name} is ${kb(gzip)} min+gzip, budget ${kb(BUDGETS[name])}.`);
}

const clientOnly = rows.find((row) => row.name === 'client only');
if (clientOnly.text.includes('data-configurator-embed')) {
  console.error('The client-only bundle holds embed code: something in src/embed is not pure.');
  failures.push(clientOnly);
}

if (process.argv.includes('--check') && failures.length > 0) process.exitCode = 1;
