import { SEED } from '../../src/mock/seed';
import { seedProducts } from '../../src/mock/seed-products';
import type { Call, CallName } from './types';

/** The product every scenario uses: the seeded dining table. */
export const PRODUCT_ID = SEED.products.table;

/** The dining table's configurator version, as the seed holds it. */
export const PRODUCT_VERSION =
  seedProducts().find(({ definition }) => definition.id === PRODUCT_ID)?.definition.version ??
  'missing from the seed';

/** A call of the table as the data both runners hand to `measure`. */
export function callFor(name: CallName): Call {
  switch (name) {
    case 'load':
      return { kind: 'load', productId: PRODUCT_ID };
    case 'save':
      return { kind: 'save', productId: PRODUCT_ID, productVersion: PRODUCT_VERSION, variant: {} };
    case 'track':
      return { kind: 'track', type: 'add_to_cart', properties: { quantity: 1 } };
  }
}
