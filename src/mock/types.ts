import type {
  AnalyticsBatchResult,
  AnalyticsEvent,
  Configuration,
  ConfiguratorDefinition,
  TokenKind,
  TokenRecord,
  Variant,
} from '../platform/types';
import type { SeedIds } from './seed';

/** A token record with the organization that owns it. */
export type OwnedToken = TokenRecord & { orgId: string };

/** One request the mock platform saw, with the status it answered. */
export interface RecordedRequest {
  method: string;
  /** The URL's pathname, such as `/api/configurations`. */
  path: string;
  url: string;
  /** The `Origin` header, or `null` when the request had none. */
  origin: string | null;
  /** The `Authorization` header as sent, or `null`. */
  authorization: string | null;
  /** Every request header, by lower-case name. */
  headers: Record<string, string>;
  /** The status answered; `0` for a dropped connection (a network fault or `setDown`). */
  status: number;
  /** The `x-request-id` answered; also set for a dropped connection, though none was sent. */
  requestId: string;
}

/** Which requests a fault applies to; every given field must match. */
export interface FaultMatch {
  /** The request method, in any case. Faults skip preflights unless this is `OPTIONS`. */
  method?: string;
  /** The URL's pathname, exactly when a string, or tested when a RegExp. */
  path?: string | RegExp;
}

/** A canned answer, sent with the usual CORS headers and request id. */
export interface StatusFault {
  status: number;
  /**
   * The body: a string is sent as it is (as `text/plain`), anything else as JSON. Without one,
   * an error status answers `{ code, message }` with the contract's code for that status.
   */
  body?: unknown;
  headers?: Record<string, string>;
}

/** A dropped connection: the caller's fetch rejects as on a network failure. */
export interface NetworkFault {
  kind: 'network';
  /**
   * Drop the connection only after the platform has handled the request, side effects
   * included, as when an answer is lost on its way back. Useful to test idempotent retries.
   */
  afterHandling?: boolean;
}

/** A `429 rate_limited` with a `Retry-After` header. */
export interface RateLimitFault {
  kind: 'rate-limit';
  /** Seconds, as `Retry-After` carries them. */
  retryAfter: number;
}

/** A failure to inject into the next matching request. */
export type Fault = StatusFault | NetworkFault | RateLimitFault;

/** What `createToken` takes. */
export interface CreateTokenInput {
  name: string;
  kind: TokenKind;
  domains: string[];
  /** The owning organization; the seeded one when left out. */
  orgId?: string;
}

/** An analytics event the platform counted, with where and when it arrived. */
export interface CountedEvent extends AnalyticsEvent {
  orgId: string;
  receivedAt: string;
}

/** A save, as the platform checked it, ready to be stored. */
export interface NewConfiguration {
  productId: string;
  productVersion: string;
  variant: Variant;
  metadata: Record<string, unknown> | null;
  customerId: string | null;
}

/** A remembered answer to a save made with an `Idempotency-Key`. */
export interface IdempotentSave {
  /** The request body in a canonical form, to tell a retry from another save. */
  fingerprint: string;
  configuration: Configuration;
  /** When the first save was made, in milliseconds since the epoch. */
  savedAt: number;
}

/** How to create a mock platform state. */
export interface PlatformStateOptions {
  /** The clock, for tests that travel in time (idempotency keys last 24 hours). */
  now?: () => Date;
}

/**
 * The in-memory data of a mock platform and the controls tests use on it. The handlers read and
 * change it through the same methods.
 */
export interface PlatformState {
  /** The seeded organizations' fixed ids and tokens. */
  readonly seed: SeedIds;
  /** Every request seen since the last reset, preflights and health checks included. */
  readonly requests: RecordedRequest[];
  /** Whether `setDown(true)` is in force. */
  readonly down: boolean;

  /** Restores the seed: drops everything created since, clears the log, faults and `down`. */
  reset(): void;
  /** The current time, from the clock given to `createPlatformState`. */
  now(): Date;

  /** Creates a token; throws `DomainEntryError` for an entry outside the grammar. */
  createToken(input: CreateTokenInput): TokenRecord;
  /** Revokes a token (a no-op if it already is); throws if no token has this id. */
  revokeToken(id: string): TokenRecord;
  /** The token with this secret (its id), revoked or not, with its organization. */
  findToken(id: string): OwnedToken | undefined;
  /** The organization's tokens, oldest first. */
  tokens(orgId: string): TokenRecord[];

  /** Adds or replaces a product's configurator, in the seeded organization by default. */
  putProduct(definition: ConfiguratorDefinition, orgId?: string): void;
  /** The organization's product, or `undefined` for an unknown product or another org's. */
  findProduct(orgId: string, productId: string): ConfiguratorDefinition | undefined;

  /** Every saved configuration, oldest first. */
  configurations(): Configuration[];
  /** Stores a checked save and answers its record, with a new id and short id. */
  saveConfiguration(orgId: string, input: NewConfiguration): Configuration;
  /** The organization's configuration with this id or short id. */
  findConfiguration(orgId: string, idOrShortId: string): Configuration | undefined;
  /** The remembered save for this organization's key, if younger than 24 hours. */
  findIdempotentSave(orgId: string, key: string): IdempotentSave | undefined;
  /** Remembers a save made with an `Idempotency-Key`. */
  rememberIdempotentSave(orgId: string, key: string, save: IdempotentSave): void;

  /** Every counted event, each id once per organization, in arrival order. */
  countedEvents(): CountedEvent[];
  /** Counts a checked batch: new ids are accepted, ids seen before are duplicates. */
  countEvents(orgId: string, events: AnalyticsEvent[]): AnalyticsBatchResult;

  /** Queues a one-shot fault for the next request that matches; faults apply in order. */
  failNext(fault: Fault, match?: FaultMatch): void;
  /** Takes the first queued fault that matches this request, if any. */
  takeFault(method: string, path: string): Fault | undefined;
  /** Makes every request fail as a dropped connection, health checks included, until undone. */
  setDown(down: boolean): void;
}
