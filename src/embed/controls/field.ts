import { createElement } from '../dom';

/** A field for one input: a `div` with a label pointing at the input by id. */
export function labelledField(
  kind: string,
  label: string,
  input: HTMLElement & { id: string },
  id: string,
): { field: HTMLDivElement; label: HTMLLabelElement } {
  const field = createElement('div', `ce-field ce-field--${kind}`);
  const labelElement = createElement('label', 'ce-label', label);

  input.id = id;
  labelElement.htmlFor = id;
  field.append(labelElement, ' ', input);

  return { field, label: labelElement };
}

/** A hint under an input, read out with it through `aria-describedby`. */
export function addHint(
  field: HTMLElement,
  input: HTMLElement,
  id: string,
  text: string,
): HTMLElement {
  const hint = createElement('p', 'ce-hint', text);

  hint.id = `${id}-hint`;
  input.setAttribute('aria-describedby', hint.id);
  field.append(hint);

  return hint;
}
