import { findColorOption } from '../configurator/colors';
import type { ConfiguratorDefinition, Variant } from '../platform/types';

/** Formats amounts of one currency, whole and as an option's surcharge. */
export interface PriceFormat {
  /** `€1,290.00` */
  amount(value: number): string;
  /** `+€420.00`, `−€60.00` */
  surcharge(value: number): string;
}

/**
 * The price of a variant: the base price, plus the chosen option of each `select` and `color`
 * attribute, plus each toggle's price while it is on. A colour may be its option's value or, as
 * a configurator's default may give it, the option's swatch as `{ r, g, b }`.
 */
export function priceOf(definition: ConfiguratorDefinition, variant: Variant): number {
  let total = definition.basePrice;

  for (const attribute of definition.attributes) {
    const value = variant[attribute.key];

    if (attribute.type === 'select') {
      total += attribute.options.find((option) => option.value === value)?.price ?? 0;
    } else if (attribute.type === 'color') {
      total += findColorOption(attribute, value)?.price ?? 0;
    } else if (attribute.type === 'toggle' && value === true) {
      total += attribute.price ?? 0;
    }
  }

  // Sums of decimal prices carry float noise (0.1 + 0.2); no currency has more than 4 places.
  return Math.round(total * 10_000) / 10_000;
}

/**
 * Makes a formatter for a currency in a locale: the one given, else the page's `<html lang>`,
 * else the browser's. A locale the browser does not know is skipped; a currency code it does
 * not know falls back to the plain number and the code.
 */
export function createPriceFormat(currency: string, locale?: string): PriceFormat {
  const locales = [locale, document.documentElement.lang, navigator.language].filter(isLocale);

  try {
    const plain = new Intl.NumberFormat(locales, { style: 'currency', currency });
    const signed = new Intl.NumberFormat(locales, {
      style: 'currency',
      currency,
      signDisplay: 'exceptZero',
    });

    return { amount: (value) => plain.format(value), surcharge: (value) => signed.format(value) };
  } catch {
    const plain = (value: number): string => `${value.toFixed(2)} ${currency}`;

    return {
      amount: plain,
      surcharge: (value) => (value < 0 ? `−${plain(-value)}` : `+${plain(value)}`),
    };
  }
}

function isLocale(tag: string | undefined): tag is string {
  // An empty or malformed tag throws, and one the browser does not know gives an empty list.
  try {
    return tag !== undefined && Intl.NumberFormat.supportedLocalesOf(tag).length > 0;
  } catch {
    return false;
  }
}
