import { ValidationError } from '../errors/classes';
import { SHORT_ID } from '../platform/types';

/** The query parameter a share link carries the configuration's short id in. */
export const SHARE_PARAMETER = 'configuration';

/**
 * Builds a link to a page with a saved configuration in its query, so that the page can resume
 * it. Without `baseUrl`, the link is to the current page.
 *
 * @example
 * ```ts
 * const saved = await client.configurations.save(input);
 * navigator.clipboard.writeText(shareUrl(saved.shortId));
 * // https://shop.example.com/tables/fjord?configuration=Ab3dE5gH1k
 * ```
 */
export function shareUrl(shortId: string, baseUrl?: string | URL): string {
  if (typeof shortId !== 'string' || !SHORT_ID.test(shortId)) {
    throw new ValidationError(
      'invalid_argument',
      "Failed to build a share link: shortId must be a saved configuration's short id.",
      [{ key: 'shortId', message: 'must be 7 to 14 letters, digits, _ or -' }],
    );
  }

  const here = pageAddress();
  if (baseUrl === undefined && here === undefined) {
    throw new ValidationError(
      'invalid_argument',
      'Failed to build a share link: outside a page there is no current address; pass baseUrl.',
      [{ key: 'baseUrl', message: 'is required outside a browser' }],
    );
  }

  // Callers without types may pass anything: a symbol or a number is no address to resolve.
  const given: unknown = baseUrl;
  if (given !== undefined && typeof given !== 'string' && !isObject(given)) {
    throw invalidBase('must be a string or a URL');
  }

  // `baseUrl` may be relative to this page.
  let url: URL;
  try {
    url = new URL(String(baseUrl === undefined ? here : baseUrl), here);
  } catch {
    throw invalidBase('is not an address');
  }

  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalidBase('must be an http or https address');
  }

  url.searchParams.set(SHARE_PARAMETER, shortId);

  return url.href;
}

/**
 * Reads the short id of a shared configuration from a page address (the current page by default).
 * Returns `null` when there is none, or when what is there is not a short id.
 */
export function readSharedConfiguration(url?: string | URL): string | null {
  let value: string | null;
  try {
    // Outside a page, with no `url`, this reads "undefined", which is no address: `null`.
    value = new URL(String(url ?? pageAddress())).searchParams.get(SHARE_PARAMETER);
  } catch {
    return null;
  }

  return value !== null && SHORT_ID.test(value) ? value : null;
}

function invalidBase(problem: string): ValidationError {
  return new ValidationError(
    'invalid_argument',
    `Failed to build a share link: baseUrl ${problem}; pass the page's address, such as "https://shop.example.com/p/1".`,
    [{ key: 'baseUrl', message: problem }],
  );
}

/** The current page's address, or `undefined` outside a page. */
function pageAddress(): string | undefined {
  const href = (globalThis as { location?: { href?: unknown } }).location?.href;

  return typeof href === 'string' ? href : undefined;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
