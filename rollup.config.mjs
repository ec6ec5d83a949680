// Builds the npm package (ESM and CJS with type declarations), the script-tag bundle (a minified
// IIFE with ky inside, which auto-mounts the embed) with its stylesheet, and the mock platform's
// entry.
import { readFileSync } from 'node:fs';

import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** Every build states its version and compiles with the same settings. */
function plugins({ declarations = false } = {}) {
  return [
    replace({
      preventAssignment: true,
      values: { __CONFIGURATOR_EMBED_VERSION__: JSON.stringify(version) },
    }),
    nodeResolve({ browser: true }),
    typescript({
      tsconfig: './tsconfig.build.json',
      noEmitOnError: true,
      declaration: declarations,
      ...(declarations ? { declarationDir: 'dist/types' } : {}),
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

const builds = [
  {
    // npm, ESM: ky stays a dependency, so an app that uses ky too gets one copy.
    input: 'src/index.ts',
    external: ['ky'],
    output: { dir: 'dist', format: 'es', entryFileNames: 'index.js', sourcemap: true },
    plugins: plugins({ declarations: true }),
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
    plugins: [...plugins(), shipStylesheet()],
  },
  {
    // The mock platform, for tests, the demo and integrators' own tests; msw stays external.
    input: 'src/mock/index.ts',
    external: [/^msw/, /^node:/],
    output: { dir: 'dist', format: 'es', entryFileNames: 'mock.js', sourcemap: true },
    plugins: plugins(),
  },
];

/** `--environment DEMO` builds only what the demo page and its servers load, to start sooner. */
const DEMO_FILES = new Set(['configurator-embed.min.js', 'mock.js']);

export default process.env.DEMO
  ? builds.filter((build) => DEMO_FILES.has(build.output.entryFileNames))
  : builds;
