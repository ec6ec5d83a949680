import { PRODUCT_ID, PRODUCT_VERSION } from './calls';
import type { ExpectedOutcome, Scenario } from './types';

// The one table of scenarios that both runners, jsdom and Chromium, hold the SDK to. Page
// addresses are real ones: Chromium maps every *.test name, and the ports 80, 443, 8080 and
// 8443 of any host, onto the harness's servers, so these are the origins a real page would have.

const SHOP = 'https://shop.example.test';
const OUTLET = 'https://outlet.example.test'; // on none of the demo token's entries

const CONFIGURATOR = '/api/products/{table}/configurator';
const EVENTS = '/api/analytics/events';
const LOADED = [`OPTIONS ${CONFIGURATOR} 204`, `GET ${CONFIGURATOR} 200 Bearer`];

// After a failure with no readable answer, the SDK asks the open health check, then whether this
// origin can read any answer for the token: a load of a product that does not exist.
const NO_PRODUCT = '/api/products/00000000-0000-0000-0000-000000000000/configurator';
const PROBED = ['GET /api/health 200', `OPTIONS ${NO_PRODUCT} 204`, `GET ${NO_PRODUCT} 403 Bearer`];
const LOAD_REFUSED = [`OPTIONS ${CONFIGURATOR} 204`, `GET ${CONFIGURATOR} 403 Bearer`, ...PROBED];

// The SDK's own analytics events (session_start, configurator_loaded, configuration_saved,
// error), sent when the client is destroyed. A call refused for the origin or the token stops
// analytics at once, since its batch would be refused in turn: none is sent after it.
const SDK_EVENTS_SENT = [`OPTIONS ${EVENTS} 204`, `POST ${EVENTS} 200 Bearer`];

const LOAD_OK: ExpectedOutcome = { ok: true, result: { id: PRODUCT_ID, version: PRODUCT_VERSION } };
const SAVED: ExpectedOutcome = {
  ok: true,
  result: { productId: PRODUCT_ID, productVersion: PRODUCT_VERSION, shortId: 'well-formed' },
};
const CORS: ExpectedOutcome = {
  ok: false,
  error: { name: 'CorsError', code: 'origin_not_allowed', status: null },
};
const UNREACHABLE: ExpectedOutcome = {
  ok: false,
  error: { name: 'NetworkError', code: 'unreachable', status: null, offline: false },
};
const OFFLINE: ExpectedOutcome = {
  ok: false,
  error: { name: 'NetworkError', code: 'offline', status: null, offline: true },
};
const RATE_LIMITED: ExpectedOutcome = {
  ok: false,
  error: { name: 'RateLimitError', code: 'rate_limited', status: 429, retryAfter: 7 },
};
const RATE_LIMIT = { fault: { kind: 'rate-limit', retryAfter: 7 } } as const;

// Why Chromium's platform log differs from jsdom's in some rows; the outcomes still agree.
const RESENT =
  'Chromium itself sends a request again, once, when a reused keep-alive connection closes ' +
  'without an answer (the preflight left it open), so the page never sees the drop; ' +
  "createBrowserFetch does not model this and lets the SDK's own recovery show.";
const OFFLINE_PREFLIGHT =
  "Chromium's offline emulation (context.setOffline) holds back the request but not its CORS " +
  'preflight, which the network service sends; a truly offline browser would send neither.';
