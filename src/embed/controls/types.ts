import type { VariantValue } from '../../platform/types';
import type { PriceFormat } from '../price';

/** The control of one attribute. */
export interface Control {
  /** The field: label or legend, the input(s) and any hint. */
  readonly element: HTMLElement;
  /** Shows a value, and disables what a rule forbids. */
  update(value: VariantValue, isDisabled: (value: VariantValue) => boolean): void;
  /** Hands over a value typed but not yet committed (no `change` yet), before a save. */
  commit?(): void;
}

/** What a control needs from the embed. */
export interface ControlContext {
  /** An id unique in the page, for the control and its label. */
  id: string;
  price: PriceFormat;
  /** Called with the value the shopper chose; the embed accepts it or calls `update` back. */
  onChange: (value: unknown) => void;
  /** Listeners are removed when this aborts. */
  signal: AbortSignal;
}
