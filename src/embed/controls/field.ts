import { createElement } from '../dom';

/** A field for one input: a `div` with a label pointing at the input by id. */
export function labelledField(
  kind: string,
  label: string,
  input: HTMLElement & { id: string },
  id: string,
): HTMLDivElement {
  const field = createElement('div', `ce-field ce-field--${kind}`);
  const labelElement = createElement('label', 'ce-label', label);

  input.id = id;
  labelElement.htmlFor = id;
  field.append(labelElement, ' ', input);

  return field;
}
