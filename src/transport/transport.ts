import ky from 'ky';

import { TimeoutError, ValidationError } from '../errors/classes';
import { isConfiguratorError } from '../errors/configurator-error';
import { redactToken } from '../token/redact-token';
import { sleep, throwIfAborted, untilAborted } from './abort';
import { buildUrl, type PathPart } from './build-url';
import { classifyFailure } from './classify-failure';
import { probeOrigin, PROBE_TIMEOUT } from './probes';
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

/** The reason an attempt's deadline aborts with, told apart from a caller's abort. */
const TIMED_OUT = Symbol('timed out');

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
    throwIfAborted(spec.signal);

    for (let retry = 0; ; retry += 1) {
      try {
        return await attempt(spec, url, body);
      } catch (error) {
        throwIfAborted(spec.signal);
        if (retry >= retries || !shouldRetry(error, spec.retry ?? 'none')) throw error;
      }

      await sleep(backoffDelay(retry), spec.signal);
    }
  }

  /**
   * One attempt: the request and the reading of its answer, under one deadline, so that an
   * answer whose body never ends is a `TimeoutError` too, not a call that hangs.
   */
  async function attempt<Result>(
    spec: CallSpec<Result>,
    url: string,
    body: string | undefined,
  ): Promise<Result> {
    const timeout = spec.timeout ?? options.timeout;
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(TIMED_OUT), timeout);
    const stop = () => deadline.abort(spec.signal?.reason);
    spec.signal?.addEventListener('abort', stop, { once: true });

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
        timeout: false,
        throwHttpErrors: false,
        signal: deadline.signal,
        ...(spec.keepalive === true ? { keepalive: true } : {}),
        ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
      });
      const answer = request.then((response) => readAnswer(response, spec, scrub));

      return await untilAborted(answer, deadline.signal);
    } catch (error) {
      return await failure(error, spec, timeout, deadline.signal);
    } finally {
      clearTimeout(timer);
      spec.signal?.removeEventListener('abort', stop);
    }
  }

  /**
   * Throws what the caller gets for what ended an attempt. It throws rather than returns, since
   * an abort reason may be any value, even one that breaks when a promise resolves with it.
   */
  async function failure(
    error: unknown,
    spec: CallSpec<unknown>,
    timeout: number,
    deadline: AbortSignal,
  ): Promise<never> {
    throwIfAborted(spec.signal);
    if (deadline.aborted && deadline.reason === TIMED_OUT) {
      throw new TimeoutError(`Failed to ${spec.action}: no answer within ${timeout} ms`, timeout);
    }
    if (isConfiguratorError(error)) throw error;

    const diagnosis = classifyFailure(error, {
      action: spec.action,
      base: options.base,
      fetch: options.fetch,
      signal: spec.signal,
      timeout: Math.min(timeout, PROBE_TIMEOUT),
      originAllowed: (probe) => probeOrigin(probe, authorization),
    });

    throw await untilAborted(diagnosis, spec.signal);
  }

  /** Takes the token out of text the platform or a proxy sent back. */
  function scrub(text: string): string {
    return text.split(options.token).join(redactToken(options.token));
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
