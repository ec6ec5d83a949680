// Builds the npm package (ESM and CJS with type declarations), the script-tag bundle (a minified
// IIFE with ky inside, which auto-mounts the embed) with its stylesheet, and the mock platform's
// entry.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** Every build states its version and compiles with the same settings. */
function plugins() {
  return [
    replace({
      preventAssignment: true,
      values: { __CONFIGURATOR_EMBED_VERSION__: JSON.stringify(version) },
    }),
    nodeResolve({ browser: true }),
    typescript({
      tsconfig: './tsconfig.build.json',
      noEmitOnError: true,
      declaration: false,
      outDir: 'dist',
    }),
  ];
}

/** Ships the embed's stylesheet as `dist/configurator-embed.css`, for pages and bundlers. */
function shipStylesheet() {
  const source = 'src/embed/embed.css';

  return {
    name: 'ship-stylesheet',
    buildStart() {
      this.addWatchFile(source);
    },
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'configurator-embed.css',
        source: readFileSync(source, 'utf8'),
      });
    },
  };
}

/**
 * Writes `dist/integrity.json`: the `sha384-…` value of each file a page loads with a script or
 * link tag, for its `integrity` attribute.
 */
function writeIntegrity() {
  return {
    name: 'write-integrity',
    writeBundle() {
      const files = ['configurator-embed.min.js', 'configurator-embed.css'];
      const integrity = Object.fromEntries(
        files.map((file) => {
          const digest = createHash('sha384')
            .update(readFileSync(`dist/${file}`))
            .digest('base64');

          return [file, `sha384-${digest}`];
        }),
      );

      writeFileSync('dist/integrity.json', `${JSON.stringify(integrity, null, 2)}\n`);
    },
  };
}

const builds = [
  {
    // npm, ESM: ky stays a dependency, so an app that uses ky too gets one copy.
    input: 'src/index.ts',
    external: ['ky'],
    output: { dir: 'dist', format: 'es', entryFileNames: 'index.js', sourcemap: true },
    plugins: plugins(),
  },
  {
    // npm, CJS: ky is ESM-only, so CommonJS gets it bundled in.
    input: 'src/index.ts',
    output: { dir: 'dist', format: 'cjs', entryFileNames: 'index.cjs', sourcemap: true },
    plugins: plugins(),
  },
  {
    // The script tag: everything inside, minified, and the embed's stylesheet beside it. The
    // entry's default export is the page's existing `ConfiguratorEmbed` when there is one, so
    // `var ConfiguratorEmbed = …` never replaces it; it also auto-mounts the configurators.
    input: 'src/script-tag.ts',
    output: {
      dir: 'dist',
      format: 'iife',
      name: 'ConfiguratorEmbed',
      exports: 'default',
      entryFileNames: 'configurator-embed.min.js',
      sourcemap: true,
      plugins: [terser()],
    },
    plugins: [...plugins(), shipStylesheet(), writeIntegrity()],
  },
  {
    // The mock platform, for tests, the demo and integrators' own tests; msw stays external.
    input: 'src/mock/index.ts',
    external: [/^msw/, /^node:/],
    output: [
      { dir: 'dist', format: 'es', entryFileNames: 'mock.js', sourcemap: true },
      { dir: 'dist', format: 'cjs', entryFileNames: 'mock.cjs', sourcemap: true },
    ],
    plugins: plugins(),
  },
];

// Type declarations, one file per entry, as .d.ts for import and .d.cts for require.
for (const entry of ['index', 'mock']) {
  builds.push({
    input: entry === 'index' ? 'src/index.ts' : 'src/mock/index.ts',
    external: [/^msw/, /^node:/, 'ky'],
    output: [
      { file: `dist/${entry}.d.ts`, format: 'es' },
      { file: `dist/${entry}.d.cts`, format: 'es' },
    ],
    plugins: [dts({ tsconfig: './tsconfig.build.json' })],
  });
}

/** `--environment DEMO` builds only what the demo page and its servers load, to start sooner. */
const DEMO_FILES = new Set(['configurator-embed.min.js', 'mock.js']);

export default process.env.DEMO
  ? builds.filter((build) =>
      [build.output].flat().some((out) => DEMO_FILES.has(out.entryFileNames)),
    )
  : builds;
