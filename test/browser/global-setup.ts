import type { TestProject } from 'vitest/node';

import { CHROMIUM_PATH, INSTALL_COMMAND, chromiumInstalled } from './support/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Whether the browser tests can run: Chromium is installed at `CHROMIUM_PATH`. */
    chromium: boolean;
  }
}

/** `CI=true` (or any value but `false` or `0`): a missing browser fails the run. */
function inCi(): boolean {
  const ci = process.env['CI']?.trim().toLowerCase();

  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

const MISSING = [
  '',
  '#'.repeat(78),
  '#  CHROMIUM IS MISSING: the browser tests in test/browser/ were NOT run.',
  `#  Looked for ${CHROMIUM_PATH} (set CHROMIUM_PATH to use another).`,
  `#  Install it with:  ${INSTALL_COMMAND}`,
  '#  With CI=true a missing Chromium fails the run instead.',
  '#'.repeat(78),
  '',
].join('\n');

/**
 * Checks for Chromium once, before the browser tests. Without it they are skipped, loudly, or in
 * CI the run fails.
 */
export default function setup(project: TestProject): (() => void) | undefined {
  const installed = chromiumInstalled();

  if (!installed && inCi()) {
    throw new Error(
      `Chromium is required in CI (CI=${process.env['CI']}) but ${CHROMIUM_PATH} is missing. Install it with: ${INSTALL_COMMAND}`,
    );
  }

  project.provide('chromium', installed);
  if (installed) return undefined;

  process.stderr.write(MISSING);

  // Said again at the end, where a reader of the log looks for the verdict.
  return () => {
    process.stderr.write(MISSING);
  };
}
