/**
 * The Fetch standard's lists of methods and headers a page may use without a preflight, may not
 * set at all, or may read from a cross-origin answer.
 * @see https://fetch.spec.whatwg.org/#terminology-headers
 */

const SAFELISTED_METHODS = new Set(['GET', 'HEAD', 'POST']);

const FORBIDDEN_REQUEST_HEADERS = new Set([
  'accept-charset',
  'accept-encoding',
  'access-control-request-headers',
  'access-control-request-method',
  'connection',
  'content-length',
  'cookie',
  'cookie2',
  'date',
  'dnt',
  'expect',
  'host',
  'keep-alive',
  'origin',
  'referer',
  'set-cookie',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
]);

const METHOD_OVERRIDE_HEADERS = new Set([
  'x-http-method',
  'x-http-method-override',
  'x-method-override',
]);

const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

const NO_CORS_SAFELISTED_NAMES = new Set([
  'accept',
  'accept-language',
  'content-language',
  'content-type',
]);

const SAFELISTED_CONTENT_TYPES = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]);

// Bytes the standard calls CORS-unsafe request-header bytes, besides controls other than tab.
const UNSAFE_BYTES = new Set([
  0x22, 0x28, 0x29, 0x3a, 0x3c, 0x3e, 0x3f, 0x40, 0x5b, 0x5c, 0x5d, 0x7b, 0x7d, 0x7f,
]);

const LANGUAGE_VALUE = /^[0-9A-Za-z *,\-.;=]*$/;

const SIMPLE_RANGE = /^bytes=(\d+)-(\d*)$/;

const SAFELISTED_RESPONSE_HEADERS = new Set([
  'cache-control',
  'content-language',
  'content-length',
  'content-type',
  'expires',
  'last-modified',
  'pragma',
]);

const FORBIDDEN_RESPONSE_HEADERS = new Set(['set-cookie', 'set-cookie2']);

const MAX_SAFELISTED_VALUE = 128;

/** Whether `method` is GET, HEAD or POST, which need no preflight. */
export function isCorsSafelistedMethod(method: string): boolean {
  return SAFELISTED_METHODS.has(method);
}

/**
 * Whether a page may not set this header: the browser drops it silently (`Origin`, `Cookie`,
 * `Host`, `Sec-*`, `Proxy-*`, a method override naming CONNECT, TRACE or TRACK…).
 */
export function isForbiddenRequestHeader(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (FORBIDDEN_REQUEST_HEADERS.has(lower)) return true;
  if (lower.startsWith('proxy-') || lower.startsWith('sec-')) return true;
  if (!METHOD_OVERRIDE_HEADERS.has(lower)) return false;

  return value.split(',').some((method) => FORBIDDEN_METHODS.has(method.trim().toUpperCase()));
}

/** Whether a header may travel cross-origin without a preflight, as the standard defines it. */
export function isCorsSafelistedRequestHeader(name: string, value: string): boolean {
  if (value.length > MAX_SAFELISTED_VALUE) return false;

  switch (name.toLowerCase()) {
    case 'accept':
      return !hasCorsUnsafeByte(value);
    case 'accept-language':
    case 'content-language':
      return LANGUAGE_VALUE.test(value);
    case 'content-type':
      return !hasCorsUnsafeByte(value) && SAFELISTED_CONTENT_TYPES.has(mimeEssence(value));
    case 'range':
      return isSimpleRange(value);
    default:
      return false;
  }
}

/** Whether a `no-cors` request may carry this header; a browser drops any other. */
export function isNoCorsSafelistedRequestHeader(name: string, value: string): boolean {
  return (
    NO_CORS_SAFELISTED_NAMES.has(name.toLowerCase()) && isCorsSafelistedRequestHeader(name, value)
  );
}

/**
 * The names of the headers that call for a preflight, lower-cased and sorted, as they travel in
 * `Access-Control-Request-Headers`.
 */
export function corsUnsafeRequestHeaderNames(headers: Headers): string[] {
  const unsafe: string[] = [];

  // The standard also makes every safelisted header unsafe once their values together exceed
  // 1,024 bytes. `Headers` joins a repeated name into one value, so at most five safelisted
  // values of 128 bytes remain, and their sum cannot get there. (A repeated header whose joined
  // value exceeds 128 bytes is thus unsafe here, where the standard checks each copy.)
  headers.forEach((value, name) => {
    if (!isCorsSafelistedRequestHeader(name, value)) unsafe.push(name.toLowerCase());
  });

  return unsafe.sort();
}

/** Whether a request header is one that `Access-Control-Allow-Headers: *` does not cover. */
export function isCorsNonWildcardRequestHeader(name: string): boolean {
  return name.toLowerCase() === 'authorization';
}

/** Whether a page may read this response header without it being exposed. */
export function isCorsSafelistedResponseHeader(name: string): boolean {
  return SAFELISTED_RESPONSE_HEADERS.has(name.toLowerCase());
}

/** Whether a page may never read this response header, whatever the server exposes. */
export function isForbiddenResponseHeader(name: string): boolean {
  return FORBIDDEN_RESPONSE_HEADERS.has(name.toLowerCase());
}

function hasCorsUnsafeByte(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    const byte = value.charCodeAt(index);
    if ((byte < 0x20 && byte !== 0x09) || UNSAFE_BYTES.has(byte)) return true;
  }

  return false;
}

// The standard runs its full MIME parser; an essence that is not a bare `type/subtype` fails it
// and cannot be one of the three safelisted types either, so comparing the essence suffices.
function mimeEssence(value: string): string {
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

function isSimpleRange(value: string): boolean {
  const match = SIMPLE_RANGE.exec(value);
  if (match === null) return false;

  const [, start = '', end = ''] = match;

  return end === '' || Number(start) <= Number(end);
}
