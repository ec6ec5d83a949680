import { isRgbShape } from '../configurator/colors';
import {
  type AnalyticsEvent,
  type AttributeProblem,
  CUSTOM_EVENT_TYPE,
  STANDARD_EVENT_TYPES,
  UUID,
} from '../platform/types';
import { isRecord } from '../util/is-record';
import { unknownKeys } from './body';

const FIELDS = [
  'id',
  'type',
  'sessionId',
  'clientTime',
  'productId',
  'configurationId',
  'variant',
  'properties',
] as const;

// A date and a time with seconds optional, fractions optional, and a zone required.
const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Checks every event of a batch and lists every problem, keyed as `events[3].type`.
 *
 * @returns An empty list when the whole batch may be counted.
 */
export function checkEvents(events: readonly unknown[]): AttributeProblem[] {
  return events.flatMap((event, index) =>
    checkEvent(event).map(({ key, message }) => ({ key: `events[${index}]${key}`, message })),
  );
}

function checkEvent(event: unknown): AttributeProblem[] {
  if (!isRecord(event)) {
    return [{ key: '', message: 'An event must be a JSON object.' }];
  }

  const problems = unknownKeys(event, FIELDS).map((key) => ({
    key: `.${key}`,
    message: `Unknown field "${key}": an event takes ${FIELDS.join(', ')}.`,
  }));
  const check = (key: string, ok: boolean, message: string): void => {
    if (!ok) {
      problems.push({ key: `.${key}`, message });
    }
  };

  const { id, type, sessionId, clientTime, productId, configurationId, variant, properties } =
    event;

  check('id', typeof id === 'string' && UUID.test(id), 'id must be a UUID made by the client.');
  check(
    'type',
    isEventType(type),
    'type must be a standard type or match ^[a-z][a-z0-9_.:-]{0,63}$.',
  );
  check(
    'sessionId',
    typeof sessionId === 'string' && sessionId !== '',
    'sessionId must be a non-empty string.',
  );
  check(
    'clientTime',
    isIsoTime(clientTime),
    'clientTime must be an ISO 8601 date and time with a zone, such as 2025-03-01T12:00:00.000Z.',
  );
  check(
    'productId',
    productId === undefined || isId(productId),
    'productId must be a non-empty string.',
  );
  check(
    'configurationId',
    configurationId === undefined || isId(configurationId),
    'configurationId must be a non-empty string.',
  );
  check(
    'variant',
    variant === undefined || isVariant(variant),
    'variant must map attribute keys to strings, numbers, booleans or { r, g, b }.',
  );
  check(
    'properties',
    properties === undefined || isFlatMap(properties),
    'properties must map names to strings, numbers or booleans only.',
  );

  return problems;
}

/** Narrows a batch that `checkEvents` found no problem in. */
export function asEvents(events: readonly unknown[]): AnalyticsEvent[] {
  return events as AnalyticsEvent[];
}

function isEventType(type: unknown): boolean {
  if (typeof type !== 'string') {
    return false;
  }

  return (STANDARD_EVENT_TYPES as readonly string[]).includes(type) || CUSTOM_EVENT_TYPE.test(type);
}

function isId(value: unknown): boolean {
  return typeof value === 'string' && value !== '';
}

function isScalar(value: unknown): boolean {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

function isFlatMap(value: unknown): boolean {
  return isRecord(value) && Object.values(value).every(isScalar);
}

function isVariant(value: unknown): boolean {
  return (
    isRecord(value) && Object.values(value).every((inner) => isScalar(inner) || isRgbShape(inner))
  );
}

/** Checks the calendar too: `Date.parse` takes February 30th. */
function isIsoTime(value: unknown): boolean {
  const parts = typeof value === 'string' ? ISO_TIME.exec(value) : null;

  if (parts === null) {
    return false;
  }

  const field = (index: number): number => Number(parts[index] ?? 0);
  const month = field(2);
  const day = field(3);
  const daysInMonth = new Date(Date.UTC(field(1), month, 0)).getUTCDate();

  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth &&
    field(4) <= 23 &&
    field(5) <= 59 &&
    field(6) <= 59
  );
}
