import type {
  Attribute,
  AttributeProblem,
  ColorAttribute,
  ConfiguratorDefinition,
  NumberAttribute,
  Rule,
  Variant,
} from '../platform/types';
import { findColorOption, isRgbShape, isValidRgb } from './colors';

type LooseVariant = Record<string, unknown>;

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
  if (!isPlainObject(variant)) {
    return [{ key: 'variant', message: 'The variant must be an object of attribute keys.' }];
  }

  const known = new Set(definition.attributes.map((attribute) => attribute.key));
  const problems: AttributeProblem[] = Object.keys(variant)
    .filter((key) => !known.has(key))
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

  return [...problems, ...checkRules(definition, variant)];
}

/**
 * The variant as the platform sees it: every attribute of the configurator, with the
 * attribute's default where the variant leaves a key out. Unknown keys are dropped.
 */
export function effectiveVariant(definition: ConfiguratorDefinition, variant: Variant): Variant {
  const effective: Variant = {};

  for (const attribute of definition.attributes) {
    effective[attribute.key] = hasKey(variant, attribute.key)
      ? (variant[attribute.key] ?? attribute.default)
      : attribute.default;
  }

  return effective;
}

function valueOf(attribute: Attribute, variant: LooseVariant): unknown {
  return hasKey(variant, attribute.key) ? variant[attribute.key] : attribute.default;
}

/** An own key only: `constructor` or `toString` must not read through to the prototype. */
function hasKey(variant: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(variant, key);
}

/** What is wrong with one value, or `null` when it fits its attribute. */
function checkValue(attribute: Attribute, value: unknown): string | null {
  switch (attribute.type) {
    case 'select':
      return typeof value === 'string' && attribute.options.some((o) => o.value === value)
        ? null
        : notAnOption(
            attribute.label,
            value,
            attribute.options.map((o) => o.value),
          );
    case 'color':
      return checkColor(attribute, value);
    case 'toggle':
      return typeof value === 'boolean' ? null : `${attribute.label} must be true or false.`;
    case 'number':
      return checkNumber(attribute, value);
    case 'text':
      if (typeof value !== 'string') {
        return `${attribute.label} must be text.`;
      }

      // Counted in code points, so an emoji is one character as a shopper sees it.
      return Array.from(value).length <= attribute.maxLength
        ? null
        : `${attribute.label} is longer than ${attribute.maxLength} characters.`;
  }
}

function checkColor(attribute: ColorAttribute, value: unknown): string | null {
  if (isRgbShape(value)) {
    if (!isValidRgb(value)) {
      return `${attribute.label} must have r, g and b as integers from 0 to 255.`;
    }

    return findColorOption(attribute, value) === undefined
      ? `${describe(value)} matches no swatch of ${attribute.label}.`
      : null;
  }

  if (typeof value !== 'string') {
    return `${attribute.label} must be an option's value or a colour { r, g, b }.`;
  }

  return findColorOption(attribute, value) === undefined
    ? notAnOption(
        attribute.label,
        value,
        attribute.options.map((o) => o.value),
      )
    : null;
}

function checkNumber(attribute: NumberAttribute, value: unknown): string | null {
  const { label, min, max, step } = attribute;

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

function checkRules(definition: ConfiguratorDefinition, variant: LooseVariant): AttributeProblem[] {
  const problems: AttributeProblem[] = [];
  const byKey = new Map(definition.attributes.map((attribute) => [attribute.key, attribute]));
  const current = (key: string): unknown => {
    const attribute = byKey.get(key);

    return attribute === undefined ? undefined : valueOf(attribute, variant);
  };

  const same = (key: string, a: unknown, b: unknown): boolean =>
    canonical(byKey.get(key), a) === canonical(byKey.get(key), b);

  for (const rule of definition.rules ?? []) {
    const holds = Object.entries(rule.when).every(([key, value]) => same(key, current(key), value));

    if (!holds) {
      continue;
    }

    for (const [key, values] of Object.entries(rule.disable)) {
      if (values.some((value) => same(key, current(key), value))) {
        problems.push({ key, message: ruleMessage(key, current(key), rule) });
      }
    }
  }

  return problems;
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

function notAnOption(label: string, value: unknown, options: string[]): string {
  const choices = options.map((option) => JSON.stringify(option)).join(', ');

  return `${describe(value)} is not an option of ${label}: use one of ${choices}.`;
}

function describe(value: unknown): string {
  if (isRgbShape(value)) {
    return `rgb(${String(value.r)}, ${String(value.g)}, ${String(value.b)})`;
  }

  // JSON.stringify answers undefined for undefined and functions, which its type does not say.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition
  return JSON.stringify(value) ?? String(value);
}

function isPlainObject(value: unknown): value is LooseVariant {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
