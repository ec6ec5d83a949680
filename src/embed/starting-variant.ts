import type { Configuration, ConfiguratorDefinition, Variant } from '../platform/types';
import { messageLine, shopperMessage } from './messages';
import { warn } from './report';
import { restoreVariant } from './variant-state';

/** What a share link in the page's URL gave: a saved configuration, a failure, or nothing. */
export type Shared = { configuration: Configuration } | { error: unknown } | null;

/** The variant an embed starts from, and what to tell the shopper about it. */
export interface Start {
  variant: Variant;
  /** The configuration the share link restored, if it did. */
  restored: Configuration | null;
  /** A status line for the shopper; empty when there is nothing to say. */
  notice: string;
  /** The failure to read the share link's configuration, if any. */
  error?: unknown;
}

/**
 * Works out the variant to start from: the defaults, the `variant` option over them, and a
 * share link's saved configuration over all, when it is for this product. Choices that no longer
 * fit the configurator are reset and named; a link that cannot be read leaves the defaults.
 */
export function startingVariant(
  definition: ConfiguratorDefinition,
  given: Variant | undefined,
  shared: Shared,
): Start {
  const start = restoreVariant(definition, given ?? {});

  if (start.dropped.length > 0) {
    warn(
      `mount: options.variant does not fit ${definition.id}; ignored: ${start.dropped.join(', ')}.`,
    );
  }

  // A share link for another product on the page is that product's embed's business.
  if (
    shared === null ||
    ('configuration' in shared && shared.configuration.productId !== definition.id)
  ) {
    return { variant: start.variant, restored: null, notice: '' };
  }

  if ('error' in shared) {
    return {
      variant: start.variant,
      restored: null,
      notice: messageLine(shopperMessage(shared.error, 'restore')),
      error: shared.error,
    };
  }

  const { variant, dropped } = restoreVariant(definition, shared.configuration.variant);
  const labels = definition.attributes
    .filter((attribute) => dropped.includes(attribute.key))
    .map((attribute) => attribute.label);

  return {
    variant,
    restored: shared.configuration,
    notice:
      labels.length === 0
        ? 'Showing the shared configuration.'
        : `Showing the shared configuration. No longer available, so reset: ${labels.join(', ')}.`,
  };
}
