import { errorReply, type Reply } from '../reply';
import type { RouteContext } from '../route';

/**
 * `GET /api/products/{productId}/configurator`: the product's configurator with an `ETag`, or
 * `304` when `If-None-Match` names that tag. Another organization's product is `404` too.
 */
export function getConfigurator({ state, request, params, token }: RouteContext): Reply {
  const productId = params[0] ?? '';
  const definition = state.findProduct(token.orgId, productId);

  if (definition === undefined) {
    return errorReply(
      404,
      'not_found',
      `No product ${productId} in this organization: check the product id.`,
    );
  }

  const etag = `"${fnv1a(JSON.stringify(definition))}"`;
  const headers = { etag, 'cache-control': 'no-cache' };

  if (ifNoneMatchHolds(request.headers.get('if-none-match'), etag)) {
    return { status: 304, headers };
  }

  return { status: 200, body: definition, headers };
}

/** `If-None-Match` compares tags weakly: `W/"x"` matches `"x"`, and `*` matches any. */
function ifNoneMatchHolds(header: string | null, etag: string): boolean {
  if (header === null) {
    return false;
  }

  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}

/** A 32-bit FNV-1a hash in hex: enough to tell one version of a definition from another. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;

  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }

  return (hash >>> 0).toString(16).padStart(8, '0');
}
