// Shows what an npm user's bundle costs: one that imports only the client, one that imports the
// embed's `mount` too, and everything. Each is bundled from dist/index.js with rollup (ky
// resolved in, as an app's bundler would) and terser, and measured minified and gzipped.
//
//   npm run build && node scripts/size.mjs
import { gzipSync } from 'node:zlib';

import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';

const ENTRY = new URL('../dist/index.js', import.meta.url).pathname;

const CASES = [
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

async function measure(code) {
  const bundle = await rollup({
    input: 'entry',
    plugins: [virtualEntry(code), nodeResolve({ browser: true })],
  });
  const { output } = await bundle.generate({ format: 'es', plugins: [terser()] });
  await bundle.close();

  const text = output[0].code;

  return {
    min: Buffer.byteLength(text),
    gzip: gzipSync(text, { level: 9 }).length,
    embed: text.includes('data-configurator-embed'),
  };
}

const rows = [];
for (const [name, code] of CASES) rows.push({ bundle: name, ...(await measure(code)) });

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
for (const { bundle, min, gzip, embed } of rows) {
  console.log(
    `${bundle.padEnd(16)} ${kb(min).padStart(10)} min  ${kb(gzip).padStart(9)} min+gzip  ` +
      `embed code inside: ${embed ? 'yes' : 'no'}`,
  );
}

const [client, , everything] = rows;
console.log(
  `\nAn app that imports only the client saves ${kb(everything.gzip - client.gzip)} min+gzip.`,
);

if (client.embed) {
  console.error('The client-only bundle holds embed code: something in src/embed is not pure.');
  process.exitCode = 1;
}
