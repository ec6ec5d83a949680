import { ResponseError } from '../errors/classes';
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
 * `undefined` or a half-built object.
 */
export async function readAnswer<Result>(
  response: Response,
  spec: AnswerSpec<Result>,
): Promise<Result> {
  const requestId = response.headers.get('x-request-id') ?? undefined;
  const body = await readBody(response);
  const meta: AnswerMeta = { status: response.status, headers: response.headers, requestId };

  if (!spec.expect.includes(response.status)) {
    throw response.ok
      ? unexpected(spec.action, meta, `status ${response.status}`, body)
      : errorFromResponse(spec.action, {
          status: response.status,
          body: body.ok ? body.value : undefined,
          requestId,
          retryAfter: response.headers.get('retry-after'),
        });
  }

  const result = body.ok ? spec.read(body.value, meta) : undefined;
  if (result === undefined) {
    throw unexpected(spec.action, meta, 'a body that is not what the platform promises', body);
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
