import { configDefaults, defineConfig } from 'vitest/config';

// Two projects: `jsdom`, the fast suite (jsdom and node, msw in place of the network), and
// `chromium`, the same scenarios and the page-level checks in Debian's Chromium against real
// servers. Run one alone with `npx vitest run --project chromium`.
export default defineConfig({
  test: {
    restoreMocks: true,
    unstubGlobals: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          environmentOptions: { jsdom: { url: 'http://localhost:3000/' } },
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/browser/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'chromium',
          environment: 'node',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          // One browser at a time on two cores; generous bounds, no speed asserted anywhere.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
