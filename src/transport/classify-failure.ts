import { CorsError, NetworkError } from '../errors/classes';
import type { ConfiguratorError } from '../errors/configurator-error';
import { browserOffline, domainEntryFor, pageOrigin } from './page-context';
import { probeHealth } from './probe-health';

/** What the SDK knows when a request failed without any answer. */
export interface FailureContext {
  action: string;
  base: URL;
  fetch: typeof fetch | undefined;
}

/**
 * Tells apart the three failures that reach a page as the same opaque `TypeError`:
 *
 * 1. The browser says it is offline: `NetworkError` with code `offline`.
 * 2. In a page, the platform answers its open health check: it is up, so the browser refused
 *    the answer because the page's origin is not on the token's list: `CorsError`.
 * 3. Otherwise the platform could not be reached: `NetworkError` with code `unreachable`.
 *
 * Outside a browser there is no CORS, so a failure there is always a `NetworkError`.
 */
export async function classifyFailure(
  cause: unknown,
  context: FailureContext,
): Promise<ConfiguratorError> {
  const fail = (reason: string) => `Failed to ${context.action}: ${reason}`;

  if (browserOffline()) {
    return new NetworkError(
      'offline',
      fail('the browser is offline; try again when it is back online'),
      { cause },
    );
  }

  const origin = pageOrigin();
  if (origin !== null && (await probeHealth(context.base, context.fetch))) {
    return new CorsError(fail(corsReason(origin, context.base)), origin, { cause });
  }

  return new NetworkError(
    'unreachable',
    fail(
      `the platform at ${context.base.origin} could not be reached; check the connection and apiUrl`,
    ),
    { cause },
  );
}

function corsReason(origin: string, base: URL): string {
  if (origin === 'null') {
    return `this page has no origin (a file page, sandboxed frame or data URL), and the platform at ${base.origin} accepts public tokens only from pages on the token's domain list. Serve the page from a domain on that list`;
  }

  return `this page's origin ${origin} is not on the token's domain list, so the browser blocked the platform's answer. Add "${domainEntryFor(origin)}" to the token's domains on the platform`;
}
