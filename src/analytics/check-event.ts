import type { FieldProblem } from '../errors/classes';
import { CUSTOM_EVENT_TYPE, STANDARD_EVENT_TYPES, type EventProperties } from '../platform/types';

const STANDARD = new Set<string>(STANDARD_EVENT_TYPES);

/** Lists what is wrong with an event's type and properties; empty when the event may be sent. */
export function checkEvent(type: unknown, properties: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];

  if (typeof type !== 'string' || !(STANDARD.has(type) || CUSTOM_EVENT_TYPE.test(type))) {
    problems.push({
      key: 'type',
      message:
        'must be a standard type or match ^[a-z][a-z0-9_.:-]{0,63}$ (lower case, up to 64 characters)',
    });
  }

  if (properties === undefined) return problems;

  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
    problems.push({
      key: 'properties',
      message: 'must be an object of strings, numbers and booleans',
    });

    return problems;
  }

  for (const [key, value] of Object.entries(properties)) {
    if (!isFlatValue(value)) {
      problems.push({
        key: `properties.${key}`,
        message: 'must be a string, a finite number or a boolean',
      });
    }
  }

  return problems;
}

/** Narrows checked properties to their wire type. */
export function asProperties(properties: unknown): EventProperties | undefined {
  return properties === undefined ? undefined : { ...(properties as EventProperties) };
}

function isFlatValue(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);

  return typeof value === 'string' || typeof value === 'boolean';
}
