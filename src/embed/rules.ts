import { findColorOption } from '../configurator/colors';
import type { Attribute, ConfiguratorDefinition, Variant, VariantValue } from '../platform/types';

/** The values each attribute may not take under a variant, by attribute key. */
export type DisabledValues = ReadonlyMap<string, readonly VariantValue[]>;

/**
 * Lists the values that the configurator's rules forbid while the variant holds: every rule
 * whose `when` matches disables its values.
 */
export function disabledValues(
  definition: ConfiguratorDefinition,
  variant: Variant,
): DisabledValues {
  const byKey = new Map(definition.attributes.map((attribute) => [attribute.key, attribute]));
  const disabled = new Map<string, VariantValue[]>();

  for (const rule of definition.rules ?? []) {
    const holds = Object.entries(rule.when).every(([key, value]) =>
      sameValue(byKey.get(key), variant[key], value),
    );

    if (!holds) continue;

    for (const [key, values] of Object.entries(rule.disable)) {
      disabled.set(key, [...(disabled.get(key) ?? []), ...values]);
    }
  }

  return disabled;
}

/** Tells whether a rule forbids an attribute to take a value. */
export function isDisabled(
  attribute: Attribute,
  disabled: DisabledValues,
  value: unknown,
): boolean {
  return (disabled.get(attribute.key) ?? []).some((off) => sameValue(attribute, off, value));
}

/**
 * Compares two values of an attribute as the platform does: a colour given as `{ r, g, b }` is
 * the option whose swatch it matches.
 */
export function sameValue(attribute: Attribute | undefined, a: unknown, b: unknown): boolean {
  return canonical(attribute, a) === canonical(attribute, b);
}

function canonical(attribute: Attribute | undefined, value: unknown): string {
  const option = attribute?.type === 'color' ? findColorOption(attribute, value) : undefined;
  const chosen = option === undefined ? value : option.value;

  return chosen === undefined ? 'undefined' : JSON.stringify(chosen);
}
