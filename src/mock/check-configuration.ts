import { effectiveVariant, validateVariant } from '../configurator/validate-variant';
import type { AttributeProblem, Variant } from '../platform/types';
import { isRecord } from '../util/is-record';
import { unknownKeys } from './body';
import type { NewConfiguration, PlatformState } from './types';

const FIELDS = ['productId', 'productVersion', 'variant', 'metadata', 'customerId'] as const;

/** A save body, checked: the configuration to store, or every problem found. */
export type CheckedConfiguration =
  { ok: true; configuration: NewConfiguration } | { ok: false; problems: AttributeProblem[] };

/**
 * Checks the body of `POST /api/configurations` against the organization's products: known
 * fields only, a product of this organization, its current version, and a variant that fits its
 * configurator. The stored variant is the effective one, with defaults for missing keys.
 */
export function checkConfiguration(
  state: PlatformState,
  orgId: string,
  body: unknown,
): CheckedConfiguration {
  if (!isRecord(body)) {
    return fail([{ key: 'body', message: 'The body must be a JSON object.' }]);
  }

  const problems: AttributeProblem[] = unknownKeys(body, FIELDS).map((key) => ({
    key,
    message: `Unknown field "${key}": a configuration takes ${FIELDS.join(', ')}.`,
  }));

  const { productId, productVersion, variant } = body;
  const metadata = body.metadata ?? null;
  const customerId = body.customerId ?? null;
  const product = typeof productId === 'string' ? state.findProduct(orgId, productId) : undefined;

  if (product === undefined) {
    problems.push({
      key: 'productId',
      message: 'productId must name a product of this organization.',
    });
  } else if (productVersion !== product.version) {
    problems.push({
      key: 'productVersion',
      message: `The configurator of ${product.name} is at version ${product.version}, not ${JSON.stringify(productVersion)}: load it again and save against that version.`,
    });
  } else {
    problems.push(...validateVariant(product, variant));
  }

  if (metadata !== null && !isRecord(metadata)) {
    problems.push({ key: 'metadata', message: 'metadata must be a JSON object or be left out.' });
  }

  if (customerId !== null && (typeof customerId !== 'string' || customerId === '')) {
    problems.push({
      key: 'customerId',
      message: 'customerId must be a non-empty string or be left out.',
    });
  }

  if (problems.length > 0 || product === undefined) {
    return fail(problems);
  }

  return {
    ok: true,
    configuration: {
      productId: product.id,
      productVersion: product.version,
      variant: effectiveVariant(product, variant as Variant),
      metadata: metadata as Record<string, unknown> | null,
      customerId: customerId as string | null,
    },
  };
}

function fail(problems: AttributeProblem[]): CheckedConfiguration {
  return { ok: false, problems };
}
