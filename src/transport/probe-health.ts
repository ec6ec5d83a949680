import { buildUrl } from './build-url';

/** How long the health check may take before the platform counts as unreachable. */
const PROBE_TIMEOUT_MS = 5000;

/**
 * Asks the platform's `GET /api/health`, which every origin may read and which takes no token.
 * Resolves true when the platform answers it, false when it cannot be reached. Never rejects.
 */
export async function probeHealth(
  base: URL,
  fetchImpl: typeof fetch | undefined,
): Promise<boolean> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), PROBE_TIMEOUT_MS);

  try {
    const send = fetchImpl ?? globalThis.fetch;
    const response = await send(buildUrl(base, ['api', 'health']), {
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'error',
      signal: controller.signal,
    });

    return response.ok;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
