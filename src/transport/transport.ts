import ky from 'ky';

import { TimeoutError } from '../errors/classes';
import { isConfiguratorError } from '../errors/configurator-error';
import { redactToken } from '../token/redact-token';
import { sleep, startDeadline, throwIfAborted, untilAborted } from './abort';
import { buildUrl } from './build-url';
import { classifyFailure } from './classify-failure';
import { PROBE_TIMEOUT } from './probes';
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
  path: readonly string[];
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
export function createTransport({ base, token, fetch, timeout }: TransportOptions): Transport {
  const authorization = `Bearer ${token}`;

  /** Takes the token out of text the platform or a proxy sent back. */
  const scrub = (text: string): string => text.split(token).join(redactToken(token));

  async function call<Result>(spec: CallSpec<Result>): Promise<Result> {
    const url = buildUrl(base, spec.path);
    // The body was checked where it was made, so it always writes as JSON.
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    throwIfAborted(spec.signal);

    for (let retry = 0; ; retry += 1) {
      try {
        return await attempt(spec, url, body);
      } catch (error) {
        throwIfAborted(spec.signal);
        if (retry >= DEFAULT_RETRIES || !shouldRetry(error, spec.retry ?? 'none')) throw error;
      }

      await sleep(backoffDelay(retry), spec.signal);
    }
  }

  /**
   * One attempt: the request and the reading of its answer, under one deadline, so that an
   * answer whose body never ends is a `TimeoutError` too, not a call that hangs. What ends it
   * is thrown rather than returned, since an abort reason may be any value, even one that breaks
   * when a promise resolves with it.
   */
  async function attempt<Result>(
    spec: CallSpec<Result>,
    url: string,
    body: string | undefined,
  ): Promise<Result> {
    const { signal, action } = spec;
    const limit = spec.timeout ?? timeout;
    const deadline = startDeadline(signal, limit, TIMED_OUT);

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
        keepalive: spec.keepalive === true,
        ...(fetch === undefined ? {} : { fetch }),
      });

      return await untilAborted(
        request.then((response) => readAnswer(response, spec, scrub)),
        deadline.signal,
      );
    } catch (error) {
      throwIfAborted(signal);

      if (deadline.signal.reason === TIMED_OUT) {
        throw new TimeoutError(`Failed to ${action}: no answer within ${limit} ms`, limit);
      }
      if (isConfiguratorError(error)) throw error;

      throw await untilAborted(
        classifyFailure(error, {
          action,
          base,
          fetch,
          signal,
          timeout: Math.min(limit, PROBE_TIMEOUT),
          authorization,
        }),
        signal,
      );
    } finally {
      deadline.done();
    }
  }

  return { call };
}
