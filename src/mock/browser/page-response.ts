import { parseTokenList } from './cors-check';
import { isCorsSafelistedResponseHeader, isForbiddenResponseHeader } from './cors-safelist';
import { FetchBlocked, discardBody } from './network';

/** Statuses whose response has no body, whatever the server sent. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** Where a page response came from, as `Response.type`, `url` and `redirected` report it. */
export interface ResponseOrigin {
  /** The final URL. */
  url: string;
  redirected: boolean;
  /** An abort after the headers arrived errors the body with the signal's reason. */
  signal: AbortSignal;
}

/**
 * The answer to a same-origin request as a page sees it: every header but `Set-Cookie`.
 */
export function basicResponse(response: Response, from: ResponseOrigin): Response {
  return rebuild(response, 'basic', from, (name) => !isForbiddenResponseHeader(name));
}

/**
 * The answer to a cross-origin request as a page sees it: the CORS-safelisted headers and those
 * named in `Access-Control-Expose-Headers` (`*` names all of them, unless the request was
 * credentialed); never `Set-Cookie`.
 */
export function corsResponse(
  response: Response,
  from: ResponseOrigin,
  includeCredentials: boolean,
): Response {
  const exposed = parseTokenList(response.headers.get('access-control-expose-headers')) ?? [];
  const names = new Set(exposed.map((name) => name.toLowerCase()));
  const all = !includeCredentials && names.has('*');
  const isExposed = (name: string): boolean =>
    !isForbiddenResponseHeader(name) &&
    (isCorsSafelistedResponseHeader(name) || all || names.has(name.toLowerCase()));

  return rebuild(response, 'cors', from, isExposed);
}

/**
 * What a `no-cors` request to another origin resolves with: status 0, no headers, no body.
 */
export function opaqueResponse(): Response {
  return disguise(Response.error(), { type: 'opaque', url: '', redirected: false });
}

/**
 * What a `redirect: 'manual'` request resolves with when answered by a redirect: status 0, no
 * headers, no body, and the URL that redirected.
 */
export function opaqueRedirectResponse(url: string): Response {
  return disguise(Response.error(), { type: 'opaqueredirect', url, redirected: false });
}

/** A URL as `Response.url` shows it: without its fragment. */
export function responseUrl(url: URL): string {
  const shown = new URL(url);
  shown.hash = '';

  return shown.href;
}

interface ResponseFacts {
  type: ResponseType;
  url: string;
  redirected: boolean;
}

function rebuild(
  response: Response,
  type: ResponseType,
  from: ResponseOrigin,
  keep: (name: string) => boolean,
): Response {
  const { status } = response;

  // Interim (1xx) answers never reach fetch, and `Response` cannot hold them.
  if (status < 200 || status > 599) {
    discardBody(response);
    throw new FetchBlocked('status', `The answer has status ${status}, which fetch cannot return.`);
  }

  const headers = new Headers();
  response.headers.forEach((value, name) => {
    if (keep(name)) headers.append(name, value);
  });

  let body: ReadableStream<Uint8Array> | null = null;
  if (NULL_BODY_STATUSES.has(status)) {
    discardBody(response);
  } else if (response.body !== null) {
    // Once the headers are in, an abort still errors the body, as a browser's fetch does.
    body = response.body.pipeThrough(new TransformStream<Uint8Array, Uint8Array>(), {
      signal: from.signal,
    });
  }

  const rebuilt = new Response(body, { status, statusText: response.statusText, headers });

  return disguise(rebuilt, { type, url: from.url, redirected: from.redirected });
}

// `new Response()` always reports type "default", no URL and no redirect. Own properties shadow
// the prototype's getters; `clone()` is wrapped so that a clone keeps them.
function disguise(response: Response, facts: ResponseFacts): Response {
  const clone = (): Response => disguise(Response.prototype.clone.call(response), facts);

  return Object.defineProperties(response, {
    type: { value: facts.type },
    url: { value: facts.url },
    redirected: { value: facts.redirected },
    clone: { value: clone },
  });
}
