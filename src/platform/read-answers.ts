import { isRecord } from '../util/is-record';
import type { AnalyticsBatchResult, Configuration, ConfiguratorDefinition } from './types';

/**
 * Checks of the platform's answers at the boundary: each returns the value when it has the
 * promised shape and `undefined` otherwise, so that no half-built object reaches a caller.
 */

type Json = Record<string, unknown>;

function hasStrings(value: Json, keys: readonly string[]): boolean {
  return keys.every((key) => typeof value[key] === 'string');
}

function isAttribute(value: unknown): boolean {
  if (!isRecord(value) || !hasStrings(value, ['key', 'label', 'type'])) return false;

  switch (value['type']) {
    case 'select':
    case 'color':
      return Array.isArray(value['options']) && value['options'].every(isOption);
    case 'number':
      return ['min', 'max', 'step', 'default'].every((key) => typeof value[key] === 'number');
    case 'text':
      return typeof value['maxLength'] === 'number' && typeof value['default'] === 'string';
    case 'toggle':
      return typeof value['default'] === 'boolean' && isPrice(value['price']);
    default:
      return false;
  }
}

function isOption(value: unknown): boolean {
  return isRecord(value) && hasStrings(value, ['value', 'label']) && isPrice(value['price']);
}

/** A price is optional, and a finite number when given: never text that would be concatenated. */
function isPrice(value: unknown): boolean {
  return value === undefined || Number.isFinite(value);
}

function isRule(value: unknown): boolean {
  if (!isRecord(value) || !isRecord(value['when']) || !isRecord(value['disable'])) return false;

  return Object.values(value['disable']).every((values) => Array.isArray(values));
}

/** Checks a configurator definition. */
export function readConfigurator(body: unknown): ConfiguratorDefinition | undefined {
  if (!isRecord(body)) return undefined;
  if (!hasStrings(body, ['id', 'name', 'version', 'currency'])) return undefined;
  if (typeof body['basePrice'] !== 'number') return undefined;
  if (!Array.isArray(body['attributes']) || !body['attributes'].every(isAttribute))
    return undefined;
  if (typeof body['description'] !== 'string') return undefined;
  if (
    body['rules'] !== undefined &&
    !(Array.isArray(body['rules']) && body['rules'].every(isRule))
  ) {
    return undefined;
  }

  return body as unknown as ConfiguratorDefinition;
}

/** Checks a saved configuration. */
export function readConfiguration(body: unknown): Configuration | undefined {
  if (!isRecord(body)) return undefined;
  if (!hasStrings(body, ['id', 'shortId', 'productId', 'productVersion', 'createdAt'])) {
    return undefined;
  }

  return isRecord(body['variant']) ? (body as unknown as Configuration) : undefined;
}

/** Checks the answer to an analytics batch. */
export function readBatchResult(body: unknown): AnalyticsBatchResult | undefined {
  if (!isRecord(body)) return undefined;

  const { accepted, duplicates } = body;

  return typeof accepted === 'number' && typeof duplicates === 'number'
    ? { accepted, duplicates }
    : undefined;
}
