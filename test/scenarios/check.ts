import { expect } from 'vitest';

import { pageOrigin } from './prepare';
import type { Observation, Scenario } from './types';

/** What one runner made of one row, with the token it used. */
export interface Run {
  observation: Observation;
  token: string;
}

/**
 * Fails unless a runner's observation of a row is what the table says: the outcome, the requests
 * the platform answered (in Chromium, the row's own list where it has one), what it stored and
 * what it counted. Beyond the table: every SDK error is recognized by its own guard, a
 * `CorsError` blames the page's origin, and no outcome carries the token.
 */
export function expectAsInTable(
  { observation, token }: Run,
  row: Scenario,
  runtime: 'jsdom' | 'chromium',
): void {
  const { outcome } = observation;

  if (row.expect.ok) {
    expect(outcome).toEqual(row.expect);
  } else {
    expect(outcome).toMatchObject(row.expect);
  }

  if (!outcome.ok) {
    expect(outcome.error.guarded, `is${outcome.error.name} recognizes the error`).toBe(true);
    if (outcome.error.name === 'CorsError') expect(outcome.error.origin).toBe(pageOrigin(row));
  }

  const saw = runtime === 'chromium' ? (row.chromium?.saw ?? row.saw) : row.saw;

  expect(observation.saw, `what the platform answered in ${runtime}`).toEqual(saw);
  expect(observation.stored).toBe(row.stored ?? 0);
  expect(observation.counted).toBe(row.counted ?? 0);
  expect(JSON.stringify(outcome)).not.toContain(token);
}

/**
 * Fails unless jsdom and Chromium made the same of a row: the same outcome, message included,
 * the same stores and counts, and the same requests unless the row says why they differ.
 */
export function expectRuntimesAgree(
  jsdom: Observation,
  chromium: Observation,
  row: Scenario,
): void {
  const comparable = (observation: Observation) =>
    row.chromium === undefined ? observation : { ...observation, saw: 'differs, as the row says' };

  expect(comparable(chromium), 'Chromium and jsdom agree').toEqual(comparable(jsdom));
}
