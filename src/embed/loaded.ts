import type { Attribute, ConfiguratorDefinition, Variant } from '../platform/types';
import type { ConfiguratorView } from './configurator-view';
import type { Price } from './options';
import { priceOf, type PriceFormat } from './price';
import { disabledValues } from './rules';

/** A configurator once loaded: its definition, the shopper's choices, and its view. */
export interface Loaded {
  definition: ConfiguratorDefinition;
  variant: Variant;
  format: PriceFormat;
  view: ConfiguratorView;
}

/** Shows the current variant in the view: values, the options rules disable, the price. */
export function render(loaded: Loaded): void {
  const disabled = disabledValues(loaded.definition, loaded.variant);

  loaded.view.show(loaded.variant, disabled, currentPrice(loaded).formatted);
}

/** The current price, as events and `getPrice()` give it. */
export function currentPrice(loaded: Loaded): Price {
  const amount = priceOf(loaded.definition, loaded.variant);

  return { amount, currency: loaded.definition.currency, formatted: loaded.format.amount(amount) };
}

/**
 * What analytics hears of a change: the attribute and its value, except for free text, which may
 * be personal (an engraving of a name).
 */
export function changeProperties(attribute: Attribute, value: unknown): Record<string, string> {
  const { key } = attribute;

  return attribute.type === 'text' ? { key } : { key, value: String(value) };
}
