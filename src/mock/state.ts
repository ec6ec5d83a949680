import type {
  AnalyticsEvent,
  Configuration,
  ConfiguratorDefinition,
  TokenRecord,
} from '../platform/types';
import { DomainEntryError, parseDomainEntry } from './domains';
import { createFaultQueue } from './faults';
import { randomBase64Url, randomUuid } from './random';
import { SEED, seedTokens } from './seed';
import { seedProducts } from './seed-products';
import type {
  CountedEvent,
  CreateTokenInput,
  IdempotentSave,
  OwnedToken,
  PlatformState,
  PlatformStateOptions,
  RecordedRequest,
} from './types';

/** How long an `Idempotency-Key` is remembered. */
const IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Creates the in-memory state of a mock platform, holding the seed (see `SEED`).
 *
 * A token's secret is its record id, a UUID: `Authorization: Bearer <id>`.
 *
 * @example
 * const state = createPlatformState();
 * const token = state.createToken({ name: 'CI', kind: 'public', domains: ['localhost'] });
 * state.failNext({ kind: 'network' }, { method: 'POST', path: '/api/configurations' });
 */
export function createPlatformState(options: PlatformStateOptions = {}): PlatformState {
  const clock = options.now ?? ((): Date => new Date());
  const requests: RecordedRequest[] = [];
  const faults = createFaultQueue();
  let tokens = new Map<string, OwnedToken>();
  let products = new Map<string, { orgId: string; definition: ConfiguratorDefinition }>();
  let configurations: Configuration[] = [];
  let events = new Map<string, CountedEvent>();
  let idempotency = new Map<string, IdempotentSave>();
  let down = false;

  const reset = (): void => {
    tokens = new Map(seedTokens().map((token) => [token.id, token]));
    products = new Map(seedProducts().map((product) => [product.definition.id, product]));
    configurations = [];
    events = new Map();
    idempotency = new Map();
    down = false;
    faults.clear();

    // Emptied in place: a test may hold on to the array.
    requests.length = 0;
  };

  reset();

  return {
    seed: SEED,
    requests,
    get down() {
      return down;
    },
    reset,
    now: () => clock(),

    createToken(input: CreateTokenInput): TokenRecord {
      const refused = input.domains.find((entry) => parseDomainEntry(entry) === null);

      if (refused !== undefined) {
        throw new DomainEntryError(refused);
      }

      const token: OwnedToken = {
        id: randomUuid(),
        orgId: input.orgId ?? SEED.orgId,
        name: input.name,
        kind: input.kind,
        domains: [...input.domains],
        createdAt: clock().toISOString(),
        revokedAt: null,
      };
      tokens.set(token.id, token);

      return toRecord(token);
    },

    revokeToken(id: string): TokenRecord {
      const token = tokens.get(id.toLowerCase());

      if (token === undefined) {
        throw new Error(`Failed to revoke token: no token has the id ${id}.`);
      }

      token.revokedAt ??= clock().toISOString();

      return toRecord(token);
    },

    findToken(id: string): OwnedToken | undefined {
      const token = tokens.get(id.toLowerCase());

      return token === undefined ? undefined : { ...toRecord(token), orgId: token.orgId };
    },

    tokens(orgId: string): TokenRecord[] {
      return [...tokens.values()].filter((token) => token.orgId === orgId).map(toRecord);
    },

    putProduct(definition: ConfiguratorDefinition, orgId: string = SEED.orgId): void {
      products.set(definition.id, { orgId, definition: structuredClone(definition) });
    },

    findProduct(orgId: string, productId: string): ConfiguratorDefinition | undefined {
      const product = products.get(productId);

      return product?.orgId === orgId ? structuredClone(product.definition) : undefined;
    },

    configurations: () => structuredClone(configurations),

    saveConfiguration(orgId, input): Configuration {
      const configuration: Configuration = {
        id: randomUuid(),
        shortId: newShortId(configurations),
        orgId,
        ...structuredClone(input),
        createdAt: clock().toISOString(),
      };
      configurations.push(configuration);

      return structuredClone(configuration);
    },

    findConfiguration(orgId: string, idOrShortId: string): Configuration | undefined {
      const found = configurations.find(
        (c) =>
          c.orgId === orgId && (c.id === idOrShortId.toLowerCase() || c.shortId === idOrShortId),
      );

      return found === undefined ? undefined : structuredClone(found);
    },

    findIdempotentSave(orgId: string, key: string): IdempotentSave | undefined {
      const save = idempotency.get(`${orgId} ${key}`);
      const fresh = save !== undefined && clock().getTime() - save.savedAt < IDEMPOTENCY_WINDOW_MS;

      return fresh ? structuredClone(save) : undefined;
    },

    rememberIdempotentSave(orgId: string, key: string, save: IdempotentSave): void {
      idempotency.set(`${orgId} ${key}`, structuredClone(save));
    },

    countedEvents: () => structuredClone([...events.values()]),

    countEvents(orgId: string, batch: AnalyticsEvent[]) {
      const receivedAt = clock().toISOString();
      let accepted = 0;

      for (const event of batch) {
        const key = `${orgId} ${event.id.toLowerCase()}`;

        if (!events.has(key)) {
          events.set(key, { ...structuredClone(event), orgId, receivedAt });
          accepted += 1;
        }
      }

      return { accepted, duplicates: batch.length - accepted };
    },

    failNext: faults.push,
    takeFault: faults.take,

    setDown(value: boolean): void {
      down = value;
    },
  };
}

/** The record as the API shows it, without the owning organization. */
function toRecord(token: OwnedToken): TokenRecord {
  const { orgId: _orgId, ...record } = token;

  return structuredClone(record);
}

function newShortId(existing: readonly Configuration[]): string {
  const taken = new Set(existing.map((configuration) => configuration.shortId));
  let shortId = randomBase64Url(10);

  while (taken.has(shortId)) {
    shortId = randomBase64Url(10);
  }

  return shortId;
}
