import { isRgbShape } from '../configurator/colors';
import type { FieldProblem } from '../errors/classes';
import { CUSTOM_EVENT_TYPE, STANDARD_EVENT_TYPES } from '../platform/types';
import type { EventContext } from './types';

const STANDARD = new Set<string>(STANDARD_EVENT_TYPES);

/** The answer for an event with nothing wrong; shared, so a valid event allocates nothing. */
const NONE: readonly FieldProblem[] = Object.freeze([]);

/**
 * Lists what is wrong with an event's type, properties and context; empty when the event may be
 * sent. Valid events, the usual case, take the fast path and allocate nothing.
 */
export function checkEvent(
  type: unknown,
  properties: unknown,
  context?: unknown,
): readonly FieldProblem[] {
  if (isType(type) && isProperties(properties) && isContext(context)) return NONE;

  return [...typeProblems(type), ...propertyProblems(properties), ...contextProblems(context)];
}

function isType(type: unknown): boolean {
  return typeof type === 'string' && (STANDARD.has(type) || CUSTOM_EVENT_TYPE.test(type));
}

function isProperties(properties: unknown): boolean {
  if (properties === undefined) return true;
  if (!isPlainObject(properties)) return false;

  for (const key in properties) {
    if (!isFlatValue(properties[key])) return false;
  }

  return true;
}

function isContext(context: unknown): boolean {
  if (context === undefined) return true;
  if (!isPlainObject(context)) return false;

  const { productId, configurationId, variant } = context as EventContext;

  return (
    (productId === undefined || isId(productId)) &&
    (configurationId === undefined || isId(configurationId)) &&
    (variant === undefined || isVariant(variant))
  );
}

function typeProblems(type: unknown): FieldProblem[] {
  if (isType(type)) return [];

  return [
    {
      key: 'type',
      message:
        'must be a standard type or match ^[a-z][a-z0-9_.:-]{0,63}$ (lower case, up to 64 characters)',
    },
  ];
}

function propertyProblems(properties: unknown): FieldProblem[] {
  if (properties === undefined) return [];
  if (!isPlainObject(properties)) {
    return [{ key: 'properties', message: 'must be an object of strings, numbers and booleans' }];
  }

  return Object.keys(properties)
    .filter((key) => !isFlatValue(properties[key]))
    .map((key) => ({
      key: `properties.${key}`,
      message: 'must be a string, a finite number or a boolean',
    }));
}

function contextProblems(context: unknown): FieldProblem[] {
  if (context === undefined) return [];
  if (!isPlainObject(context)) {
    return [
      { key: 'context', message: 'must be an object { productId, configurationId, variant }' },
    ];
  }

  const { productId, configurationId, variant } = context as EventContext;
  const problems: FieldProblem[] = [];

  if (productId !== undefined && !isId(productId)) {
    problems.push({ key: 'productId', message: 'must be a non-empty string' });
  }

  if (configurationId !== undefined && !isId(configurationId)) {
    problems.push({ key: 'configurationId', message: 'must be a non-empty string' });
  }

  if (variant !== undefined && !isVariant(variant)) {
    problems.push({
      key: 'variant',
      message: 'must map attribute keys to strings, finite numbers, booleans or { r, g, b }',
    });
  }

  return problems;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFlatValue(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);

  return typeof value === 'string' || typeof value === 'boolean';
}

function isId(value: unknown): boolean {
  return typeof value === 'string' && value !== '';
}

function isVariant(value: unknown): boolean {
  if (!isPlainObject(value)) return false;

  for (const key in value) {
    const inner = value[key];
    if (!isFlatValue(inner) && !(isRgbShape(inner) && isRgbNumbers(inner))) return false;
  }

  return true;
}

function isRgbNumbers(color: { r: unknown; g: unknown; b: unknown }): boolean {
  return [color.r, color.g, color.b].every((n) => typeof n === 'number' && Number.isFinite(n));
}
