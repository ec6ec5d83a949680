import { isConfiguratorError, type ConfiguratorError } from '../errors/configurator-error';
import { TITLES } from './messages';
import type { ErrorPhase } from './options';

/**
 * The prefix of everything the SDK writes to the console. The embed is the only part of the
 * SDK that writes there, and only about what a site owner must know or fix.
 */
export const CONSOLE_PREFIX = '[configurator-embed]';

/**
 * Writes a failure's detail for the site owner to the console: the error's name and code, the
 * product, the error's message (what failed, why, the request id) and what to do. Failures the
 * site owner must fix are errors; passing ones (network, timeout, server, rate limit) are
 * warnings. The SDK's errors go out as their text, which never holds the token; anything else
 * (a bug) is passed as it is, for its stack.
 */
export function reportToConsole(error: unknown, phase: ErrorPhase, productId: string): void {
  if (!isConfiguratorError(error)) {
    console.error(`${CONSOLE_PREFIX} ${TITLES[phase]} Product ${productId}:`, error);

    return;
  }

  const what = `${CONSOLE_PREFIX} ${error.name} (${error.code}), product ${productId}:`;
  const line = [what, sentence(error.message), siteOwnerHint(error, phase)].join(' ').trim();

  if (passing(error, phase)) console.warn(line);
  else console.error(line);
}

/** Writes a warning for the site owner, with the SDK's prefix. */
export function warn(message: string): void {
  console.warn(`${CONSOLE_PREFIX} ${message}`);
}

function siteOwnerHint(error: ConfiguratorError, phase: ErrorPhase): string {
  switch (error.name) {
    case 'CorsError': {
      const origin = (error as { origin?: unknown }).origin;

      return typeof origin === 'string'
        ? `Site owner: this page's origin is ${origin}; add it to the public token's domain list on the platform.`
        : "Site owner: add this page's origin to the public token's domain list on the platform.";
    }
    case 'AuthError':
      return error.code === 'token_revoked'
        ? ''
        : 'Site owner: check that the page holds a public token of this platform (data-token, or the token given to createClient).';
    case 'PrivateTokenError':
      return 'Site owner: a PRIVATE token is in this page, where anyone can read it. Revoke it on the platform now and use a public token.';
    case 'PermissionError':
      return 'Site owner: a public token may only load, save and read configurations and send analytics.';
    case 'NotFoundError':
      return phase === 'load'
        ? 'Site owner: check the product id (productId, or data-configurator-product).'
        : '';
    case 'ValidationError':
      return error.code === 'invalid_argument' ? '' : listProblems(error);
    default:
      return '';
  }
}

/** Ends a message with a full stop, unless it has one. */
function sentence(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

function listProblems(error: ConfiguratorError): string {
  const problems = (error as { errors?: unknown }).errors;

  if (!Array.isArray(problems) || problems.length === 0) return '';

  return `Problems: ${problems
    .map(
      (problem: { key?: unknown; message?: unknown }) =>
        `${String(problem.key)}: ${String(problem.message)}`,
    )
    .join('; ')}.`;
}

function passing(error: ConfiguratorError, phase: ErrorPhase): boolean {
  if (phase === 'restore' && error.name === 'NotFoundError') return true;

  return ['NetworkError', 'TimeoutError', 'ServerError', 'RateLimitError'].includes(error.name);
}
