import ky, { TimeoutError as KyTimeoutError } from 'ky';

import { ResponseError, TimeoutError, ValidationError } from '../errors/classes';
import type { ConfiguratorError } from '../errors/configurator-error';
import { buildUrl, type PathPart } from './build-url';
import { classifyFailure } from './classify-failure';
import { errorFromResponse } from './error-from-response';

/** What the transport needs to reach the platform. */
export interface TransportOptions {
  /** The platform's base address, already checked. */
  base: URL;
  /** The public token, already checked; sent only as `Authorization: Bearer`. */
  token: string;
  /** The fetch to use; the page's own when absent. */
  fetch: typeof fetch | undefined;
  /** Milliseconds before a call ends in a `TimeoutError`. */
  timeout: number;
}

/** One call to the platform. */
export interface CallSpec<Result> {
  /** Completes "Failed to …" in error messages, e.g. "load the configurator". */
  action: string;
  method: 'GET' | 'POST';
  path: readonly PathPart[];
  body?: unknown;
  /** The statuses that count as success. */
  expect: readonly number[];
  /** Checks the answer's body at the boundary; `undefined` means it has the wrong shape. */
  read: (body: unknown) => Result | undefined;
  signal?: AbortSignal | undefined;
}

/** Sends calls to the platform with the token, and turns every failure into a typed error. */
export interface Transport {
  call<Result>(spec: CallSpec<Result>): Promise<Result>;
}

/**
 * Creates the transport. The token lives only in this closure and in the `Authorization` header
 * of requests to the platform's own origin: never in a URL, a body or an error.
 */
export function createTransport(options: TransportOptions): Transport {
  const authorization = `Bearer ${options.token}`;

  async function call<Result>(spec: CallSpec<Result>): Promise<Result> {
    const url = buildUrl(options.base, spec.path);
    const body = spec.body === undefined ? undefined : serialize(spec.body, spec.action);
    let response: Response;

    try {
      response = await ky(url, {
        method: spec.method,
        headers: {
          authorization,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body }),
        credentials: 'omit',
        redirect: 'error',
        cache: 'no-store',
        retry: 0,
        timeout: options.timeout,
        throwHttpErrors: false,
        ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
        ...(spec.signal === undefined ? {} : { signal: spec.signal }),
      });
    } catch (error) {
      throw await failure(error, spec);
    }

    return readAnswer(response, spec);
  }

  async function failure(error: unknown, spec: CallSpec<unknown>): Promise<unknown> {
    if (spec.signal?.aborted === true) return spec.signal.reason;

    if (error instanceof KyTimeoutError) {
      return new TimeoutError(
        `Failed to ${spec.action}: no answer within ${options.timeout} ms`,
        options.timeout,
      );
    }

    return classifyFailure(error, {
      action: spec.action,
      base: options.base,
      fetch: options.fetch,
    });
  }

  return { call };
}

/** Turns a call's body into JSON before anything is sent, so that a bad body never leaves. */
function serialize(body: unknown, action: string): string {
  try {
    return JSON.stringify(body);
  } catch {
    throw new ValidationError(
      'invalid_argument',
      `Failed to ${action}: the data cannot be sent as JSON (a cycle or a BigInt?).`,
      [{ key: 'body', message: 'cannot be written as JSON' }],
    );
  }
}

async function readAnswer<Result>(response: Response, spec: CallSpec<Result>): Promise<Result> {
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const body = await readBody(response);

  if (!spec.expect.includes(response.status)) {
    throw response.ok
      ? unexpected(spec, response.status, requestId, `status ${response.status}`, body)
      : errorFromResponse(spec.action, {
          status: response.status,
          body: body.ok ? body.value : undefined,
          requestId,
          retryAfter: response.headers.get('retry-after'),
        });
  }

  const result = body.ok ? spec.read(body.value) : undefined;
  if (result === undefined) {
    throw unexpected(
      spec,
      response.status,
      requestId,
      'a body that is not what the platform promises',
      body,
    );
  }

  return result;
}

type Body = { ok: true; value: unknown } | { ok: false };

async function readBody(response: Response): Promise<Body> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return { ok: false };
  }

  if (text === '') return { ok: true, value: undefined };

  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function unexpected(
  spec: CallSpec<unknown>,
  status: number,
  requestId: string | undefined,
  what: string,
  body: Body,
): ConfiguratorError {
  const where = requestId === undefined ? `${status}` : `${status}, request ${requestId}`;

  return new ResponseError(
    'unexpected_response',
    `Failed to ${spec.action}: the platform answered with ${what} (${where})`,
    { status, requestId, body: body.ok ? body.value : undefined },
  );
}
