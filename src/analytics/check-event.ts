import { isRgbShape } from '../configurator/colors';
import { ValidationError, type FieldProblem } from '../errors/classes';
import { CUSTOM_EVENT_TYPE, STANDARD_EVENT_TYPES } from '../platform/types';
import { isRecord } from '../util/is-record';

const STANDARD = new Set<string>(STANDARD_EVENT_TYPES);

/** What each field of an event's context must be, and the problem when it is not. */
const CONTEXT_FIELDS = [
  ['productId', isId, 'must be a non-empty string'],
  ['configurationId', isId, 'must be a non-empty string'],
  [
    'variant',
    isVariant,
    'must map attribute keys to strings, finite numbers, booleans or { r, g, b }',
  ],
] as const;

/**
 * Checks an event's type, properties and context. @returns `undefined` when the event may be
 * sent, else the `ValidationError` to report, which lists every problem.
 */
export function checkEvent(
  type: unknown,
  properties: unknown,
  context: unknown,
): ValidationError | undefined {
  const problems: FieldProblem[] = [];
  const problem = (key: string, message: string): void => {
    problems.push({ key, message });
  };

  if (typeof type !== 'string' || !(STANDARD.has(type) || CUSTOM_EVENT_TYPE.test(type))) {
    problem(
      'type',
      'must be a standard type or match ^[a-z][a-z0-9_.:-]{0,63}$ (lower case, up to 64 characters)',
    );
  }

  if (properties !== undefined && !isRecord(properties)) {
    problem('properties', 'must be an object of strings, numbers and booleans');
  } else if (properties !== undefined) {
    for (const key of Object.keys(properties)) {
      if (!isFlatValue(properties[key])) {
        problem(`properties.${key}`, 'must be a string, a finite number or a boolean');
      }
    }
  }

  if (context !== undefined && !isRecord(context)) {
    problem('context', 'must be an object { productId, configurationId, variant }');
  } else if (context !== undefined) {
    for (const [key, isValid, message] of CONTEXT_FIELDS) {
      const value = context[key];
      if (value !== undefined && !isValid(value)) problem(key, message);
    }
  }

  if (problems.length === 0) return undefined;

  const listed = problems.map(({ key, message }) => `${key} ${message}`).join('; ');

  return new ValidationError('invalid_event', `Failed to track an event: ${listed}.`, problems);
}

function isFlatValue(value: unknown): boolean {
  return Number.isFinite(value) || typeof value === 'string' || typeof value === 'boolean';
}

function isId(value: unknown): boolean {
  return typeof value === 'string' && value !== '';
}

function isVariant(value: unknown): boolean {
  if (!isRecord(value)) return false;

  for (const key in value) {
    const inner = value[key];
    const isColor = isRgbShape(inner) && Object.values(inner).every(Number.isFinite);
    if (!isFlatValue(inner) && !isColor) return false;
  }

  return true;
}
