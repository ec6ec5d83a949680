import type { Attribute } from '../../platform/types';
import type { SelectStyle } from '../options';
import { createChoiceGroup } from './choice-group';
import { createNativeSelect } from './native-select';
import { createToggle } from './toggle';
import { createTypedInput } from './typed-input';
import type { Control, ControlContext } from './types';

/** Up to this many options, `auto` shows a `select` attribute as radios. */
const MAX_RADIOS = 4;

/** Makes the control for an attribute, by its type. */
export function createControl(
  attribute: Attribute,
  context: ControlContext,
  selectStyle: SelectStyle,
): Control {
  switch (attribute.type) {
    case 'select': {
      const radios =
        selectStyle === 'radio' ||
        (selectStyle === 'auto' && attribute.options.length <= MAX_RADIOS);

      return radios
        ? createChoiceGroup(attribute, context)
        : createNativeSelect(attribute, context);
    }
    case 'color':
      return createChoiceGroup(attribute, context);
    case 'toggle':
      return createToggle(attribute, context);
    case 'number':
    case 'text':
      return createTypedInput(attribute, context);
  }
}
