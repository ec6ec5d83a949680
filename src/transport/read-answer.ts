import { NetworkError, ResponseError } from '../errors/classes';
import type { ConfiguratorError } from '../errors/configurator-error';
import { errorFromResponse } from './error-from-response';

/** What a call's reader learns of the answer besides its body. */
export interface AnswerMeta {
  status: number;
  headers: Headers;
  requestId: string | undefined;
}

/** How a call checks the platform's answer. */
export interface AnswerSpec<Result> {
  action: string;
  /** The statuses that count as success. */
  expect: readonly number[];
  /** Checks the body at the boundary; `undefined` means it is not what the platform promises. */
  read: (body: unknown, meta: AnswerMeta) => Result | undefined;
}

/**
 * Reads an answer into the call's result, or throws the typed error it stands for. A body that is
 * not JSON, or not the shape the call expects, is a `ResponseError`: never a `SyntaxError`,
 * `undefined` or a half-built object. A body that breaks off while it is read is a lost answer,
 * a `NetworkError` (`interrupted`), which a call may retry. Text that goes into an error passes
 * through `scrub` first, so a token echoed back by a proxy ends up in no error.
 */
export async function readAnswer<Result>(
  response: unknown,
  spec: AnswerSpec<Result>,
  scrub: (text: string) => string,
): Promise<Result> {
  if (!isResponse(response)) {
    throw new ResponseError(
      'unexpected_response',
      `Failed to ${spec.action}: fetch answered with something that is not a Response`,
    );
  }

  const header = response.headers.get('x-request-id');
  const requestId = header === null ? undefined : scrub(header);
  const body = await readBody(response, spec.action);
  const meta: AnswerMeta = { status: response.status, headers: response.headers, requestId };

  if (!spec.expect.includes(response.status)) {
    throw response.ok
      ? unexpected(spec.action, meta, `status ${response.status}`, body)
      : errorFromResponse(spec.action, {
          status: response.status,
          body: body.ok ? scrubDeep(body.value, scrub) : undefined,
          requestId,
          retryAfter: response.headers.get('retry-after'),
        });
  }

  let result: Result | undefined;
  try {
    result = body.ok ? spec.read(body.value, meta) : undefined;
  } catch {
    result = undefined;
  }

  if (result === undefined) {
    throw unexpected(spec.action, meta, 'a body that is not what the platform promises', body);
  }

  return result;
}

type Body = { ok: true; value: unknown } | { ok: false };

async function readBody(response: Response, action: string): Promise<Body> {
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw new NetworkError(
      'interrupted',
      `Failed to ${action}: the connection was lost while the answer arrived; try again`,
      { status: response.status, cause },
    );
  }

  if (text === '') return { ok: true, value: undefined };

  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function isResponse(value: unknown): value is Response {
  if (typeof value !== 'object' || value === null) return false;

  const candidate = value as Partial<Response>;

  return (
    typeof candidate.status === 'number' &&
    typeof candidate.text === 'function' &&
    typeof candidate.headers?.get === 'function'
  );
}

/** A copy of a parsed body with `scrub` applied to every string in it. */
function scrubDeep(value: unknown, scrub: (text: string) => string): unknown {
  if (typeof value === 'string') return scrub(value);
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, scrub));
  if (typeof value !== 'object' || value === null) return value;

  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [scrub(key), scrubDeep(item, scrub)]),
  );
}

function unexpected(
  action: string,
  { status, requestId }: AnswerMeta,
  what: string,
  body: Body,
): ConfiguratorError {
  const where = requestId === undefined ? `${status}` : `${status}, request ${requestId}`;

  return new ResponseError(
    'unexpected_response',
    `Failed to ${action}: the platform answered with ${what} (${where})`,
    { status, requestId, body: body.ok ? body.value : undefined },
  );
}
