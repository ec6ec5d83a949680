import { UUID } from '../../platform/types';
import { isRecord } from '../../util/is-record';
import { readJson } from '../body';
import { DomainEntryError } from '../domains';
import { errorReply, type Reply } from '../reply';
import type { RouteContext } from '../route';
import { bodyTooLarge, MAX_BODY_BYTES } from './limits';

/** `GET /api/accesstokens`: the organization's tokens, revoked ones included, oldest first. */
export function listTokens({ state, token }: RouteContext): Reply {
  return { status: 200, body: { tokens: state.tokens(token.orgId) } };
}

/**
 * `POST /api/accesstokens`: creates a token from `{ name, kind, domains }`. A public token's
 * domains are checked against the grammar (`422 invalid_domain` with the first refused entry); a
 * private token takes no domains. Other malformed bodies answer `422 invalid_request`, and a
 * body over 64 KiB `413`.
 */
export async function createToken({ state, request, token }: RouteContext): Promise<Reply> {
  const body = await readJson(request);

  if (body.bytes > MAX_BODY_BYTES) {
    return bodyTooLarge();
  }

  const value = body.ok && isRecord(body.value) ? body.value : null;
  const { name, kind, domains = [] } = value ?? {};

  if (typeof name !== 'string' || name.trim() === '' || name.length > 200) {
    return invalidRequest('name', 'name must be a non-empty string of at most 200 characters.');
  }

  if (kind !== 'public' && kind !== 'private') {
    return invalidRequest('kind', 'kind must be "public" or "private".');
  }

  if (!Array.isArray(domains) || !domains.every((entry) => typeof entry === 'string')) {
    return invalidRequest('domains', 'domains must be a list of strings.');
  }

  const entries = domains;

  if (kind === 'private' && entries[0] !== undefined) {
    return errorReply(
      422,
      'invalid_domain',
      'A private token takes no domains: it is for servers, not pages.',
      { entry: entries[0] },
    );
  }

  try {
    const created = state.createToken({ name, kind, domains: entries, orgId: token.orgId });

    return { status: 201, body: created };
  } catch (error) {
    if (error instanceof DomainEntryError) {
      return errorReply(422, 'invalid_domain', error.message, { entry: error.entry });
    }

    throw error;
  }
}

/**
 * `DELETE /api/accesstokens/{id}`: revokes one of the organization's tokens and answers `200`
 * with its record. Revoking a revoked token changes nothing and answers the same record.
 */
export function revokeToken({ state, params, token }: RouteContext): Reply {
  const id = params[0] ?? '';
  const target = UUID.test(id) ? state.findToken(id) : undefined;

  if (target === undefined || target.orgId !== token.orgId) {
    return errorReply(404, 'not_found', 'No such token in this organization.');
  }

  return { status: 200, body: state.revokeToken(target.id) };
}

function invalidRequest(key: string, message: string): Reply {
  return errorReply(422, 'invalid_request', message, { errors: [{ key, message }] });
}
