import { findColorOption } from '../configurator/colors';
import { effectiveVariant, validateVariant } from '../configurator/validate-variant';
import type {
  Attribute,
  AttributeProblem,
  ConfiguratorDefinition,
  NumberAttribute,
  Variant,
  VariantValue,
} from '../platform/types';
import { disabledValues, isDisabled, type DisabledValues } from './rules';

/**
 * The outcome of a change: the new variant, or why it was refused, whether that was because a
 * rule forbids a changed value with the other choices, and the page's error when reading the
 * changes threw.
 */
export type ChangeResult =
  | { ok: true; variant: Variant }
  | { ok: false; problems: AttributeProblem[]; forbidden: boolean; cause?: unknown };

/** How far a number may move to get off a disabled value, in steps. */
const MAX_NUMBER_SEARCH = 1000;

/**
 * Applies changes to a variant as a shopper's choice: the changed keys stay as given, and any
 * other attribute that a rule now forbids moves to an allowed value (its default if allowed,
 * else the first allowed option, the other toggle state, or the nearest allowed number). The
 * result must then pass `validateVariant`, or the change is refused and nothing changes.
 */
export function applyChanges(
  definition: ConfiguratorDefinition,
  variant: Variant,
  changes: unknown,
): ChangeResult {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
    return refused('The variant must be an object of attribute keys.');
  }

  // Without a prototype, `__proto__` is a key like any other, and is refused as unknown.
  const candidate: Record<string, unknown> = Object.assign(Object.create(null) as object, variant);
  const changed = new Set<string>();

  // The page's getters run here, once; one that throws refuses the change.
  try {
    for (const [key, value] of Object.entries(changes)) {
      candidate[key] = normalize(definition, key, value);
      changed.add(key);
    }
  } catch (error) {
    return refused("Reading the variant threw: see this error's cause.", error);
  }

  const settled = settle(definition, candidate, changed);
  const problems = validateVariant(definition, settled);

  if (problems.length > 0) {
    const disabled = disabledValues(definition, effectiveVariant(definition, settled as Variant));
    const forbidden = definition.attributes.some(
      (attribute) =>
        changed.has(attribute.key) && isDisabled(attribute, disabled, settled[attribute.key]),
    );

    return { ok: false, problems, forbidden };
  }

  return { ok: true, variant: effectiveVariant(definition, settled as Variant) };
}

function refused(message: string, cause?: unknown): ChangeResult {
  return { ok: false, problems: [{ key: 'variant', message }], forbidden: false, cause };
}

/**
 * Builds the variant to start from: the defaults with a saved or given variant over them. The
 * saved variant is tried whole first; when it no longer fits (the configurator changed since it
 * was saved), each key is tried on its own and the ones that do not fit are dropped.
 *
 * @returns The variant, and the keys that were dropped.
 */
export function restoreVariant(
  definition: ConfiguratorDefinition,
  saved: Record<string, unknown>,
): { variant: Variant; dropped: string[] } {
  const defaults = effectiveVariant(definition, {});
  const whole = applyChanges(definition, defaults, saved);

  if (whole.ok) return { variant: whole.variant, dropped: [] };

  let variant = defaults;
  const dropped: string[] = [];

  for (const [key, value] of Object.entries(saved)) {
    const one = applyChanges(definition, variant, { [key]: value });

    if (one.ok) variant = one.variant;
    else dropped.push(key);
  }

  return { variant, dropped };
}

/** A colour given as `{ r, g, b }` becomes its option's value, so controls can compare it. */
function normalize(definition: ConfiguratorDefinition, key: string, value: unknown): unknown {
  const attribute = definition.attributes.find((candidate) => candidate.key === key);

  if (attribute?.type !== 'color' || typeof value === 'string') return value;

  return findColorOption(attribute, value)?.value ?? value;
}

function settle(
  definition: ConfiguratorDefinition,
  variant: Record<string, unknown>,
  fixed: ReadonlySet<string>,
): Record<string, unknown> {
  const settled = { ...variant };

  // Moving one value can switch another rule on; a chain is at most as long as the attributes.
  for (let round = 0; round <= definition.attributes.length; round += 1) {
    const disabled = disabledValues(definition, effectiveVariant(definition, settled as Variant));
    let moved = false;

    for (const attribute of definition.attributes) {
      const current = settled[attribute.key] ?? attribute.default;

      if (fixed.has(attribute.key) || !isDisabled(attribute, disabled, current)) continue;

      const replacement = allowedValue(attribute, disabled, current);

      if (replacement !== undefined) {
        settled[attribute.key] = replacement;
        moved = true;
      }
    }

    if (!moved) break;
  }

  return settled;
}

/**
 * A value a rule allows, to move an attribute to: the nearest allowed number, the other toggle
 * state, the default text, or the first allowed of a choice's default and options.
 */
function allowedValue(
  attribute: Attribute,
  disabled: DisabledValues,
  current: unknown,
): VariantValue | undefined {
  const allowed = (value: VariantValue): boolean => !isDisabled(attribute, disabled, value);

  switch (attribute.type) {
    case 'number':
      return nearestNumber(
        attribute,
        typeof current === 'number' ? current : attribute.default,
        allowed,
      );
    case 'toggle':
      return [current !== true].find(allowed);
    case 'text':
      return [attribute.default].find(allowed);
    default:
      return [attribute.default, ...attribute.options.map((option) => option.value)].find(allowed);
  }
}

/** The allowed number on the attribute's steps nearest to a value, looking both ways. */
function nearestNumber(
  attribute: NumberAttribute,
  from: number,
  allowed: (value: number) => boolean,
): number | undefined {
  for (let distance = 1; distance <= MAX_NUMBER_SEARCH; distance += 1) {
    for (const candidate of [from - distance * attribute.step, from + distance * attribute.step]) {
      const value = roundToStep(attribute, candidate);

      if (value >= attribute.min && value <= attribute.max && allowed(value)) return value;
    }
  }

  return undefined;
}

/**
 * The number on the attribute's grid (`min` plus a multiple of `step`) nearest to a value,
 * within its range, without float noise (0.1 + 0.2 stays 0.3).
 */
export function roundToStep(attribute: NumberAttribute, value: number): number {
  const { min, max, step } = attribute;

  if (!(step > 0)) return Math.min(Math.max(value, min), max);

  const last = Math.floor((max - min) / step + 1e-9);
  const steps = Math.min(Math.max(Math.round((value - min) / step), 0), last);
  const decimals = Math.max(decimalPlaces(min), decimalPlaces(step));

  return Number((min + steps * step).toFixed(decimals));
}

function decimalPlaces(value: number): number {
  const [, fraction = ''] = String(value).split('.');

  return Math.min(fraction.length, 20);
}
