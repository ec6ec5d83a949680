import ky, { TimeoutError as KyTimeoutError } from 'ky';

import { TimeoutError, ValidationError } from '../errors/classes';
import { untilAborted, sleep } from './abort';
import { buildUrl, type PathPart } from './build-url';
import { classifyFailure } from './classify-failure';
import { probeOrigin } from './probes';
import { readAnswer, type AnswerSpec } from './read-answer';
import { backoffDelay, DEFAULT_RETRIES, shouldRetry, type RetryKind } from './retry';

/** What the transport needs to reach the platform. */
export interface TransportOptions {
  /** The platform's base address, already checked. */
  base: URL;
  /** The public token, already checked; sent only as `Authorization: Bearer`. */
  token: string;
  /** The fetch to use; the page's own when absent. */
  fetch: typeof fetch | undefined;
  /** Milliseconds an attempt may take before it ends in a `TimeoutError`. */
  timeout: number;
}

/** One call to the platform. */
export interface CallSpec<Result> extends AnswerSpec<Result> {
  method: 'GET' | 'POST';
  path: readonly PathPart[];
  body?: unknown;
  /** Headers besides the token's, such as `idempotency-key`. */
  headers?: Record<string, string>;
  /** Which failures may be retried; `none` by default. */
  retry?: RetryKind;
  /** Milliseconds each attempt may take; the client's timeout by default. */
  timeout?: number | undefined;
  /**
   * The fetch cache mode; `default` unless said, so that the platform's own cache headers rule and
   * the browser keeps its preflight cache (other modes make Chromium preflight every request).
   */
  cache?: RequestCache;
  /** Lets the request outlive the page, as a page that is being left needs. */
  keepalive?: boolean;
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
    const retries = spec.retry === undefined || spec.retry === 'none' ? 0 : DEFAULT_RETRIES;

    for (let retry = 0; ; retry += 1) {
      try {
        return await attempt(spec, url, body);
      } catch (error) {
        if (spec.signal?.aborted === true) throw spec.signal.reason;
        if (retry >= retries || !shouldRetry(error, spec.retry ?? 'none')) throw error;
      }

      await sleep(backoffDelay(retry), spec.signal);
    }
  }

  async function attempt<Result>(
    spec: CallSpec<Result>,
    url: string,
    body: string | undefined,
  ): Promise<Result> {
    const timeout = spec.timeout ?? options.timeout;
    let response: Response;

    try {
      const request = ky(url, {
        method: spec.method,
        headers: {
          ...spec.headers,
          authorization,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body }),
        credentials: 'omit',
        redirect: 'error',
        cache: spec.cache ?? 'default',
        retry: 0,
        timeout,
        throwHttpErrors: false,
        ...(spec.keepalive === true ? { keepalive: true } : {}),
        ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
        ...(spec.signal === undefined ? {} : { signal: spec.signal }),
      });
      response = await untilAborted(request, spec.signal);
    } catch (error) {
      if (spec.signal?.aborted === true) throw spec.signal.reason;
      if (error instanceof KyTimeoutError) {
        throw new TimeoutError(`Failed to ${spec.action}: no answer within ${timeout} ms`, timeout);
      }

      throw await classifyFailure(error, {
        action: spec.action,
        base: options.base,
        fetch: options.fetch,
        originAllowed: () => probeOrigin(options, authorization),
      });
    }

    return readAnswer(response, spec);
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
