import type { Attribute, ConfiguratorDefinition, Variant } from '../platform/types';
import type { MountSettings } from './check-mount-options';
import { createControl } from './controls/create-control';
import { createElement, uniquePrefix } from './dom';
import type { PriceFormat } from './price';
import { isDisabled, type DisabledValues } from './rules';
import { createSharePanel } from './share-panel';

/** What the configurator's view needs from the embed, besides `mount`'s checked settings. */
export interface ViewOptions extends MountSettings {
  definition: ConfiguratorDefinition;
  price: PriceFormat;
  /** Removes the view's listeners and stops its timer when it aborts. */
  signal: AbortSignal;
  onChange: (attribute: Attribute, value: unknown) => void;
  onSave: () => void;
  onCopy: (url: string) => void;
}

/** The loaded configurator on screen. */
export interface ConfiguratorView {
  readonly element: HTMLFormElement;
  /** Shows a variant in every control, the options rules disable, and the price. */
  show(variant: Variant, disabled: DisabledValues, price: string): void;
  /** A polite status line: saving, saved, a choice refused, a share link restored. */
  notify(text: string): void;
  /** An error beside the save button, announced at once; `null` clears it. */
  showSaveError(text: string | null): void;
  setSaving(saving: boolean): void;
  showShareLink(url: string | null): void;
  /** Hands over values typed but not yet committed. */
  commit(): void;
}

/**
 * Builds the configurator: the product's name and description, a control per attribute, the
 * live price, the save button and the share link. It is a form, so Enter in a field saves, and
 * its submit never reaches a form of the page around it.
 */
export function createConfiguratorView(options: ViewOptions): ConfiguratorView {
  const { definition, signal } = options;
  const ids = uniquePrefix();
  const form = createElement('form', 'ce-form');
  const heading = createElement(
    `h${String(options.headingLevel)}` as 'h2',
    'ce-name',
    definition.name,
  );
  const fields = createElement('div', 'ce-fields');
  const price = createElement('output', 'ce-price-value');
  const save = createElement('button', 'ce-button ce-save', 'Save configuration');
  const notice = createElement('p', 'ce-notice');
  const saveError = createElement('p', 'ce-save-error');
  const share = createSharePanel(signal, options.onCopy);

  heading.id = `${ids}-name`;
  form.setAttribute('aria-labelledby', heading.id);
  form.noValidate = true;
  price.setAttribute('aria-live', 'polite');
  price.setAttribute('aria-atomic', 'true');
  save.type = 'submit';
  notice.setAttribute('role', 'status');
  saveError.setAttribute('role', 'alert');
  saveError.hidden = true;

  const controls = definition.attributes.map((attribute, index) => {
    const control = createControl(
      attribute,
      {
        id: `${ids}-${String(index)}`,
        price: options.price,
        signal,
        onChange: (value) => {
          options.onChange(attribute, value);
        },
      },
      options.selectStyle,
    );

    fields.append(control.element);

    return { attribute, control };
  });

  if (definition.attributes.length === 0) {
    fields.append(createElement('p', 'ce-empty', 'This product has no options to choose.'));
  }

  const priceLine = createElement('p', 'ce-price', 'Price: ');
  const actions = createElement('div', 'ce-actions');

  priceLine.append(price);
  actions.append(save);
  form.append(heading, createElement('p', 'ce-description', definition.description), fields);
  form.append(priceLine, actions, saveError, notice, share.element);
  form.addEventListener(
    'submit',
    (event) => {
      event.preventDefault();
      event.stopPropagation();
      options.onSave();
    },
    { signal },
  );

  return {
    element: form,
    show(variant, disabled, text) {
      for (const { attribute, control } of controls) {
        const value = variant[attribute.key];

        if (value !== undefined) {
          control.update(value, (candidate) => isDisabled(attribute, disabled, candidate));
        }
      }

      if (price.textContent !== text) price.textContent = text;
    },
    notify(text) {
      notice.textContent = text;
    },
    showSaveError(text) {
      saveError.textContent = text ?? '';
      saveError.hidden = text === null;
    },
    setSaving(saving) {
      form.setAttribute('aria-busy', String(saving));
    },
    showShareLink: share.show,
    commit() {
      for (const { control } of controls) control.commit?.();
    },
  };
}
