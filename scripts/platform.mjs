// Runs the mock configurator platform over HTTP: `npm run platform` (after `npm run build`).
// PLATFORM_PORT sets the port (4010 by default) and PLATFORM_HOST the host (localhost by
// default, which listens on 127.0.0.1 so that both http://localhost:PORT and
// http://127.0.0.1:PORT reach it).
import { SEED, startPlatformServer } from '../dist/mock.js';

const port = Number(process.env.PLATFORM_PORT ?? 4010);
const host = process.env.PLATFORM_HOST ?? 'localhost';

if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(
    `PLATFORM_PORT must be a port number from 0 to 65535, not "${process.env.PLATFORM_PORT}".`,
  );
  process.exit(1);
}

let platform;
try {
  platform = await startPlatformServer({ port, host });
} catch (error) {
  const busy = error?.code === 'EADDRINUSE';
  console.error(busy ? `Port ${port} is in use: set PLATFORM_PORT to another port.` : error);
  process.exit(1);
}

const { url } = platform;

console.log(`Mock configurator platform: ${url}/  health check: ${url}/api/health`);
console.log('');
console.log(`Organization:       ${SEED.orgId}`);
console.log(`Private token:      ${SEED.privateToken}  (servers only: no Origin header)`);
console.log(
  `Demo public token:  ${SEED.demoToken}  (localhost, shop.example.test, *.brand.example.test)`,
);
console.log(`Other public token: ${SEED.otherPublicToken}  (retailer.example.test)`);
console.log(`Revoked token:      ${SEED.revokedToken}`);
console.log('');
for (const [name, id] of Object.entries(SEED.products)) {
  console.log(`Product ${name.padEnd(6)} ${url}/api/products/${id}/configurator`);
}
console.log('');
console.log('Press Ctrl+C to stop.');

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await platform.close();
    process.exit(0);
  });
}
