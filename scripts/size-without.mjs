// Answers "what would the bundles weigh without ky, or without the analytics queue?", so that the
// size goals can be weighed against what the package does. Each case builds from src/ with one or
// both parts swapped for a stand-in of a few lines (a bare `fetch` call for ky, an in-memory list
// for analytics) and minifies as the shipped script tag does. The stand-ins only make the numbers:
// nothing here is built into dist/.
//
//   npm run size:without
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { rollup } from 'rollup';

const KIB = 1024;

/** The smallest code that still lets the rest compile and link in each part's place. */
const STAND_INS = {
  ky: {
    matches: (id) => id === 'ky',
    code: 'export default (url, options) => (options.fetch ?? fetch)(url, options);',
  },
  analytics: {
    matches: (id) => id.endsWith('/analytics/create-analytics'),
    code: `export function createAnalytics() {
      const queue = [];
      return {
        track: (type, properties) => { queue.push([type, properties]); },
        flush: async () => {},
        stats: () => ({ queued: queue.length }),
        stop() {},
        destroy() {},
        report() {},
      };
    }`,
  },
};

const CLIENT_ONLY = `export { createClient } from '${resolve('src/index.ts')}';`;

/** Resolves the chosen parts to their stand-ins, and `client-only` to the client's entry. */
function standIns(parts) {
  return {
    name: 'stand-ins',
    resolveId(id) {
      if (id === 'client-only') return id;

      const part = parts.find((name) => STAND_INS[name].matches(id));

      return part === undefined ? null : `\0stand-in:${part}`;
    },
    load(id) {
      if (id === 'client-only') return CLIENT_ONLY;
      if (id.startsWith('\0stand-in:')) return STAND_INS[id.slice('\0stand-in:'.length)].code;

      return null;
    },
  };
}

async function measure(input, parts) {
  const bundle = await rollup({
    input,
    onwarn: () => undefined,
    plugins: [
      standIns(parts),
      replace({ preventAssignment: true, values: { __CONFIGURATOR_EMBED_VERSION__: '"0"' } }),
      nodeResolve({ browser: true }),
      typescript({ tsconfig: './tsconfig.build.json', declaration: false, sourceMap: false }),
    ],
  });
  const iife = input !== 'client-only';
  const { output } = await bundle.generate({
    format: iife ? 'iife' : 'es',
    ...(iife ? { name: 'ConfiguratorEmbed', exports: 'default' } : {}),
    plugins: [terser()],
  });
  await bundle.close();

  const { code } = output[0];

  return `${(code.length / KIB).toFixed(1)} KiB | ${(gzipSync(code, { level: 9 }).length / KIB).toFixed(1)} KiB`;
}

console.log('| bundle | without | min | min+gzip |\n| --- | --- | --- | --- |');
for (const [name, input] of [
  ['script-tag bundle', 'src/script-tag.ts'],
  ['client only', 'client-only'],
]) {
  for (const parts of [[], ['ky'], ['analytics'], ['ky', 'analytics']]) {
    console.log(
      `| ${name} | ${parts.join(' and ') || '(as built)'} | ${await measure(input, parts)} |`,
    );
  }
}
