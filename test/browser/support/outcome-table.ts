import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import type { Observation, Outcome, Scenario } from '../../scenarios/types';

/** One row's outcome in both runtimes. */
export interface ComparedRow {
  row: Scenario;
  jsdom: Observation;
  chromium: Observation;
}

/**
 * Writes the table of outcomes, jsdom's beside Chromium's, as Markdown: a test artifact to read
 * when the two disagree, and a record of what each row came to.
 */
export async function writeOutcomeTable(file: string, rows: readonly ComparedRow[]): Promise<void> {
  const lines = [
    '| scenario | page | jsdom | Chromium | stored, counted | requests |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(({ row, jsdom, chromium }) =>
      cells([
        row.title,
        row.page,
        summary(jsdom.outcome),
        summary(chromium.outcome),
        `${jsdom.stored}, ${jsdom.counted} / ${chromium.stored}, ${chromium.counted}`,
        requests(jsdom, chromium, row),
      ]),
    ),
  ];

  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${lines.join('\n')}\n`);
}

function cells(values: string[]): string {
  return `| ${values.map((value) => value.replaceAll('|', '\\|')).join(' | ')} |`;
}

function summary(outcome: Outcome): string {
  if (outcome.ok) return `ok ${JSON.stringify(outcome.result)}`;

  const { name, code, status, retryAfter } = outcome.error;
  const answered = status === null ? '' : ` ${status}`;
  const wait = retryAfter === null ? '' : `, retry after ${retryAfter} s`;

  return `${name} ${code ?? ''}${answered}${wait}`;
}

function requests(jsdom: Observation, chromium: Observation, row: Scenario): string {
  if (JSON.stringify(jsdom.saw) === JSON.stringify(chromium.saw)) return 'same';

  return row.chromium === undefined ? '**differ**' : `differ, as the row says`;
}
