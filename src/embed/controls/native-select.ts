import type { SelectAttribute } from '../../platform/types';
import { createElement } from '../dom';
import { labelledField } from './field';
import type { Control, ControlContext } from './types';

/** A `select` attribute as a native select; options a rule forbids are disabled. */
export function createNativeSelect(attribute: SelectAttribute, context: ControlContext): Control {
  const select = createElement('select', 'ce-select');
  const options = attribute.options.map((option) => {
    const text = option.price
      ? `${option.label} (${context.price.surcharge(option.price)})`
      : option.label;
    const element = createElement('option', undefined, text);

    element.value = option.value;

    return element;
  });
  const field = labelledField('select', attribute.label, select, context.id);

  select.append(...options);
  select.addEventListener(
    'change',
    () => {
      context.onChange(select.value);
    },
    { signal: context.signal },
  );

  return {
    element: field,
    update(value, isDisabled) {
      for (const option of options) option.disabled = isDisabled(option.value);

      select.value = typeof value === 'string' ? value : '';
    },
  };
}
