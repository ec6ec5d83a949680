import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { transpileForBrowser } from './transpile';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** A file the harness serves, ready to send. */
export interface ServedFile {
  body: string | Buffer;
  type: string;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.ts': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
};

/** Where each URL prefix is served from; nothing outside these folders is. */
const FOLDERS: Array<{ prefix: string; folder: string; allow: RegExp }> = [
  // The SDK's builds, as `npm run build` made them.
  { prefix: '/sdk/', folder: 'dist', allow: /^(index|configurator-embed\.min)\.js(\.map)?$/ },
  // ky, for the ESM build's import map.
  { prefix: '/ky/', folder: 'node_modules/ky/distribution', allow: /\.js$/ },
  // The harness's own TypeScript, transpiled: the page script and the shared `measure`.
  { prefix: '/ts/', folder: '.', allow: /^test\/(browser\/harness|scenarios)\/[\w-]+(\.[jt]s)?$/ },
];

/**
 * The file for a URL path, or `undefined` when the harness serves nothing there. A `/ts/` path
 * names a TypeScript file with or without its extension (or with `.js`, as an import may).
 */
export async function harnessFile(path: string): Promise<ServedFile | undefined> {
  const place = FOLDERS.find(({ prefix }) => path.startsWith(prefix));
  const relative = place === undefined ? '' : path.slice(place.prefix.length);

  if (place === undefined || !place.allow.test(relative)) return undefined;

  const folder = join(ROOT, place.folder);
  const file = normalize(join(folder, relative));
  if (!file.startsWith(folder + sep)) return undefined;

  if (place.prefix === '/ts/') {
    const source = `${file.replace(/\.[jt]s$/, '')}.ts`;

    return { body: await transpileForBrowser(source), type: TYPES['.ts'] ?? '' };
  }

  return {
    body: await readFile(file),
    type: TYPES[extname(file)] ?? 'application/octet-stream',
  };
}
