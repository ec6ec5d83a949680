// @vitest-environment node
// Each row makes its own jsdom window at the row's page address (see runInJsdom), so the file
// itself needs none. test/browser/scenarios.test.ts runs the same table in Chromium.
import { describe, it } from 'vitest';

import { expectAsInTable } from './check';
import { runInJsdom } from './run-in-jsdom';
import { SCENARIOS } from './table';

describe('the scenario table in jsdom', () => {
  it.each(SCENARIOS.map((row) => [row.title, row] as const))('%s', async (_title, row) => {
    expectAsInTable(await runInJsdom(row), row, 'jsdom');
  });
});
