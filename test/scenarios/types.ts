import type { Fault, FaultMatch } from '../../src/mock/types';

/** The calls a scenario makes: the three a retailer's page makes. */
export type CallName = 'load' | 'save' | 'track';

/** One call as plain data, so that it can cross into a browser page with `page.evaluate`. */
export type Call =
  | { kind: 'load'; productId: string }
  | {
      kind: 'save';
      productId: string;
      productVersion: string;
      variant: Record<string, string | number | boolean>;
    }
  | { kind: 'track'; type: string; properties: Record<string, string | number | boolean> };

/** What a client is made with in the page: everything but the fetch. */
export interface ClientInput {
  token: string;
  apiUrl: string;
}

/** A failed call, as plain data; `null` where the error does not carry the field. */
export interface OutcomeError {
  name: string;
  code: string | null;
  status: number | null;
  retryAfter: number | null;
  offline: boolean | null;
  /** `CorsError.origin`: the page origin the SDK blamed. */
  origin: string | null;
  /** Whether the SDK's own guard for this name (`isCorsError`, …) recognizes the error. */
  guarded: boolean;
  message: string;
}

/** What one call came to, as plain data that both runners produce alike. */
export type Outcome =
  | { ok: true; result: Record<string, string | number | boolean> }
  | { ok: false; error: OutcomeError };

/** A token from the seed, by role. */
export type SeededToken = 'demo' | 'revoked' | 'private';

/** The state of the platform when the call is made. */
export type PlatformCondition = 'up' | 'stopped' | { fault: Fault; match?: FaultMatch };

/** What the table expects of a failed call; fields left out are not checked against the table. */
export type ExpectedError = Partial<Omit<OutcomeError, 'message' | 'guarded'>> & {
  name: string;
  code: string;
};

/** What the table expects of a call. */
export type ExpectedOutcome =
  | { ok: true; result: Record<string, string | number | boolean> }
  | { ok: false; error: ExpectedError };

/** One row of the scenario table. */
export interface Scenario {
  /** What the row shows, in the present tense; the test's title. */
  title: string;
  /** The page's address as a shopper would type it; the page origin is its origin. */
  page: string;
  /** A seeded token, or a public token made for this row with these domains. */
  token: SeededToken | { domains: string[] };
  call: CallName;
  /** `up` when left out. */
  platform?: PlatformCondition;
  /** The browser is offline when the call is made. */
  offline?: boolean;
  expect: ExpectedOutcome;
  /**
   * The requests the platform answered, in order, as `METHOD path status`, with ` Bearer` when
   * the request carried the row's token; product ids read `{table}`.
   */
  saw: readonly string[];
  /** Configurations the platform stored; 0 when left out. */
  stored?: number;
  /** Analytics events the platform counted; 0 when left out. */
  counted?: number;
  /**
   * Where Chromium's own network stack sends other requests than jsdom's simulation does, for a
   * reason outside the SDK: what the platform answered in Chromium, and why. The outcome, what
   * was stored and what was counted must still agree.
   */
  chromium?: { saw: readonly string[]; because: string };
}

/** What a runner saw of one row: the outcome and the platform's side of it. */
export interface Observation {
  outcome: Outcome;
  saw: string[];
  stored: number;
  counted: number;
}
