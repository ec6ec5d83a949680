/**
 * The shapes the configurator platform sends and takes, as its HTTP contract defines them.
 * The SDK and the mock platform both build on these types, so the two cannot drift apart.
 */

/** A colour as the platform stores it in a variant. */
export interface RgbColor {
  r: number;
  g: number;
  b: number;
}

/** One value of a variant: an option's value, a number, a toggle state, text or a colour. */
export type VariantValue = string | number | boolean | RgbColor;

/** A shopper's choices, keyed by attribute key. */
export type Variant = Record<string, VariantValue>;

/** The kinds of attribute a configurator can have. */
export type AttributeType = 'select' | 'color' | 'toggle' | 'number' | 'text';

/** One choice of a `select` or `color` attribute. */
export interface AttributeOption {
  value: string;
  label: string;
  /** Added to the product's base price while this option is chosen. */
  price?: number;
  /** A CSS hex colour (`#rgb` or `#rrggbb`), for `color` attributes. */
  swatch?: string;
}

interface AttributeBase {
  key: string;
  label: string;
}

/** A choice among listed options, shown as a select or a radio group. */
export interface SelectAttribute extends AttributeBase {
  type: 'select';
  default: string;
  options: AttributeOption[];
}

/** A choice among named colours, shown as swatches. */
export interface ColorAttribute extends AttributeBase {
  type: 'color';
  default: string;
  options: AttributeOption[];
}

/** An on/off choice. */
export interface ToggleAttribute extends AttributeBase {
  type: 'toggle';
  default: boolean;
  /** Added to the base price while the toggle is on. */
  price?: number;
}

/** A number within a range, on a step. */
export interface NumberAttribute extends AttributeBase {
  type: 'number';
  default: number;
  min: number;
  max: number;
  step: number;
}

/** Free text, such as an engraving, up to a length. */
export interface TextAttribute extends AttributeBase {
  type: 'text';
  default: string;
  maxLength: number;
}

/** One configurable property of a product. */
export type Attribute =
  SelectAttribute | ColorAttribute | ToggleAttribute | NumberAttribute | TextAttribute;

/** Options that may not be chosen while a condition holds. */
export interface Rule {
  when: Record<string, VariantValue>;
  disable: Record<string, VariantValue[]>;
}

/** A product's configurator, as `GET /api/products/{productId}/configurator` answers it. */
export interface ConfiguratorDefinition {
  id: string;
  name: string;
  description: string;
  version: string;
  /** ISO 4217 currency code. */
  currency: string;
  basePrice: number;
  attributes: Attribute[];
  rules?: Rule[];
}

/** What a caller passes to save a configuration. */
export interface ConfigurationInput {
  productId: string;
  productVersion: string;
  variant: Variant;
  metadata?: Record<string, unknown>;
  customerId?: string;
}

/** A saved configuration, as the platform answers it. */
export interface Configuration {
  id: string;
  shortId: string;
  orgId: string;
  productId: string;
  productVersion: string;
  variant: Variant;
  metadata: Record<string, unknown> | null;
  customerId: string | null;
  createdAt: string;
}

/** A flat map of analytics properties. */
export type EventProperties = Record<string, string | number | boolean>;

/** One analytics event on the wire. */
export interface AnalyticsEvent {
  id: string;
  type: string;
  sessionId: string;
  clientTime: string;
  productId?: string;
  configurationId?: string;
  variant?: Variant;
  properties?: EventProperties;
}

/** The platform's answer to a batch of analytics events. */
export interface AnalyticsBatchResult {
  accepted: number;
  duplicates: number;
}

/** The kinds of access token. */
export type TokenKind = 'public' | 'private';

/** An access token record. The token itself is its `id`. */
export interface TokenRecord {
  id: string;
  name: string;
  kind: TokenKind;
  domains: string[];
  createdAt: string;
  revokedAt: string | null;
}

/** One problem with one attribute, as the platform reports it in a 422. */
export interface AttributeProblem {
  key: string;
  message: string;
}

/** Every error body the platform sends. */
export interface PlatformErrorBody {
  code: string;
  message: string;
  errors?: AttributeProblem[];
  [detail: string]: unknown;
}

/** The standard analytics event types. */
export const STANDARD_EVENT_TYPES = [
  'session_start',
  'configurator_loaded',
  'attribute_changed',
  'configuration_saved',
  'share',
  'add_to_cart',
  'error',
] as const;

/** The grammar of a custom analytics event type. */
export const CUSTOM_EVENT_TYPE = /^[a-z][a-z0-9_.:-]{0,63}$/;

/** The grammar of a configuration's short id, as share links carry it. */
export const SHORT_ID = /^[A-Za-z0-9_-]{7,14}$/;

/** The grammar of a UUID, any version, either case. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The platform's limits on one analytics batch. */
export const ANALYTICS_LIMITS = { maxEvents: 500, maxBytes: 64 * 1024 } as const;
