import type { TextAttribute } from '../../platform/types';
import { createElement } from '../dom';
import { addHint, labelledField } from './field';
import type { Control, ControlContext } from './types';

/** A `text` attribute as a text input limited to its length, with a hint that says the limit. */
export function createTextInput(attribute: TextAttribute, context: ControlContext): Control {
  const input = createElement('input', 'ce-input ce-input--text');
  const { field } = labelledField('text', attribute.label, input, context.id);
  let shown = '';

  input.type = 'text';
  input.maxLength = attribute.maxLength;
  input.autocomplete = 'off';
  addHint(field, input, context.id, `Up to ${String(attribute.maxLength)} characters.`);

  const hand = (): void => {
    if (input.value !== shown) context.onChange(input.value);
  };

  input.addEventListener('change', hand, { signal: context.signal });

  return {
    element: field,
    update(value) {
      shown = typeof value === 'string' ? value : '';
      input.value = shown;
    },
    commit: hand,
  };
}
