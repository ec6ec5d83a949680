import { isRecord } from '../util/is-record';

/** The properties and context a page passed to `track`, each read once. */
export interface CopiedInput {
  properties: unknown;
  context: unknown;
}

/**
 * Copies what the page passed to `track` into plain data before anything checks it, so that a
 * getter or a Proxy answering differently on a second read cannot slip past the check (a BigInt
 * that breaks the JSON of the whole batch later). A value that is not a plain object is kept
 * as it is, for the check to refuse.
 *
 * @throws Whatever the page's getters or Proxy traps throw.
 */
export function copyInput(properties: unknown, context: unknown): CopiedInput {
  if (!isRecord(context)) return { properties: copyObject(properties), context };

  return {
    properties: copyObject(properties),
    context: {
      productId: context['productId'],
      configurationId: context['configurationId'],
      variant: copyVariant(context['variant']),
    },
  };
}

function copyObject(value: unknown): unknown {
  if (!isRecord(value)) return value;

  return Object.fromEntries(Object.keys(value).map((key) => [key, value[key]]));
}

function copyVariant(variant: unknown): unknown {
  if (!isRecord(variant)) return variant;

  return Object.fromEntries(Object.keys(variant).map((key) => [key, copyObject(variant[key])]));
}
