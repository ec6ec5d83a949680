import { codeForStatus, errorReply, type Reply } from './reply';
import type { Fault, FaultMatch } from './types';

/** A queue of one-shot faults, taken in the order they were queued. */
export interface FaultQueue {
  /** Queues a fault for the next request that matches. */
  push: (fault: Fault, match?: FaultMatch) => void;
  /** Removes and answers the first queued fault that matches this request. */
  take: (method: string, path: string) => Fault | undefined;
  /** Drops every queued fault. */
  clear(): void;
}

/**
 * Creates an empty fault queue.
 *
 * A fault that names no method skips `OPTIONS` requests: in a browser the preflight would
 * otherwise take a fault meant for the request it announces.
 */
export function createFaultQueue(): FaultQueue {
  const queue: Array<{ fault: Fault; match: FaultMatch }> = [];

  return {
    push(fault: Fault, match: FaultMatch = {}): void {
      if (
        'status' in fault &&
        !(Number.isInteger(fault.status) && fault.status >= 200 && fault.status <= 599)
      ) {
        throw new RangeError(
          `Failed to queue fault: status ${fault.status} is not from 200 to 599; use { kind: 'network' } for a dropped connection.`,
        );
      }

      queue.push({ fault, match });
    },

    take(method: string, path: string): Fault | undefined {
      const index = queue.findIndex(({ match }) => matches(match, method, path));

      return index === -1 ? undefined : queue.splice(index, 1)[0]?.fault;
    },

    clear(): void {
      queue.length = 0;
    },
  };
}

function matches(match: FaultMatch, method: string, path: string): boolean {
  const upper = method.toUpperCase();
  const methodFits =
    match.method === undefined ? upper !== 'OPTIONS' : match.method.toUpperCase() === upper;

  if (!methodFits || match.path === undefined) {
    return methodFits;
  }

  if (typeof match.path === 'string') {
    return match.path === path;
  }

  // A RegExp with the g or y flag keeps state between tests; start each test afresh.
  match.path.lastIndex = 0;

  return match.path.test(path);
}

/**
 * The answer a fault gives, or `null` for a dropped connection. A canned answer is readable by
 * the request's origin, whatever the token, as a proxy's answer would be.
 */
export function faultReply(fault: Fault): Reply | null {
  if ('status' in fault) {
    const reply = fault.body === undefined ? defaultReply(fault.status) : bodyReply(fault);

    return fault.headers === undefined ? reply : { ...reply, headers: { ...fault.headers } };
  }

  if (fault.kind === 'rate-limit') {
    const seconds = String(fault.retryAfter);
    const reply = errorReply(
      429,
      'rate_limited',
      `Too many requests: retry after ${seconds} seconds.`,
    );

    return { ...reply, headers: { 'retry-after': seconds } };
  }

  return null;
}

function defaultReply(status: number): Reply {
  return status >= 400
    ? errorReply(status, codeForStatus(status), `Injected fault: the platform answered ${status}.`)
    : { status };
}

function bodyReply(fault: { status: number; body?: unknown }): Reply {
  return typeof fault.body === 'string'
    ? { status: fault.status, text: fault.body }
    : { status: fault.status, body: fault.body };
}
