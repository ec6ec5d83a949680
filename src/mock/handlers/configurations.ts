import { canonicalJson, readJson } from '../body';
import { checkConfiguration } from '../check-configuration';
import { errorReply, type Reply } from '../reply';
import type { RouteContext } from '../route';
import { bodyTooLarge, MAX_BODY_BYTES, MAX_BODY_DEPTH, nestsDeeperThan } from './limits';

/** 1 to 255 visible ASCII characters. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * `POST /api/configurations`: checks and stores a configuration, answering `201` with its
 * record. With an `Idempotency-Key`, a retry with the same body within 24 hours answers the
 * first record again with `Idempotent-Replayed: true`, and another body `422
 * idempotency_key_reused`. Only successful saves are remembered, so a refused save can be
 * corrected and sent again under the same key. A body over 64 KiB answers `413`; one nested
 * deeper than 64 levels answers `422` with key `body`.
 */
export async function saveConfiguration({ state, request, token }: RouteContext): Promise<Reply> {
  const key = request.headers.get('idempotency-key');

  if (key !== null && !IDEMPOTENCY_KEY.test(key)) {
    return invalid(
      'Idempotency-Key',
      'An Idempotency-Key must be 1 to 255 visible ASCII characters, such as a UUID.',
    );
  }

  const body = await readJson(request);

  if (body.bytes > MAX_BODY_BYTES) {
    return bodyTooLarge();
  }

  if (!body.ok) {
    return invalid('body', 'The body is not JSON: send the configuration as a JSON object.');
  }

  if (nestsDeeperThan(body.value, MAX_BODY_DEPTH)) {
    return invalid(
      'body',
      `The body nests more than ${MAX_BODY_DEPTH} levels of arrays and objects: send a flatter configuration.`,
    );
  }

  const fingerprint = canonicalJson(body.value);
  const earlier = key === null ? undefined : state.findIdempotentSave(token.orgId, key);

  if (earlier !== undefined) {
    return earlier.fingerprint === fingerprint
      ? { status: 201, body: earlier.configuration, headers: { 'idempotent-replayed': 'true' } }
      : errorReply(
          422,
          'idempotency_key_reused',
          'This Idempotency-Key was used for another configuration: make a new key for each new save.',
        );
  }

  const checked = checkConfiguration(state, token.orgId, body.value);

  if (!checked.ok) {
    return errorReply(
      422,
      'invalid_configuration',
      'The configuration does not fit the configurator: see errors.',
      { errors: checked.problems },
    );
  }

  const configuration = state.saveConfiguration(token.orgId, checked.configuration);

  if (key !== null) {
    const savedAt = state.now().getTime();
    state.rememberIdempotentSave(token.orgId, key, { fingerprint, configuration, savedAt });
  }

  return { status: 201, body: configuration };
}

/** `GET /api/configurations/{id or shortId}`: a configuration of the token's organization. */
export function getConfiguration({ state, params, token }: RouteContext): Reply {
  const id = params[0] ?? '';
  const configuration = state.findConfiguration(token.orgId, id);

  return configuration === undefined
    ? errorReply(
        404,
        'not_found',
        `No saved configuration ${id} in this organization: check the share link.`,
      )
    : { status: 200, body: configuration };
}

function invalid(key: string, message: string): Reply {
  return errorReply(422, 'invalid_configuration', message, { errors: [{ key, message }] });
}
