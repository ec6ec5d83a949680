import type { NumberAttribute, TextAttribute } from '../../platform/types';
import { createElement } from '../dom';
import { roundToStep } from '../variant-state';
import { labelledField } from './field';
import type { Control, ControlContext } from './types';

/** How many steps from each end are checked for values a rule disables. */
const MAX_END_SEARCH = 1000;

/**
 * A `number` or `text` attribute as an input the shopper types into, with a hint under it. What
 * was typed is handed over on `change`, or on commit before a save, when it differs from the
 * value shown.
 *
 * A number input has its range and step; a typed number is moved onto them before it is handed
 * over, and when a rule disables values at either end of the range, the input's `min` or `max`
 * and the hint move in. A text input is limited to the attribute's length.
 */
export function createTypedInput(
  attribute: NumberAttribute | TextAttribute,
  context: ControlContext,
): Control {
  const input = createElement('input', `ce-input ce-input--${attribute.type}`);
  const field = labelledField(attribute.type, attribute.label, input, context.id);
  let shown = '';

  input.type = attribute.type;

  if (attribute.type === 'number') {
    input.inputMode = 'decimal';
    input.min = String(attribute.min);
    input.max = String(attribute.max);
    input.step = String(attribute.step);
  } else {
    input.maxLength = attribute.maxLength;
    input.autocomplete = 'off';
  }

  // The hint is read out with the input.
  const hint = createElement(
    'p',
    'ce-hint',
    attribute.type === 'number'
      ? rangeText(attribute, attribute.min, attribute.max)
      : `Up to ${String(attribute.maxLength)} characters.`,
  );

  hint.id = `${context.id}-hint`;
  input.setAttribute('aria-describedby', hint.id);
  field.append(hint);

  const hand = (): void => {
    if (input.value === shown) return;

    context.onChange(
      attribute.type === 'number' ? typedNumber(attribute, input.value) : input.value,
    );
  };

  input.addEventListener('change', hand, { signal: context.signal });

  return {
    element: field,
    update(value, isDisabled) {
      // A default of another type (the platform's, or another attribute's under the same key)
      // shows as an empty field rather than as "null" or "[object Object]".
      shown = typeof value === 'number' || typeof value === 'string' ? String(value) : '';
      input.value = shown;

      if (attribute.type !== 'number') return;

      const low = end(attribute, attribute.step, isDisabled);
      const high = end(attribute, -attribute.step, isDisabled);

      input.min = String(low);
      input.max = String(high);
      // The hint follows the range that rules leave, so it never offers a refused value.
      hint.textContent = rangeText(attribute, low, high);
    },
    commit: hand,
  };
}

/** A typed number on the attribute's range and step; `NaN` for nothing or no number. */
function typedNumber(attribute: NumberAttribute, typed: string): number {
  const number = typed.trim() === '' ? Number.NaN : Number(typed);

  return Number.isFinite(number) ? roundToStep(attribute, number) : number;
}

/** The hint that says which numbers the input takes. */
function rangeText(attribute: NumberAttribute, low: number, high: number): string {
  return `From ${String(low)} to ${String(high)}, in steps of ${String(attribute.step)}.`;
}

/** The first value from one end of the range, walking by `step`, that no rule disables. */
function end(
  attribute: NumberAttribute,
  step: number,
  isDisabled: (value: number) => boolean,
): number {
  const start = step > 0 ? attribute.min : roundToStep(attribute, attribute.max);

  for (let index = 0; index < MAX_END_SEARCH; index += 1) {
    const value = roundToStep(attribute, start + index * step);

    if (!isDisabled(value)) return value;
  }

  return start;
}
