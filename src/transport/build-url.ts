import { ValidationError } from '../errors/classes';

/**
 * Builds a request URL under the platform's base from fixed path parts and caller-given ids.
 * Each id is encoded as one path segment, and dot segments are refused, since a URL parser
 * resolves `..` (even as `%2E%2E`) and would let an id climb out of its path.
 */
export function buildUrl(base: URL, path: readonly PathPart[]): string {
  const segments = path.map((part) => (typeof part === 'string' ? part : encodeId(part)));

  return `${baseAddress(base)}/${segments.join('/')}`;
}

/** The platform's address without a trailing slash: its origin and any base path. */
function baseAddress(base: URL): string {
  return `${base.origin}${base.pathname.replace(/\/+$/, '')}`;
}

/** A fixed path segment, or an id a caller gave, to encode. */
export type PathPart = string | { id: string; argument: string };

function encodeId({ id, argument }: { id: string; argument: string }): string {
  if (id === '' || /^(\.|%2e){1,2}$/i.test(id)) {
    throw new ValidationError('invalid_argument', `${argument} is not a valid id.`, [
      { key: argument, message: 'is empty or a dot segment' },
    ]);
  }

  return encodeURIComponent(id);
}