/** What the three calls do, from allowed and refused origins and in trouble. */
const CALLS: Scenario[] = [
  {
    title: 'loads the configurator from an allowed origin',
    page: SHOP,
    token: 'demo',
    call: 'load',
    expect: LOAD_OK,
    saw: [...LOADED, ...SDK_EVENTS_SENT],
    counted: 2,
  },
  {
    title: 'saves a configuration from an allowed origin',
    page: SHOP,
    token: 'demo',
    call: 'save',
    expect: SAVED,
    // A save first loads the configurator, to check the variant before sending it.
    saw: [
      ...LOADED,
      'OPTIONS /api/configurations 204',
      'POST /api/configurations 201 Bearer',
      ...SDK_EVENTS_SENT,
    ],
    stored: 1,
    counted: 2,
  },
  {
    title: 'sends analytics from an allowed origin',
    page: SHOP,
    token: 'demo',
    call: 'track',
    expect: { ok: true, result: { flushed: true } },
    // One batch: the tracked event with the SDK's session_start.
    saw: SDK_EVENTS_SENT,
    counted: 2,
  },
  {
    title: 'refuses a load from an origin not on the list with CorsError',
    page: OUTLET,
    token: 'demo',
    call: 'load',
    expect: CORS,
    saw: LOAD_REFUSED,
  },
  {
    title: 'refuses a save from an origin not on the list with CorsError, storing nothing',
    page: OUTLET,
    token: 'demo',
    call: 'save',
    expect: CORS,
    // The save's own load is refused, so no POST is ever sent.
    saw: LOAD_REFUSED,
  },
  {
    title: 'refuses analytics from an origin not on the list with CorsError, counting nothing',
    page: OUTLET,
    token: 'demo',
    call: 'track',
    expect: CORS,
    saw: [`OPTIONS ${EVENTS} 204`, `POST ${EVENTS} 403 Bearer`, ...PROBED],
  },
  {
    title: 'reports a stopped platform as NetworkError unreachable',
    page: SHOP,
    token: 'demo',
    call: 'load',
    platform: 'stopped',
    expect: UNREACHABLE,
    saw: [],
  },
  {
    title: 'reports a stopped platform as unreachable, not CorsError, on a refused origin too',
    page: OUTLET,
    token: 'demo',
    call: 'save',
    platform: 'stopped',
    expect: UNREACHABLE,
    saw: [],
  },
  {
    title: 'loads after a dropped connection, once the probes show it was no CORS refusal',
    page: SHOP,
    token: 'demo',
    call: 'load',
    platform: { fault: { kind: 'network' } },
    expect: LOAD_OK,
    // The dropped GET got no answer; the probes read the 404 of the missing product, so the
    // origin is allowed: the failure was the connection's, and the load is tried again.
    saw: [
      `OPTIONS ${CONFIGURATOR} 204`,
      'GET /api/health 200',
      `OPTIONS ${NO_PRODUCT} 204`,
      `GET ${NO_PRODUCT} 404 Bearer`,
      `GET ${CONFIGURATOR} 200 Bearer`,
      ...SDK_EVENTS_SENT,
    ],
    counted: 2,
    chromium: { saw: [...LOADED, ...SDK_EVENTS_SENT], because: RESENT },
  },
  {
    title: 'saves once when the answer to a save is lost after the platform stored it',
    page: SHOP,
    token: 'demo',
    call: 'save',
    platform: {
      fault: { kind: 'network', afterHandling: true },
      match: { method: 'POST', path: '/api/configurations' },
    },
    expect: SAVED,
    // The SDK probes, then sends the save again with the same Idempotency-Key: the platform
    // answers the first save again and stores nothing more.
    saw: [
      ...LOADED,
      'OPTIONS /api/configurations 204',
      'GET /api/health 200',
      `OPTIONS ${NO_PRODUCT} 204`,
      `GET ${NO_PRODUCT} 404 Bearer`,
      'POST /api/configurations 201 Bearer',
      ...SDK_EVENTS_SENT,
    ],
    stored: 1,
    counted: 2,
    chromium: {
      saw: [
        ...LOADED,
        'OPTIONS /api/configurations 204',
        'POST /api/configurations 201 Bearer',
        ...SDK_EVENTS_SENT,
      ],
      because: RESENT,
    },
  },
  {
    title: 'reports an offline browser as NetworkError offline on a load',
    page: SHOP,
    token: 'demo',
    call: 'load',
    offline: true,
    expect: OFFLINE,
    saw: [],
    chromium: { saw: [`OPTIONS ${CONFIGURATOR} 204`], because: OFFLINE_PREFLIGHT },
  },
  {
    title: 'reports an offline browser as NetworkError offline on analytics',
    page: SHOP,
    token: 'demo',
    call: 'track',
    offline: true,
    expect: OFFLINE,
    // The queue waits for the browser to be online: nothing is sent, not even a preflight.
    saw: [],
  },
  {
    title: 'refuses a revoked token with AuthError',
    page: SHOP,
    token: 'revoked',
    call: 'load',
    expect: { ok: false, error: { name: 'AuthError', code: 'token_revoked', status: 401 } },
    // Analytics stops with the refused load: its events are never sent to be refused too.
    saw: [`OPTIONS ${CONFIGURATOR} 204`, `GET ${CONFIGURATOR} 401 Bearer`],
  },
  {
    title: 'refuses a private token in a page with PrivateTokenError',
    page: SHOP,
    token: 'private',
    call: 'load',
    expect: {
      ok: false,
      error: { name: 'PrivateTokenError', code: 'private_token_in_browser', status: 403 },
    },
    saw: [`OPTIONS ${CONFIGURATOR} 204`, `GET ${CONFIGURATOR} 403 Bearer`],
  },
  {
    title: 'reports a 429 on a load as RateLimitError with retryAfter',
    page: SHOP,
    token: 'demo',
    call: 'load',
    platform: RATE_LIMIT,
    expect: RATE_LIMITED,
    // The SDK's session_start and error events still go through.
    saw: [`OPTIONS ${CONFIGURATOR} 204`, `GET ${CONFIGURATOR} 429 Bearer`, ...SDK_EVENTS_SENT],
    counted: 2,
  },
  {
    title: 'reports a 429 on analytics as RateLimitError with retryAfter, counting nothing',
    page: SHOP,
    token: 'demo',
    call: 'track',
    platform: RATE_LIMIT,
    expect: RATE_LIMITED,
    saw: [`OPTIONS ${EVENTS} 204`, `POST ${EVENTS} 429 Bearer`],
  },
];

