import type {
  Attribute,
  AttributeProblem,
  ConfiguratorDefinition,
  NumberAttribute,
  Rule,
  Variant,
  VariantValue,
} from '../platform/types';
import { findColorOption, isRgbShape, isValidRgb } from './colors';

/**
 * Lists every problem of a variant against a configurator, by attribute key, as the platform
 * reports them in a `422 invalid_configuration`: unknown keys, values of the wrong type, values
 * that are not an option, numbers out of range or off their step, text that is too long,
 * colours that match no swatch, and broken rules.
 *
 * A key the variant leaves out takes the attribute's default, so rules are checked against the
 * effective variant: a default can break a rule too.
 *
 * @returns An empty list when the variant fits.
 * @example
 * validateVariant(table, { wood: 'teak' });
 * // [{ key: 'wood', message: '"teak" is not an option of Wood: use one of "oak", "walnut"…' }]
 */
export function validateVariant(
  definition: ConfiguratorDefinition,
  variant: unknown,
): AttributeProblem[] {
  if (typeof variant !== 'object' || variant === null || Array.isArray(variant)) {
    return [{ key: 'variant', message: 'The variant must be an object of attribute keys.' }];
  }

  const byKey = new Map(definition.attributes.map((attribute) => [attribute.key, attribute]));
  // A key's value in effect, and whether a value is that one (a colour by its option's value).
  const current = (key: string): unknown => {
    const attribute = byKey.get(key);

    return attribute === undefined ? undefined : valueOf(attribute, variant);
  };
  const same = (key: string, value: unknown): boolean =>
    canonical(byKey.get(key), current(key)) === canonical(byKey.get(key), value);

  const problems: AttributeProblem[] = Object.keys(variant)
    .filter((key) => !byKey.has(key))
    .map((key) => ({
      key,
      message: `Unknown attribute "${key}": ${definition.name} has no such attribute.`,
    }));

  for (const attribute of definition.attributes) {
    const message = checkValue(attribute, valueOf(attribute, variant));

    if (message !== null) {
      problems.push({ key: attribute.key, message });
    }
  }

  for (const rule of definition.rules ?? []) {
    if (!Object.entries(rule.when).every(([key, value]) => same(key, value))) {
      continue;
    }

    for (const [key, values] of Object.entries(rule.disable)) {
      if (values.some((value) => same(key, value))) {
        problems.push({ key, message: ruleMessage(key, current(key), rule) });
      }
    }
  }

  return problems;
}

/**
 * The variant as the platform sees it: every attribute of the configurator, with the
 * attribute's default where the variant leaves a key out. Unknown keys are dropped.
 */
export function effectiveVariant(definition: ConfiguratorDefinition, variant: Variant): Variant {
  const effective: Variant = {};

  for (const attribute of definition.attributes) {
    // A key set to null or undefined takes the default too.
    effective[attribute.key] = (valueOf(attribute, variant) ?? attribute.default) as VariantValue;
  }

  return effective;
}

/**
 * The variant's value for an attribute, or its default when the variant leaves the key out.
 * Own keys only: `constructor` or `toString` must not read through to the prototype.
 */
function valueOf(attribute: Attribute, variant: object): unknown {
  return Object.prototype.hasOwnProperty.call(variant, attribute.key)
    ? (variant as Record<string, unknown>)[attribute.key]
    : attribute.default;
}

/** What is wrong with one value, or `null` when it fits its attribute. */
function checkValue(attribute: Attribute, value: unknown): string | null {
  const { label } = attribute;

  if (attribute.type === 'color' && isRgbShape(value)) {
    if (!isValidRgb(value)) return `${label} must have r, g and b as integers from 0 to 255.`;

    return findColorOption(attribute, value) === undefined
      ? `${describe(value)} matches no swatch of ${label}.`
      : null;
  }

  switch (attribute.type) {
    case 'color':
    case 'select': {
      if (attribute.type === 'color' && typeof value !== 'string') {
        return `${label} must be an option's value or a colour { r, g, b }.`;
      }

      if (typeof value === 'string' && attribute.options.some((option) => option.value === value)) {
        return null;
      }

      const choices = attribute.options.map((option) => describe(option.value)).join(', ');

      return `${describe(value)} is not an option of ${label}: use one of ${choices}.`;
    }
    case 'toggle':
      return typeof value === 'boolean' ? null : `${label} must be true or false.`;
    case 'number':
      return checkNumber(attribute, value);
    case 'text':
      if (typeof value !== 'string') {
        return `${label} must be text.`;
      }

      // Counted in code points, so an emoji is one character as a shopper sees it.
      return Array.from(value).length <= attribute.maxLength
        ? null
        : `${label} is longer than ${attribute.maxLength} characters.`;
  }
}

function checkNumber({ label, min, max, step }: NumberAttribute, value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return `${label} must be a number.`;
  }

  // Float arithmetic leaves tiny errors (0.1 + 0.2), so bounds and steps allow a billionth of
  // a step of slack.
  const slack = Math.abs(step) * 1e-9;

  if (value < min - slack || value > max + slack) {
    return `${label} must be from ${min} to ${max}, not ${value}.`;
  }

  const steps = step > 0 ? (value - min) / step : 0;

  return Math.abs(steps - Math.round(steps)) <= 1e-9 * Math.max(1, Math.abs(steps))
    ? null
    : `${label} must be ${min} plus a multiple of ${step}, not ${value}.`;
}

/** A comparable form of a value: a colour given as `{ r, g, b }` becomes its option's value. */
function canonical(attribute: Attribute | undefined, value: unknown): string {
  const option = attribute?.type === 'color' ? findColorOption(attribute, value) : undefined;

  // JSON.stringify answers undefined for undefined, which its type does not say.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
  return JSON.stringify(option === undefined ? value : option.value) ?? 'undefined';
}

function ruleMessage(key: string, value: unknown, rule: Rule): string {
  const condition = Object.entries(rule.when)
    .map(([whenKey, whenValue]) => `${whenKey} is ${describe(whenValue)}`)
    .join(' and ');

  return `${describe(value)} may not be chosen for ${key} while ${condition}.`;
}

function describe(value: unknown): string {
  if (isRgbShape(value)) {
    return `rgb(${String(value.r)}, ${String(value.g)}, ${String(value.b)})`;
  }

  // JSON.stringify answers undefined for undefined and functions, which its type does not say.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
  return JSON.stringify(value) ?? String(value);
}
