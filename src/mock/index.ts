/**
 * The mock configurator platform: msw handlers that follow `PLATFORM-API.md`, their in-memory
 * state with fault injection, the seeded organization, and an HTTP server over the same
 * handlers. For the SDK's tests, the demo, and integrators' own tests.
 */

/* State and seed */
export { createPlatformState } from './state';
export { SEED, DEMO_TOKEN_DOMAINS } from './seed';
export type { SeedIds } from './seed';

/* Handlers and server */
export { createPlatformHandlers } from './handlers';
export type { PlatformHandlersOptions } from './handlers';
export { startPlatformServer } from './server';
export type { PlatformServer, PlatformServerOptions } from './server';

/* Domain lists */
export { parseDomainEntry, originAllowed, DomainEntryError } from './domains';
export type { DomainEntry } from './domains';

/* Variants, shared with the SDK */
export { validateVariant, effectiveVariant } from '../configurator/validate-variant';

/* Types */
export type {
  CountedEvent,
  CreateTokenInput,
  Fault,
  FaultMatch,
  NetworkFault,
  OwnedToken,
  PlatformState,
  PlatformStateOptions,
  RateLimitFault,
  RecordedRequest,
  StatusFault,
} from './types';

// A fetch that behaves as a browser does, for jsdom tests.
export { createBrowserFetch } from './browser-fetch';
export type {
  BlockedFetch,
  BlockedReason,
  BrowserFetch,
  BrowserFetchOptions,
} from './browser-fetch';