/** A load from `page` with a public token made for the one entry `entry`. */
function load([entry, page, verdict]: GrammarRow): Scenario {
  const token = { domains: [entry] };
  const title = `${verdict === 'allowed' ? 'allows' : 'refuses'} ${page} for the entry ${entry}`;

  if (verdict === 'allowed') {
    return {
      title,
      page,
      token,
      call: 'load',
      expect: LOAD_OK,
      saw: [...LOADED, ...SDK_EVENTS_SENT],
      counted: 2,
    };
  }

  return {
    title,
    page,
    token,
    call: 'load',
    expect: CORS,
    saw: LOAD_REFUSED,
  };
}

type GrammarRow = [entry: string, page: string, verdict: 'allowed' | 'refused'];

/** The domain grammar on real host names, schemes and ports: one entry, one page each. */
const GRAMMAR: GrammarRow[] = [
  // An exact host means https on the default port, matched case-insensitively and whole.
  ['shop.example.test', SHOP, 'allowed'],
  ['SHOP.Example.TEST', SHOP, 'allowed'],
  ['shop.example.test', `${SHOP}.`, 'allowed'],
  ['shop.example.test', `${SHOP}:8443`, 'refused'],
  ['shop.example.test', 'http://shop.example.test', 'refused'],
  ['bücher.example.test', 'https://bücher.example.test', 'allowed'],
  // An explicit port is that port only.
  ['shop.example.test:8443', `${SHOP}:8443`, 'allowed'],
  ['shop.example.test:8443', SHOP, 'refused'],
  // Plain http needs an http entry, and gets only http.
  ['http://shop.example.test', 'http://shop.example.test', 'allowed'],
  ['http://shop.example.test:8080', 'http://shop.example.test:8080', 'allowed'],
  ['http://shop.example.test', SHOP, 'refused'],
  // A wildcard is any depth of subdomain over https on the default port, never the apex.
  ['*.brand.example.test', 'https://shop.brand.example.test', 'allowed'],
  ['*.brand.example.test', 'https://a.b.brand.example.test', 'allowed'],
  ['*.brand.example.test', 'https://brand.example.test', 'refused'],
  ['*.brand.example.test', 'http://shop.brand.example.test', 'refused'],
  ['*.brand.example.test', 'https://shop.brand.example.test:8443', 'refused'],
  // Lookalikes: a host matches as whole labels, never as a string's suffix or prefix.
  ['example.test', 'https://evilexample.test', 'refused'],
  ['*.example.test', 'https://evilexample.test', 'refused'],
  ['shop.example.test', 'https://shop.example.test.evil.test', 'refused'],
  ['*.example.test', 'https://shop.example.test.evil.test', 'refused'],
  // `localhost` is any scheme and port of localhost, and 127.0.0.1 is another host.
  ['localhost', 'http://localhost:8080', 'allowed'],
  ['localhost', 'https://localhost:8443', 'allowed'],
  ['localhost', 'http://127.0.0.1:8080', 'refused'],
  ['http://127.0.0.1:8080', 'http://127.0.0.1:8080', 'allowed'],
  ['http://127.0.0.1:8080', 'http://localhost:8080', 'refused'],
  ['127.0.0.1', 'https://127.0.0.1', 'allowed'],
];

/** Every scenario, in the order the runners try them. */
export const SCENARIOS: readonly Scenario[] = [...CALLS, ...GRAMMAR.map(load)];
