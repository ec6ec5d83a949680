import type { PlatformErrorBody } from '../platform/types';
import { preflightHeaders, readableHeaders } from './cors';

/**
 * An answer of the platform before the headers every answer shares (request id, CORS) are
 * added to it.
 */
export interface Reply {
  status: number;
  /** Sent as JSON; no body when left out. */
  body?: unknown;
  /** Sent as it is, as `text/plain`, instead of `body`. */
  text?: string;
  headers?: Record<string, string>;
  /**
   * Who may read the answer: the request's origin (`echo`, the default), any origin (`any`,
   * for health checks), or no page at all (`hidden`, for a refused origin). `preflight`
   * answers a preflight.
   */
  cors?: 'echo' | 'any' | 'hidden' | 'preflight';
}

/** The contract's error code for each status, for canned answers given without a body. */
const CODES: Record<number, string> = {
  401: 'token_invalid',
  403: 'permission_denied',
  404: 'not_found',
  413: 'payload_too_large',
  422: 'invalid_configuration',
  429: 'rate_limited',
  500: 'internal',
  503: 'unavailable',
};

/** An error answer with the contract's body `{ code, message, ...details }`. */
export function errorReply(
  status: number,
  code: string,
  message: string,
  details: Record<string, unknown> = {},
): Reply {
  const body: PlatformErrorBody = { code, message, ...details };

  return { status, body };
}

/** The contract's code for an error status, for answers that have none of their own. */
export function codeForStatus(status: number): string {
  return CODES[status] ?? (status >= 500 ? 'internal' : 'invalid_request');
}

/** Makes the Fetch `Response` for a reply, with its request id and CORS headers. */
export function toResponse(reply: Reply, origin: string | null, requestId: string): Response {
  const headers = new Headers({ 'x-request-id': requestId, ...corsHeaders(reply, origin) });
  const body = bodyOf(reply, headers);

  for (const [name, value] of Object.entries(reply.headers ?? {})) {
    headers.set(name, value);
  }

  return new Response(body, { status: reply.status, headers });
}

function corsHeaders(reply: Reply, origin: string | null): Record<string, string> {
  switch (reply.cors ?? 'echo') {
    case 'echo':
      return readableHeaders(origin);
    case 'any':
      return {
        'access-control-allow-origin': '*',
        'access-control-expose-headers': 'x-request-id',
      };
    case 'preflight':
      return preflightHeaders(origin);
    case 'hidden':
      // The answer still depends on the origin, so caches must keep one copy per origin.
      return origin === null ? {} : { vary: 'Origin' };
  }
}

function bodyOf(reply: Reply, headers: Headers): string | null {
  // These statuses cannot carry a body; `new Response` throws if given one.
  if ([101, 204, 205, 304].includes(reply.status)) {
    return null;
  }

  if (reply.text !== undefined) {
    headers.set('content-type', 'text/plain; charset=utf-8');

    return reply.text;
  }

  if (reply.body === undefined) {
    return null;
  }

  headers.set('content-type', 'application/json');

  return JSON.stringify(reply.body);
}
