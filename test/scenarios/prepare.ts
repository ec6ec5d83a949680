import { SEED } from '../../src/mock/seed';
import type { PlatformState } from '../../src/mock/types';
import type { Scenario, SeededToken } from './types';

const SEEDED: Record<SeededToken, string> = {
  demo: SEED.demoToken,
  revoked: SEED.revokedToken,
  private: SEED.privateToken,
};

/**
 * Sets a fresh platform state up for a row: makes the row's token, if it names domains, and
 * queues the row's fault. A stopped platform is left to the runner, which stops it its own way.
 *
 * @returns The token the page uses.
 */
export function preparePlatform(state: PlatformState, row: Scenario): string {
  const token =
    typeof row.token === 'string'
      ? SEEDED[row.token]
      : state.createToken({ name: row.title, kind: 'public', domains: row.token.domains }).id;

  if (typeof row.platform === 'object') state.failNext(row.platform.fault, row.platform.match);

  return token;
}

/** The page origin of a row, as `location.origin` shows it (punycode, default port dropped). */
export function pageOrigin(row: Scenario): string {
  return new URL(row.page).origin;
}
