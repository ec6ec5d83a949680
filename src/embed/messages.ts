import { isConfiguratorError } from '../errors/configurator-error';
import type { ErrorPhase } from './options';

/** What a shopper is told about a failure. */
export interface ShopperMessage {
  /** What failed. */
  title: string;
  /** Why, in words a shopper can act on, without codes or set-up details. */
  text: string;
  /** Whether trying again may help. */
  retry: boolean;
}

const TITLES: Record<ErrorPhase, string> = {
  load: 'The configurator could not be shown.',
  restore: 'The shared configuration could not be opened.',
  save: 'Your configuration could not be saved.',
};

const SET_UP = 'It is not set up for this site yet. Please try again later or contact the shop.';
const AGAIN = 'Please try again in a moment.';

/**
 * The shopper's message for a failure, by error class and what the embed was doing. Details for
 * the site owner go to the console instead (see `reportToConsole`).
 */
export function shopperMessage(error: unknown, phase: ErrorPhase): ShopperMessage {
  const title = TITLES[phase];
  const name = isConfiguratorError(error) ? error.name : '';

  switch (name) {
    case 'CorsError':
    case 'AuthError':
    case 'PermissionError':
    case 'PrivateTokenError':
    case 'UsageError':
      return { title, text: SET_UP, retry: false };
    case 'NotFoundError':
      return { title, text: notFound(phase), retry: false };
    case 'ValidationError':
      return phase === 'save'
        ? {
            title,
            text: 'Some of the chosen options cannot be combined. Please change them.',
            retry: false,
          }
        : { title, text: SET_UP, retry: false };
    case 'RateLimitError':
      return { title, text: `Too many requests at once. ${wait(error)}`, retry: true };
    case 'TimeoutError':
      return { title, text: `It took too long to answer. ${AGAIN}`, retry: true };
    case 'NetworkError':
      return { title, text: network(error), retry: true };
    case 'ServerError':
      return { title, text: `Something went wrong on our side. ${AGAIN}`, retry: true };
    default:
      return { title, text: 'Something went wrong. Please try again later.', retry: true };
  }
}

function notFound(phase: ErrorPhase): string {
  if (phase === 'restore') return 'The link may be old or mistyped. Here are the standard options.';

  return phase === 'load'
    ? 'This product is not available.'
    : 'This product is no longer available.';
}

function network(error: unknown): string {
  return isConfiguratorError(error) && error.code === 'offline'
    ? 'You seem to be offline. Please check your connection and try again.'
    : 'It could not be reached. Please check your connection and try again.';
}

function wait(error: unknown): string {
  const seconds = (error as { retryAfter?: unknown }).retryAfter;

  return typeof seconds === 'number' && seconds > 0
    ? `Please try again in ${String(Math.ceil(seconds))} seconds.`
    : AGAIN;
}

/**
 * Why a shopper's choice was refused: a rule forbids it with the other choices, or the value
 * does not fit the attribute (the validator's message names the attribute by its label).
 */
export function refusalText(forbidden: boolean, problems: readonly { message: string }[]): string {
  if (forbidden) return 'That choice is not available with the other options chosen.';

  return problems[0]?.message ?? 'That choice is not available.';
}
