import type { ToggleAttribute } from '../../platform/types';
import { createElement } from '../dom';
import type { Control, ControlContext } from './types';

/**
 * A `toggle` attribute as a checkbox, its price beside the label. It is disabled when a rule
 * forbids the state that a click would switch to.
 */
export function createToggle(attribute: ToggleAttribute, context: ControlContext): Control {
  const field = createElement('div', 'ce-field ce-field--toggle');
  const input = createElement('input', 'ce-checkbox');
  const label = createElement('label', 'ce-label', attribute.label);

  input.type = 'checkbox';
  input.id = context.id;
  label.htmlFor = context.id;

  if (attribute.price) {
    label.append(
      ' ',
      createElement('span', 'ce-choice-price', context.price.surcharge(attribute.price)),
    );
  }

  input.addEventListener(
    'change',
    () => {
      context.onChange(input.checked);
    },
    { signal: context.signal },
  );
  field.append(input, label);

  return {
    element: field,
    update(value, isDisabled) {
      input.checked = value === true;
      input.disabled = isDisabled(value !== true);
    },
  };
}
