import type { NumberAttribute } from '../../platform/types';
import { createElement } from '../dom';
import { roundToStep } from '../variant-state';
import { addHint, labelledField } from './field';
import type { Control, ControlContext } from './types';

/** How many steps from each end are checked for values a rule disables. */
const MAX_END_SEARCH = 1000;

/**
 * A `number` attribute as a number input with its range and step, and a hint that says them.
 * A typed value is moved onto the range and the step before it is handed over; when a rule
 * disables values at either end of the range, the input's `min` or `max` moves in.
 */
export function createNumberInput(attribute: NumberAttribute, context: ControlContext): Control {
  const input = createElement('input', 'ce-input ce-input--number');
  const { field } = labelledField('number', attribute.label, input, context.id);
  let shown = '';

  input.type = 'number';
  input.inputMode = 'decimal';
  input.min = String(attribute.min);
  input.max = String(attribute.max);
  input.step = String(attribute.step);
  const hint = addHint(
    field,
    input,
    context.id,
    rangeText(attribute, attribute.min, attribute.max),
  );

  const hand = (): void => {
    if (input.value === shown) return;

    const typed = input.value.trim() === '' ? Number.NaN : Number(input.value);

    context.onChange(Number.isFinite(typed) ? roundToStep(attribute, typed) : typed);
  };

  input.addEventListener('change', hand, { signal: context.signal });

  return {
    element: field,
    update(value, isDisabled) {
      shown = typeof value === 'number' ? String(value) : '';
      input.value = shown;
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

/** The hint that says which values the input takes. */
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
