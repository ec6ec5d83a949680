import type { AnalyticsOptions } from '../analytics/types';
import type { ConfiguratorError } from '../errors/configurator-error';

/** What `createClient` takes. */
export interface ClientOptions {
  /** The public access token from the platform: a UUID. Never a private token. */
  token: string;
  /** The platform's address: `https://…`, or `http://localhost:…` for development. */
  apiUrl: string | URL;
  /** Milliseconds each request may take before it ends in a `TimeoutError`. Default 10 000. */
  timeout?: number;
  /**
   * Milliseconds a loaded configurator is reused from memory before it is checked again with
   * the platform. Default 60 000; 0 checks on every load.
   */
  cacheMaxAge?: number;
  /** The fetch to use; the page's own when absent. Tests pass a browser-behaving one. */
  fetch?: typeof fetch;
  /**
   * Hears the failures that no caller awaits: events refused before sending, analytics that
   * cannot be sent (once per run of failures that may pass; once for good when sending stops,
   * such as for a refused origin or a revoked token), and events the platform refused. Never
   * called for a failure that a returned promise rejects.
   */
  onError?: (error: ConfiguratorError) => void;
  /** How analytics events are batched, kept and sent; see `AnalyticsOptions`. */
  analytics?: AnalyticsOptions;
}

/** What every call takes. */
export interface CallOptions {
  /** Ends the call early: it rejects with the signal's reason, as `fetch` does. */
  signal?: AbortSignal;
  /** Milliseconds each request of this call may take; the client's `timeout` by default. */
  timeout?: number;
}

/** What a save takes besides the configuration. */
export interface SaveOptions extends CallOptions {
  /**
   * The key that makes the save safe to retry: 1 to 255 visible ASCII characters. One is made
   * for each call when absent; pass your own to make a save safe across page loads too.
   */
  idempotencyKey?: string;
}
