import { afterAll, describe, inject, it } from 'vitest';

import { expectAsInTable, expectRuntimesAgree } from '../scenarios/check';
import { runInJsdom } from '../scenarios/run-in-jsdom';
import { SCENARIOS } from '../scenarios/table';
import { expectTokenOnlyInAuthorization } from './support/expect-token-kept';
import { useHarnessChromium } from './support/harness-chromium';
import { writeOutcomeTable, type ComparedRow } from './support/outcome-table';
import { runInChromium } from './support/run-in-chromium';

const OUTCOMES = 'test-results/scenario-outcomes.md';

describe.skipIf(!inject('chromium'))('the scenario table in Chromium and in jsdom', () => {
  const context = useHarnessChromium();
  const compared: ComparedRow[] = [];

  afterAll(async () => {
    await writeOutcomeTable(OUTCOMES, compared);
  });

  it.each(SCENARIOS.map((row) => [row.title, row] as const))('%s', async (_title, row) => {
    const jsdom = await runInJsdom(row);
    const chromium = await runInChromium(context(), row);
    compared.push({ row, jsdom: jsdom.observation, chromium: chromium.observation });

    expectAsInTable(chromium, row, 'chromium');
    expectRuntimesAgree(jsdom.observation, chromium.observation, row);
    expectTokenOnlyInAuthorization(chromium);
  });
});
