// Shows where the script-tag bundle's bytes go: each minified byte of
// dist/configurator-embed.min.js is traced through its source map to the file it came from, and
// the bytes are summed by file and by folder. Sizes are minified, before gzip; gzip has no per-file
// share, so this ranks what to shrink rather than pricing it.
//
//   npm run build && npm run size:modules          # folders, then the 40 largest files
//   npm run size:modules -- --all                  # every file
import { readFileSync } from 'node:fs';

import { eachMapping, TraceMap } from '@jridgewell/trace-mapping';

const bundle = readFileSync(new URL('../dist/configurator-embed.min.js', import.meta.url), 'utf8');
const map = new TraceMap(
  readFileSync(new URL('../dist/configurator-embed.min.js.map', import.meta.url), 'utf8'),
);
const lines = bundle.split('\n');

/** Source file of every mapped segment, in the order the segments appear in the bundle. */
const segments = [];
eachMapping(map, (mapping) => segments.push(mapping));

const byFile = new Map();
for (const [index, segment] of segments.entries()) {
  const next = segments[index + 1];
  const end =
    next !== undefined && next.generatedLine === segment.generatedLine
      ? next.generatedColumn
      : lines[segment.generatedLine - 1].length;
  const file = tidy(segment.source ?? '(unmapped)');
  byFile.set(file, (byFile.get(file) ?? 0) + end - segment.generatedColumn);
}

const byFolder = new Map();
for (const [file, bytes] of byFile) {
  const folder = file.startsWith('ky/') ? 'ky' : file.split('/').slice(0, -1).join('/') || '.';
  byFolder.set(folder, (byFolder.get(folder) ?? 0) + bytes);
}

const total = bundle.length;
print('folder', byFolder);
print('file', byFile, process.argv.includes('--all') ? Infinity : 40);

function print(heading, sizes, limit = Infinity) {
  const rows = [...sizes].sort((a, b) => b[1] - a[1]).slice(0, limit);
  console.log(`\n| ${heading} | minified | share |\n| --- | --- | --- |`);
  for (const [name, bytes] of rows) {
    console.log(`| ${name} | ${(bytes / 1024).toFixed(1)} KiB | ${percent(bytes)} |`);
  }
}

function percent(bytes) {
  return `${((bytes / total) * 100).toFixed(1)} %`;
}

/** `../src/analytics/queue.ts` → `analytics/queue.ts`; ky's files → `ky/…`. */
function tidy(source) {
  const ky = source.indexOf('node_modules/ky/distribution/');
  if (ky !== -1) return `ky/${source.slice(ky + 'node_modules/ky/distribution/'.length)}`;

  return source.replace(/^(\.\.\/)*src\//, '');
}
