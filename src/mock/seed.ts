import type { TokenRecord } from '../platform/types';

/**
 * The seeded data's fixed ids. Tokens are hard-coded so that the README, scripts, demo and tests
 * can use them; a token's secret is its record id.
 *
 * - Nordhavn Furniture (`orgId`) sells a dining table, a lounge chair and a pendant lamp.
 * - `demoToken` (public) allows `localhost` on any port, `shop.example.test` and any subdomain
 *   of `brand.example.test`; `127.0.0.1` is on no seeded public token, so a page served from
 *   there is refused.
 * - `otherPublicToken` (public) allows only `retailer.example.test`.
 * - `revokedToken` (public) was revoked; every request with it answers `401 token_revoked`.
 * - Brightwater Lighting (`otherOrg`) is a second organization, to show that one organization's
 *   tokens never reach another's products or configurations.
 */
export const SEED = {
  orgId: '5b0c1f9e-3d6a-4c41-9a7e-1f2d3c4b5a60',
  privateToken: '8f14e45f-ceea-4e7a-9b1c-2d3e4f5a6b7c',
  demoToken: '3c59dc04-8f2b-4d1e-a5c6-7b8d9e0f1a2b',
  otherPublicToken: 'a87ff679-a2f3-4e71-8c9d-0e1f2a3b4c5d',
  revokedToken: 'e4da3b7f-bbce-4a4f-b2c3-d4e5f6a7b8c9',
  products: {
    table: '0f3a1b2c-4d5e-4f60-8a71-9b8c7d6e5f40',
    chair: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    lamp: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
  },
  otherOrg: {
    orgId: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
    privateToken: 'c9f0f895-fb98-4b91-8f2a-3c4d5e6f7a8b',
    publicToken: '45c48cce-2e2d-4fbd-a1b2-c3d4e5f6a7b8',
    products: {
      floorLamp: '6e5d4c3b-2a1f-4e0d-9c8b-7a6f5e4d3c2b',
    },
  },
} as const;

/** The type of `SEED`: the seeded organizations' fixed ids and tokens. */
export type SeedIds = typeof SEED;

/** The domain list of the seeded demo token, as `SEED.demoToken` holds it. */
export const DEMO_TOKEN_DOMAINS: readonly string[] = [
  'localhost',
  'shop.example.test',
  '*.brand.example.test',
];

/** The seeded tokens, made afresh on each call so that a reset restores them. */
export function seedTokens(): Array<TokenRecord & { orgId: string }> {
  const issued = '2025-01-15T09:00:00.000Z';

  return [
    {
      id: SEED.privateToken,
      orgId: SEED.orgId,
      name: 'ERP sync (server)',
      kind: 'private',
      domains: [],
      createdAt: issued,
      revokedAt: null,
    },
    {
      id: SEED.demoToken,
      orgId: SEED.orgId,
      name: 'Storefront demo',
      kind: 'public',
      domains: [...DEMO_TOKEN_DOMAINS],
      createdAt: issued,
      revokedAt: null,
    },
    {
      id: SEED.otherPublicToken,
      orgId: SEED.orgId,
      name: 'Retailer site',
      kind: 'public',
      domains: ['retailer.example.test'],
      createdAt: '2025-02-03T14:30:00.000Z',
      revokedAt: null,
    },
    {
      id: SEED.revokedToken,
      orgId: SEED.orgId,
      name: 'Old storefront (revoked)',
      kind: 'public',
      domains: ['shop.example.test', 'localhost'],
      createdAt: '2024-06-01T08:00:00.000Z',
      revokedAt: '2025-01-10T17:45:00.000Z',
    },
    {
      id: SEED.otherOrg.privateToken,
      orgId: SEED.otherOrg.orgId,
      name: 'Brightwater back office',
      kind: 'private',
      domains: [],
      createdAt: issued,
      revokedAt: null,
    },
    {
      id: SEED.otherOrg.publicToken,
      orgId: SEED.otherOrg.orgId,
      name: 'Brightwater shop',
      kind: 'public',
      domains: ['localhost', 'brightwater.example.test'],
      createdAt: issued,
      revokedAt: null,
    },
  ];
}
