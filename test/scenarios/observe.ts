import type { PlatformState, RecordedRequest } from '../../src/mock/types';
import { PRODUCT_ID } from './calls';
import type { Observation, Outcome } from './types';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * What the platform made of a row: the requests it answered (a dropped connection is not an
 * answer), as the table writes them, and what it stored and counted.
 */
export function observePlatform(state: PlatformState, token: string): Omit<Observation, 'outcome'> {
  return {
    saw: state.requests
      .filter((request) => request.status !== 0)
      .map((request) => describeRequest(request, token)),
    stored: state.configurations().length,
    counted: state.countedEvents().length,
  };
}

/** A request as the table writes it: `GET /api/products/{table}/configurator 200 Bearer`. */
export function describeRequest(request: RecordedRequest, token: string): string {
  const path = request.path.replaceAll(PRODUCT_ID, '{table}');
  const line = `${request.method} ${path} ${request.status}`;

  if (request.authorization === null) return line;

  return request.authorization === `Bearer ${token}` ? `${line} Bearer` : `${line} Authorization?`;
}

/**
 * An outcome with what differs from run to run taken out of its message: the platform's address
 * becomes `{platform}` and request ids `{uuid}`, so that two runtimes' outcomes compare equal.
 */
export function normalizeOutcome(outcome: Outcome, apiUrl: string): Outcome {
  if (outcome.ok) return outcome;

  const message = outcome.error.message
    .replaceAll(new URL(apiUrl).origin, '{platform}')
    .replace(UUID, '{uuid}');

  return { ok: false, error: { ...outcome.error, message } };
}
