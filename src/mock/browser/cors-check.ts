/**
 * The Fetch standard's CORS check, shared by the preflight and the real answer, and the parser
 * of the comma-separated `Access-Control-*` lists.
 * @see https://fetch.spec.whatwg.org/#cors-check
 */

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Splits a comma-separated list of tokens (`GET, POST`), skipping empty items. Answers `[]` for
 * an absent header and `null` when an item is not a token, which fails a preflight.
 */
export function parseTokenList(value: string | null): string[] | null {
  if (value === null) return [];

  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');

  return items.every((item) => TOKEN.test(item)) ? items : null;
}

/**
 * Checks an answer's `Access-Control-Allow-Origin` (and, for a credentialed request,
 * `Access-Control-Allow-Credentials`) against the page origin. Answers `null` when the page may
 * read it, else why not.
 */
export function corsCheck(
  headers: Headers,
  origin: string,
  includeCredentials: boolean,
): string | null {
  const allowOrigin = headers.get('access-control-allow-origin');

  if (allowOrigin === null) {
    return "No 'Access-Control-Allow-Origin' header is present on the requested resource.";
  }
  if (allowOrigin === '*') {
    if (!includeCredentials) return null;

    return "'Access-Control-Allow-Origin: *' is refused when the credentials mode is 'include'.";
  }
  if (allowOrigin !== origin) {
    return `'Access-Control-Allow-Origin' is '${allowOrigin}', not the page origin '${origin}'.`;
  }
  if (!includeCredentials) return null;

  const allowCredentials = headers.get('access-control-allow-credentials') ?? '';
  if (allowCredentials === 'true') return null;

  return `'Access-Control-Allow-Credentials' is '${allowCredentials}', not 'true' (credentials).`;
}
