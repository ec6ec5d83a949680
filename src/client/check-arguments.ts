import { ValidationError, type FieldProblem } from '../errors/classes';
import { SHORT_ID, UUID, type ConfigurationInput, type Variant } from '../platform/types';

/** Refuses a product id that is not a UUID, before any request leaves. */
export function checkProductId(productId: unknown, action: string): string {
  if (typeof productId === 'string' && UUID.test(productId)) return productId;

  throw refuse(action, [{ key: 'productId', message: "must be the product's UUID" }]);
}

/** Refuses a configuration id that is neither a UUID nor a short id, before any request leaves. */
export function checkConfigurationId(id: unknown, action: string): string {
  if (typeof id === 'string' && (UUID.test(id) || SHORT_ID.test(id))) return id;

  throw refuse(action, [
    {
      key: 'id',
      message: "must be a configuration's UUID or its short id (7 to 14 letters, digits, _ or -)",
    },
  ]);
}

/** Refuses a save whose arguments do not have the shape the platform takes. */
export function checkConfigurationInput(input: unknown, action: string): ConfigurationInput {
  if (!isPlainObject(input)) {
    throw refuse(action, [
      { key: 'input', message: 'must be an object { productId, productVersion, variant }' },
    ]);
  }

  const problems: FieldProblem[] = [];
  const { productId, productVersion, variant, metadata, customerId } = input;

  if (typeof productId !== 'string' || !UUID.test(productId)) {
    problems.push({ key: 'productId', message: "must be the product's UUID" });
  }
  if (typeof productVersion !== 'string' || productVersion === '') {
    problems.push({ key: 'productVersion', message: "must be the configurator's version string" });
  }
  if (!isPlainObject(variant)) {
    problems.push({ key: 'variant', message: 'must be an object of attribute keys to values' });
  } else {
    for (const [key, value] of Object.entries(variant)) {
      if (!isVariantValue(value)) {
        problems.push({
          key: `variant.${key}`,
          message: 'must be a string, a finite number, a boolean or {r,g,b}',
        });
      }
    }
  }
  if (metadata !== undefined && !isPlainObject(metadata)) {
    problems.push({ key: 'metadata', message: 'must be an object when given' });
  } else if (metadata !== undefined && !writesAsJson(metadata)) {
    problems.push({ key: 'metadata', message: 'cannot be written as JSON (a cycle or a BigInt?)' });
  }
  if (customerId !== undefined && typeof customerId !== 'string') {
    problems.push({ key: 'customerId', message: 'must be a string when given' });
  }

  if (problems.length > 0) throw refuse(action, problems);

  // A copy of the fields the platform takes, as they are now: a page that changes its variant
  // right after calling save saves what it had when it called, and nothing else is sent.
  const fields = { productId, productVersion, variant, metadata, customerId };

  return JSON.parse(JSON.stringify(fields)) as ConfigurationInput;
}

function isVariantValue(value: unknown): value is Variant[string] {
  if (typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (!isPlainObject(value)) return false;

  return ['r', 'g', 'b'].every((channel) => Number.isInteger(value[channel]));
}

function writesAsJson(value: unknown): boolean {
  try {
    JSON.stringify(value);

    return true;
  } catch {
    return false;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;

  const prototype: unknown = Object.getPrototypeOf(value);

  return prototype === Object.prototype || prototype === null;
}

function refuse(action: string, problems: FieldProblem[]): ValidationError {
  const listed = problems.map((problem) => `${problem.key} ${problem.message}`).join('; ');

  return new ValidationError('invalid_argument', `Failed to ${action}: ${listed}.`, problems);
}
