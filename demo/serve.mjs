// Runs the demo on real servers: the mock platform, and the demo page served on two origins.
// http://localhost:<DEMO_PORT> is on the demo token's domain list; http://127.0.0.1:<DEMO_PORT>
// is not, so there the SDK reports a CorsError.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

import { SEED, startPlatformServer } from '../dist/mock.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const demoPort = Number(process.env.DEMO_PORT ?? 4000);
const platformPort = Number(process.env.PLATFORM_PORT ?? 4010);

/** Files the page may load, by URL path; nothing else on disk is served. */
const FILES = new Map([
  ['/', 'demo/index.html'],
  ['/index.html', 'demo/index.html'],
  ['/demo.js', 'demo/demo.js'],
  ['/demo.css', 'demo/demo.css'],
  ['/dist/configurator-embed.min.js', 'dist/configurator-embed.min.js'],
  ['/dist/configurator-embed.min.js.map', 'dist/configurator-embed.min.js.map'],
  ['/dist/configurator-embed.css', 'dist/configurator-embed.css'],
]);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

const platform = await startPlatformServer({ port: platformPort, host: '127.0.0.1' });
const apiUrl = `http://localhost:${new URL(platform.url).port}`;

const demo = createServer(async (request, response) => {
  const path = new URL(request.url ?? '/', 'http://demo.invalid').pathname;
  const file = FILES.get(path);

  // The demo has no icon; say so without an error in the browser's console.
  if (path === '/favicon.ico') {
    response.writeHead(204).end();
    return;
  }

  if (file === undefined || request.method !== 'GET') {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }

  let body = await readFile(join(root, normalize(file)));
  if (path === '/' || path === '/index.html') body = Buffer.from(fillPage(body.toString('utf8')));

  response
    .writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      'content-security-policy':
        "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' " + apiUrl,
    })
    .end(body);
});

/** Writes the platform's address, the demo token and the seeded products into the page. */
function fillPage(html) {
  const products = Object.values(SEED.products);

  return html
    .replaceAll('%API_URL%', apiUrl)
    .replaceAll('%TOKEN%', SEED.demoToken)
    .replaceAll('%PRODUCTS%', products.map((id) => `<option value="${id}"></option>`).join(''));
}

await new Promise((resolve, reject) => {
  demo.once('error', reject);
  demo.listen(demoPort, '127.0.0.1', resolve);
});

// The port bound, which DEMO_PORT=0 leaves to the system.
const { port } = demo.address();

console.log(`Mock platform:  ${apiUrl}/  health check: ${apiUrl}/api/health`);
console.log(`Demo, allowed origin:  http://localhost:${port}/`);
console.log(
  `Demo, refused origin:  http://127.0.0.1:${port}/  (not on the token's list: shows the CorsError)`,
);
console.log('Press Ctrl+C to stop.');

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    demo.close();
    await platform.close();
    process.exit(0);
  });
}
