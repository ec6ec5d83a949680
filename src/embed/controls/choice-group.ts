import type { AttributeOption, ColorAttribute, SelectAttribute } from '../../platform/types';
import { createElement } from '../dom';
import type { Control, ControlContext } from './types';

const HEX_COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/**
 * A `select` attribute as a radio group, or a `color` attribute as swatches with names: native
 * radios in a fieldset whose legend is the attribute's label, so arrow keys move between the
 * options and skip the ones a rule disables.
 */
export function createChoiceGroup(
  attribute: SelectAttribute | ColorAttribute,
  context: ControlContext,
): Control {
  const swatches = attribute.type === 'color';
  const fieldset = createElement('fieldset', `ce-field ce-field--${swatches ? 'color' : 'radio'}`);
  const list = createElement('div', swatches ? 'ce-swatches' : 'ce-choices');
  const choices = attribute.options.map((option) => choice(option, swatches, context));

  // Spaces between the options keep them apart where the stylesheet is missing.
  list.append(...choices.flatMap(({ label }) => [label, ' ']));
  fieldset.append(createElement('legend', 'ce-label', attribute.label), list);

  return {
    element: fieldset,
    update(value, isDisabled) {
      for (const { input, label } of choices) {
        input.checked = input.value === value;
        input.disabled = isDisabled(input.value);
        label.classList.toggle('ce-choice--disabled', input.disabled);
      }
    },
  };
}

function choice(option: AttributeOption, swatch: boolean, context: ControlContext) {
  const label = createElement('label', 'ce-choice');
  const input = createElement('input', 'ce-choice-input');

  input.type = 'radio';
  input.name = context.id;
  input.value = option.value;
  input.addEventListener(
    'change',
    () => {
      context.onChange(option.value);
    },
    { signal: context.signal },
  );
  label.append(input);

  if (swatch) label.append(swatchChip(option.swatch));

  label.append(createElement('span', 'ce-choice-name', option.label));

  if (option.price) {
    label.append(
      ' ',
      createElement('span', 'ce-choice-price', context.price.surcharge(option.price)),
    );
  }

  return { input, label };
}

/**
 * The colour chip of a swatch. The colour is used only when it is a hex colour, and only as a
 * custom property through the CSSOM, which a strict Content-Security-Policy allows.
 */
function swatchChip(color: string | undefined): HTMLSpanElement {
  const chip = createElement('span', 'ce-swatch');

  chip.setAttribute('aria-hidden', 'true');

  if (color !== undefined && HEX_COLOR.test(color)) chip.style.setProperty('--ce-swatch', color);
  else chip.classList.add('ce-swatch--unknown');

  return chip;
}
