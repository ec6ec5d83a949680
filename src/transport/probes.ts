import { startDeadline } from './abort';
import { buildUrl } from './build-url';

/** How long a probe may take, at most, before its answer counts as missing. */
export const PROBE_TIMEOUT = 5000;

/**
 * A product id no product has: loading its configurator is answered `404` by the platform to an
 * allowed origin, and refused by CORS elsewhere, with no side effect either way.
 */
const NO_PRODUCT = '00000000-0000-0000-0000-000000000000';

/** What the probes need to reach the platform. */
export interface ProbeTarget {
  base: URL;
  fetch: typeof fetch | undefined;
  /** The call's signal: a probe ends as soon as the call is aborted. */
  signal: AbortSignal | undefined;
  /** Milliseconds a probe may take. */
  timeout: number;
}

/**
 * Asks the platform's `GET /api/health`, which every origin may read and which takes no token.
 * Resolves true when the platform answers, false when it cannot be reached. Never rejects.
 */
export function probeHealth(target: ProbeTarget): Promise<boolean> {
  return answers(target, ['api', 'health'], {});
}

/**
 * Asks whether this page's origin may read the platform's answers for this token, by loading the
 * configurator of a product that does not exist: an allowed origin reads the `404`; a refused one
 * gets the same opaque failure as any CORS refusal. Resolves true when the answer was readable.
 */
export function probeOrigin(target: ProbeTarget, authorization: string): Promise<boolean> {
  return answers(target, ['api', 'products', NO_PRODUCT, 'configurator'], {
    authorization,
    accept: 'application/json',
  });
}

/** Resolves true when the platform's answer to a GET of `path` was readable. */
async function answers(
  target: ProbeTarget,
  path: readonly string[],
  headers: Record<string, string>,
): Promise<boolean> {
  const deadline = startDeadline(target.signal, target.timeout, undefined);

  try {
    const response = await (target.fetch ?? globalThis.fetch)(buildUrl(target.base, path), {
      headers,
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
      signal: deadline.signal,
    });
    await response.body?.cancel();

    return response.status !== 0;
  } catch {
    return false;
  } finally {
    deadline.done();
  }
}
