import { afterAll, beforeAll, describe, inject, it } from 'vitest';

import { expectAsInTable, expectRuntimesAgree } from '../scenarios/check';
import { runInJsdom } from '../scenarios/run-in-jsdom';
import { SCENARIOS } from '../scenarios/table';
import { launchChromium, type Chromium } from './support/chromium';
import { expectTokenOnlyInAuthorization } from './support/expect-token-kept';
import { startHarness, type HarnessServer } from './support/harness-server';
import { writeOutcomeTable, type ComparedRow } from './support/outcome-table';
import { runInChromium } from './support/run-in-chromium';

const OUTCOMES = 'test-results/scenario-outcomes.md';

describe.skipIf(!inject('chromium'))('the scenario table in Chromium and in jsdom', () => {
  let harness: HarnessServer | undefined;
  let browser: Chromium | undefined;
  const compared: ComparedRow[] = [];

  beforeAll(async () => {
    harness = await startHarness();
    browser = await launchChromium({ hostRules: harness.hostRules });
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    await writeOutcomeTable(OUTCOMES, compared);
  });

  it.each(SCENARIOS.map((row) => [row.title, row] as const))('%s', async (_title, row) => {
    if (browser === undefined) throw new Error('Chromium did not start.');

    const jsdom = await runInJsdom(row);
    const chromium = await runInChromium(browser.context, row);
    compared.push({ row, jsdom: jsdom.observation, chromium: chromium.observation });

    expectAsInTable(chromium, row, 'chromium');
    expectRuntimesAgree(jsdom.observation, chromium.observation, row);
    expectTokenOnlyInAuthorization(chromium);
  });
});
