import { UsageError } from '../errors/classes';

const LOOPBACK_HOST = /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Checks `apiUrl` and returns it as the base every request is built on.
 * The token travels over HTTPS only; plain `http` is allowed for loopback hosts, where a developer
 * runs the mock platform.
 */
export function resolveApiUrl(apiUrl: unknown): URL {
  if (typeof apiUrl !== 'string' && !(apiUrl instanceof URL)) {
    throw invalid(
      'apiUrl is required: pass the platform\'s address, e.g. apiUrl: "https://api.example.com".',
    );
  }

  let url: URL;
  try {
    url = new URL(String(apiUrl));
  } catch {
    throw invalid(
      'apiUrl is not an absolute URL: pass the platform\'s address, e.g. "https://api.example.com".',
    );
  }

  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid(`apiUrl must use https, not ${url.protocol.slice(0, -1)}.`);
  }

  if (url.protocol === 'http:' && !LOOPBACK_HOST.test(url.hostname)) {
    throw invalid(
      `apiUrl must use https: the token travels over HTTPS only (plain http is for localhost). Pass "https://${url.host}".`,
    );
  }

  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw invalid('apiUrl must be a plain address without credentials, query or fragment.');
  }

  return url;
}

function invalid(message: string): UsageError {
  return new UsageError('invalid_api_url', message);
}
