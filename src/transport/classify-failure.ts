import { CorsError, NetworkError } from '../errors/classes';
import type { ConfiguratorError } from '../errors/configurator-error';
import { browserOffline, domainEntryFor, pageOrigin } from './page-context';
import { probeHealth, probeOrigin, type ProbeTarget } from './probes';

/** What the SDK knows when a request failed without any answer. */
export interface FailureContext extends ProbeTarget {
  action: string;
  /** The `Authorization` header of the client's requests, for the origin probe. */
  authorization: string;
}

/**
 * Tells apart the failures that reach a page as the same opaque `TypeError`:
 *
 * 1. The browser says it is offline: `NetworkError`, code `offline`.
 * 2. The platform does not answer its open health check: `NetworkError`, code `unreachable`.
 * 3. It does, but this origin cannot read an answer for this token either: the browser refused
 *    the answers because the origin is not on the token's list: `CorsError`.
 * 4. It does, and this origin can read an answer: the request itself was lost on the way, a
 *    dropped connection: `NetworkError`, code `interrupted`.
 *
 * Outside a browser there is no CORS, so a failure there is a `NetworkError` of kind 2 or 4.
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

  if (!(await probeHealth(context))) {
    return new NetworkError(
      'unreachable',
      fail(
        `the platform at ${context.base.origin} could not be reached; check the connection and apiUrl`,
      ),
      { cause },
    );
  }

  const origin = pageOrigin();
  if (origin !== null && !(await probeOrigin(context, context.authorization))) {
    return new CorsError(fail(corsReason(origin, context.base)), origin, { cause });
  }

  return new NetworkError(
    'interrupted',
    fail('the connection to the platform was lost before its answer arrived; try again'),
    { cause },
  );
}

function corsReason(origin: string, base: URL): string {
  if (origin === 'null') {
    return `this page has no origin (a file page, sandboxed frame or data URL), and the platform at ${base.origin} accepts public tokens only from pages on the token's domain list. Serve the page from a domain on that list.`;
  }

  return `this page's origin ${origin} is not on the token's domain list, so the browser blocked the platform's answer. Add "${domainEntryFor(origin)}" to the token's domains on the platform.`;
}
