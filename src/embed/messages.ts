import type { NetworkError } from '../errors/classes';
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

/** What failed, by what the embed was doing, as the shopper and the console are told. */
export const TITLES: Record<ErrorPhase, string> = {
  load: 'The configurator could not be shown.',
  restore: 'The shared configuration could not be opened.',
  save: 'Your configuration could not be saved.',
};

const NOT_FOUND: Record<ErrorPhase, string> = {
  load: 'This product is not available.',
  restore: 'The link may be old or mistyped. Here are the standard options.',
  save: 'This product is no longer available.',
};

/** Failures that trying again does not mend: the site's set-up, or what was asked for. */
const LASTING = [
  'CorsError',
  'AuthError',
  'PermissionError',
  'PrivateTokenError',
  'UsageError',
  'NotFoundError',
  'ValidationError',
];

const SET_UP = 'It is not set up for this site yet. Please try again later or contact the shop.';
const AGAIN = 'Please try again in a moment.';

/**
 * The shopper's message for a failure, by error class and what the embed was doing. Details for
 * the site owner go to the console instead (see `reportToConsole`).
 */
export function shopperMessage(error: unknown, phase: ErrorPhase): ShopperMessage {
  const name = isConfiguratorError(error) ? error.name : '';

  return {
    title: TITLES[phase],
    text: shopperText(error, name, phase),
    retry: !LASTING.includes(name),
  };
}

/** The shopper's message as one line: what failed, then why. */
export function messageLine(message: ShopperMessage): string {
  return `${message.title} ${message.text}`;
}

function shopperText(error: unknown, name: string, phase: ErrorPhase): string {
  switch (name) {
    case 'NotFoundError':
      return NOT_FOUND[phase];
    case 'ValidationError':
      return phase === 'save'
        ? 'Some of the chosen options cannot be combined. Please change them.'
        : SET_UP;
    case 'RateLimitError':
      return `Too many requests at once. ${wait(error)}`;
    case 'TimeoutError':
      return `It took too long to answer. ${AGAIN}`;
    case 'NetworkError':
      return (error as NetworkError).code === 'offline'
        ? 'You seem to be offline. Please check your connection and try again.'
        : 'It could not be reached. Please check your connection and try again.';
    case 'ServerError':
      return `Something went wrong on our side. ${AGAIN}`;
    default:
      // The rest of the lasting failures are the site's set-up; anything else was not expected.
      return LASTING.includes(name) ? SET_UP : 'Something went wrong. Please try again later.';
  }
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
