import type { Client } from '../client/create-client';
import type {
  Configuration,
  ConfiguratorDefinition,
  Variant,
  VariantValue,
} from '../platform/types';

/** How a `select` attribute is shown: radios for a few options, a native select for many. */
export type SelectStyle = 'auto' | 'select' | 'radio';

/** What `mount` takes. */
export interface MountOptions {
  /** The client whose public token loads and saves the configurator. */
  client: Client;
  /** The product whose configurator to show: its UUID. */
  productId: string;
  /** Choices to start from instead of the defaults; a share link in the page's URL wins. */
  variant?: Variant;
  /** The locale prices are formatted in. Default: the page's `<html lang>`, else the browser's. */
  locale?: string;
  /** `select` attributes as a native select, a radio group, or `auto` (radios up to 4 options). */
  selectStyle?: SelectStyle;
  /** The level of the product name's heading, to fit the page's outline. Default 2. */
  headingLevel?: 2 | 3 | 4 | 5 | 6;
  /**
   * The address of `configurator-embed.css`: the embed links it once into the page's head,
   * unless the page already links it. Without it, the page links the file itself.
   */
  stylesheet?: string | URL;
  /** A nonce from the page's Content-Security-Policy, put on the stylesheet's `<link>`. */
  nonce?: string;
  /**
   * Tracks the shopper's changes (`attribute_changed`) and copied share links (`share`) through
   * the client's analytics. Default true. Loads, saves and failures are the client's own events.
   */
  analytics?: boolean;
  /** Called once the configurator is shown; the same as the `configurator:load` event. */
  onLoad?: (detail: LoadDetail) => void;
  /** Called after the shopper changes a choice; the same as the `configurator:change` event. */
  onChange?: (detail: ChangeDetail) => void;
  /** Called after a save; the same as the `configurator:save` event. */
  onSave?: (detail: SaveDetail) => void;
  /** Called when loading, restoring or saving fails; the same as the `configurator:error` event. */
  onError?: (detail: ErrorDetail) => void;
}

/** A price, as the embed shows it. */
export interface Price {
  /** The base price plus the chosen options' prices, in `currency`. */
  amount: number;
  /** The configurator's ISO 4217 currency code. */
  currency: string;
  /** The amount as shown: `Intl.NumberFormat` in the currency and the page's locale. */
  formatted: string;
}

/** The detail of `configurator:load`. */
export interface LoadDetail {
  definition: ConfiguratorDefinition;
  /** Every attribute's value, defaults filled in. */
  variant: Variant;
  price: Price;
  /** The configuration a share link in the page's URL restored, if any. */
  restored: Configuration | null;
}

/** The detail of `configurator:change`. */
export interface ChangeDetail {
  /** The attribute the shopper changed. */
  key: string;
  value: VariantValue;
  /** Every attribute's value after the change, including any a rule moved. */
  variant: Variant;
  price: Price;
}

/** The detail of `configurator:save`. */
export interface SaveDetail {
  configuration: Configuration;
  /** The link that opens this page with the saved configuration. */
  shareUrl: string;
  price: Price;
}

/** What the embed was doing when it failed. */
export type ErrorPhase = 'load' | 'restore' | 'save';

/** The detail of `configurator:error`. */
export interface ErrorDetail {
  /** Usually a `ConfiguratorError`: switch on `name` and `code`. */
  error: unknown;
  phase: ErrorPhase;
  /** The text the shopper was shown. */
  message: string;
}

/**
 * The events the embed dispatches on the element it was mounted on. They bubble, so a page can
 * listen on `document` too.
 *
 * @example
 * ```ts
 * element.addEventListener('configurator:save', (event) => {
 *   const { shareUrl } = (event as EmbedEventMap['configurator:save']).detail;
 * });
 * ```
 */
export interface EmbedEventMap {
  'configurator:load': CustomEvent<LoadDetail>;
  'configurator:change': CustomEvent<ChangeDetail>;
  'configurator:save': CustomEvent<SaveDetail>;
  'configurator:error': CustomEvent<ErrorDetail>;
}

/** The name of an event the embed dispatches. */
export type EmbedEventName = keyof EmbedEventMap;

/** A mounted configurator, as `mount` returns it. */
export interface Embed {
  /** The element it was mounted on. */
  readonly element: HTMLElement;
  /**
   * Settles when the first load ends, whether the configurator or an error is shown.
   * Never rejects: failures go to `configurator:error`.
   */
  readonly ready: Promise<void>;
  /** Every attribute's current value, or `null` while nothing is loaded. */
  getVariant(): Variant | null;
  /** The current price, or `null` while nothing is loaded. */
  getPrice(): Price | null;
  /**
   * Changes some choices, as the shopper could: rules may move other choices off options they
   * disable. Throws a `ValidationError` (`invalid_argument`) and changes nothing when `changes`
   * is not an object of attribute keys, cannot be read (the page's error is the `cause`) or does
   * not fit the configurator, and a `UsageError` before the configurator has loaded.
   *
   * @returns Every attribute's value after the change.
   */
  setVariant(changes: Variant): Variant;
  /** Saves the current choices, as the save button does, and shows the share link. */
  save(): Promise<Configuration>;
  /** Removes every element, listener and timer the embed added; the client stays usable. */
  destroy(): void;
}
