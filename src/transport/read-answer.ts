import { NetworkError, ResponseError } from '../errors/classes';
import { errorFromResponse } from './error-from-response';

/** What a call's reader learns of the answer besides its body. */
export interface AnswerMeta {
  status: number;
  headers: Headers;
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
  { action, expect, read }: AnswerSpec<Result>,
  scrub: (text: string) => string,
): Promise<Result> {
  const fail = `Failed to ${action}: `;

  if (!isResponse(response)) {
    throw new ResponseError(
      'unexpected_response',
      `${fail}fetch answered with something that is not a Response`,
    );
  }

  const { status, headers } = response;
  const header = headers.get('x-request-id');
  const requestId = header === null ? undefined : scrub(header);
  let text: string;

  try {
    text = await response.text();
  } catch (cause) {
    throw new NetworkError(
      'interrupted',
      `${fail}the connection was lost while the answer arrived; try again`,
      { status, cause },
    );
  }

  // `undefined` for an empty body, and for one that is not JSON, which `parsed` then tells.
  let body: unknown;
  let parsed = true;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = false;
  }

  const unexpected = (what: string) => {
    const where = requestId === undefined ? status : `${status}, request ${requestId}`;

    return new ResponseError(
      'unexpected_response',
      `${fail}the platform answered with ${what} (${where})`,
      { status, requestId, body: scrubbed(body, scrub) },
    );
  };

  if (!expect.includes(status)) {
    throw response.ok
      ? unexpected(`status ${status}`)
      : errorFromResponse(action, {
          status,
          body: scrubbed(body, scrub),
          requestId,
          retryAfter: headers.get('retry-after'),
        });
  }

  let result: Result | undefined;
  try {
    result = parsed ? read(body, response) : undefined;
  } catch {
    result = undefined;
  }

  if (result === undefined) throw unexpected('a body that is not what the platform promises');

  return result;
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

/**
 * A copy of a parsed body with `scrub` applied to every string in it, for an error to carry; a
 * body nested too deeply to copy is left out rather than thrown as a `RangeError`.
 */
function scrubbed(value: unknown, scrub: (text: string) => string): unknown {
  try {
    return scrubDeep(value, scrub);
  } catch {
    return undefined;
  }
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
