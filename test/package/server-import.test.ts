// @vitest-environment node
import { execFileSync } from 'node:child_process';

import { describe, expect, it } from 'vitest';

/**
 * Runs a script in a fresh Node process, as a server that imports the package would, and
 * returns what it printed as JSON. The package is imported by its name, through its exports.
 */
function runOnServer(type: 'module' | 'commonjs', script: string): Record<string, unknown> {
  const output = execFileSync(process.execPath, [`--input-type=${type}`, '-e', script], {
    cwd: process.cwd(),
    encoding: 'utf8',
  });

  return JSON.parse(output) as Record<string, unknown>;
}

const PROBE = `
  const sdk = LOAD;
  // Settle the module loader's own file handles, then see what the import left running.
  await new Promise((resolve) => setTimeout(resolve, 50));
  // Standard output is a pipe to the test; anything else (a timer, a socket) the SDK started.
  const leftRunning = process.getActiveResourcesInfo().filter((kind) => kind !== 'PipeWrap');
  let mountError;
  try { sdk.mount({}, {}); } catch (error) { mountError = { name: error.name, code: error.code }; }
  const client = sdk.createClient({
    token: '3c59dc04-8f2b-4d1e-a5c6-7b8d9e0f1a2b',
    apiUrl: 'https://api.configurator.example',
  });
  client.analytics.track('share');
  const stats = client.analytics.stats();
  client.destroy().catch(() => undefined);
  console.log(JSON.stringify({
    exports: Object.keys(sdk).length,
    version: sdk.version,
    leftRunning,
    windowDefined: typeof window !== 'undefined',
    mountError,
    queued: stats.queued,
  }));
`;

describe('the package on a server', () => {
  it.each([
    ['import', 'module', PROBE.replace('LOAD', "await import('configurator-embed')")],
    ['require', 'commonjs', PROBE.replace('LOAD', "require('configurator-embed')")],
  ] as const)(
    'loads through %s without touching anything, and refuses mount',
    (_, type, script) => {
      const result = runOnServer(type, type === 'module' ? script : `(async () => {${script}})()`);

      expect(result).toMatchObject({
        leftRunning: [],
        windowDefined: false,
        mountError: { name: 'UsageError', code: 'no_browser' },
      });
      expect(result['queued']).toBeGreaterThanOrEqual(1);
      expect(result['version']).toMatch(/^\d+\.\d+\.\d+$/);
      expect(result['exports']).toBeGreaterThan(20);
    },
  );
});
