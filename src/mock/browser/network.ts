import { untilAborted } from '../../transport/abort';
import type { BlockedReason } from './types';

/**
 * A fetch the stand-in browser refuses. Internal: `createBrowserFetch` turns it into the opaque
 * `TypeError('Failed to fetch')` a page sees, so it never reaches a caller.
 */
export class FetchBlocked extends Error {
  override readonly name = 'FetchBlocked';

  /** Why the fetch was refused. */
  readonly code: BlockedReason;

  constructor(code: BlockedReason, message: string) {
    super(message);
    this.code = code;
  }
}

/** What one request sent over the network needs besides its URL. */
export interface Exchange {
  /** The fetch that sends requests. */
  network: typeof fetch;
  /** The page request's signal; an abort rejects with its reason. */
  signal: AbortSignal;
}

/** The parts of a request that change from hop to hop. */
export interface Outgoing {
  method: string;
  headers: Headers;
  body: ArrayBuffer | null;
}

/**
 * Sends one request, never following redirects. An abort rejects with the signal's reason, even
 * when the underlying fetch ignores the signal; any other failure becomes a `network` block. A
 * signal already aborted sends nothing, as a browser sends nothing after an abort.
 */
export async function send(
  exchange: Exchange,
  url: URL,
  outgoing: Outgoing,
  extra: Pick<RequestInit, 'credentials' | 'keepalive'>,
): Promise<Response> {
  const { network, signal } = exchange;
  // The page may abort while its body is read or while the preflight is answered, before this.
  signal.throwIfAborted();

  const init: RequestInit = {
    ...extra,
    method: outgoing.method,
    headers: outgoing.headers,
    body: outgoing.body,
    redirect: 'manual',
    signal,
  };

  try {
    return await untilAborted(network(url.href, init), signal);
  } catch {
    if (signal.aborted) throw signal.reason;
    // The underlying error may quote the request's headers (a token among them): drop it.
    throw new FetchBlocked('network', `The request to ${describe(url)} failed on the network.`);
  }
}

/** A URL as messages may show it: without credentials, query or fragment. */
export function describe(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/**
 * Releases a body nobody will read. Not awaited: cancelling one branch of a teed body (msw tees
 * the bodies it reports) settles only once the other branch is cancelled too.
 */
export function discardBody(response: Response): void {
  if (response.body === null || response.bodyUsed) return;

  response.body.cancel().catch(() => {
    // A body that cannot be cancelled is already closed or errored: nothing to release.
  });
}
