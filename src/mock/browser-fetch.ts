/**
 * A fetch that behaves as a browser page's does (Origin, CORS preflights and checks, exposed
 * headers, opaque failures), for tests that run under jsdom, where fetch is Node's.
 */
export { createBrowserFetch } from './browser/browser-fetch';
export type {
  BlockedFetch,
  BlockedReason,
  BrowserFetch,
  BrowserFetchOptions,
} from './browser/types';
