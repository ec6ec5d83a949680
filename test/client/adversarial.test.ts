import { http, HttpResponse, delay } from 'msw';
import { describe, expect, it } from 'vitest';

import {
  createClient,
  isConfiguratorError,
  isCorsError,
  readSharedConfiguration,
  shareUrl,
} from '../../src/index';
import { SEED } from '../../src/mock/seed';
import { API_URL, usePlatform } from '../support/platform';

// Adversarial review of the client surface: createClient, the transport, the errors and share
// links. A test named for the correct behaviour fails while the defect it shows is there.

const platform = usePlatform();
const productId = SEED.products.table;
const TOKEN = SEED.demoToken;
/** A UUID no product has: the platform answers it 404. */
const UNKNOWN_PRODUCT = '7f000000-0000-4000-8000-0000000000aa';

/** Headers a hand-written handler needs so that the browser-behaving fetch lets a page read it. */
const READABLE = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'etag, retry-after, x-request-id',
};

const requestsTo = (path: string | RegExp, method?: string) =>
  platform.state.requests.filter(
    (request) =>
      (method === undefined || request.method === method) &&
      (typeof path === 'string' ? request.path === path : path.test(request.path)),
  );
const posts = () => requestsTo('/api/configurations', 'POST');
const apiCalls = () => platform.state.requests.filter((r) => !r.path.startsWith('/api/analytics'));

type Outcome =
  | { settled: false }
  | { settled: true; ok: true; value: unknown }
  | { settled: true; ok: false; error: unknown };

/** How a promise settles within `ms`, without ever leaving the test waiting longer. */
async function within(promise: Promise<unknown>, ms: number): Promise<Outcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ settled: false }), ms);
  });
  const outcome = await Promise.race([
    promise.then(
      (value): Outcome => ({ settled: true, ok: true, value }),
      (error: unknown): Outcome => ({ settled: true, ok: false, error }),
    ),
    late,
  ]);
  clearTimeout(timer);

  return outcome;
}

/** Collects the unhandled rejections that happen while `run` and a grace period go on. */
async function unhandledDuring(run: () => Promise<unknown>, graceMs = 300): Promise<unknown[]> {
  const seen: unknown[] = [];
  const listener = (reason: unknown): void => {
    seen.push(reason);
  };
  process.on('unhandledRejection', listener);
  try {
    await run().catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, graceMs));
  } finally {
    process.off('unhandledRejection', listener);
  }

  return seen;
}

/** A body that sends a little and then never ends. */
function endlessBody(): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"id":'));
    },
  });
}

/** A body that sends a little and then breaks off, as a dropped connection does. */
function brokenBody(): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"id":'));
      setTimeout(() => controller.error(new TypeError('connection reset')), 10);
    },
  });
}

/** The seeded table's configurator, as the platform answers it. */
function tableDefinition(): Record<string, unknown> {
  const definition = platform.state.findProduct(SEED.orgId, productId);
  if (definition === undefined) throw new Error('the seeded table is missing');

  return definition as unknown as Record<string, unknown>;
}

async function saveInput(client: ReturnType<typeof platform.client>) {
  const definition = await client.configurator.load(productId);

  return { productId, productVersion: definition.version, variant: {} as Record<string, unknown> };
}

describe('ids from callers', () => {
  const hostile: Array<[string, unknown]> = [
    ['%2e%2e', '%2e%2e'],
    ['..%2f..%2faccesstokens', '..%2f..%2faccesstokens'],
    ['a query', 'AbCdEfG?x=1'],
    ['a fragment', 'AbCdEfG#frag'],
    ['full-width letters', 'ＡｂＣｄＥｆＧ'],
    ['a trailing newline', 'AbCdEfG1\n'],
    ['a NUL', 'AbCdEfG\u0000'],
    ['a UUID with a trailing newline', `${productId}\n`],
    ['a million characters', 'a'.repeat(1_000_000)],
    ['a Symbol', Symbol('id')],
    ['an object whose toString is a UUID', { toString: () => productId }],
    ['an array holding a UUID', [productId]],
    ['a Proxy', new Proxy({}, { get: () => productId })],
    ['null', null],
    ['a number', 42],
  ];

  it.each(hostile)(
    'refuses %s as a product or configuration id with ValidationError and no request',
    async (_, id) => {
      const client = platform.client();

      await expect(client.configurator.load(id as never)).rejects.toMatchObject({
        name: 'ValidationError',
        code: 'invalid_argument',
      });
      await expect(client.configurations.get(id as never)).rejects.toMatchObject({
        name: 'ValidationError',
        code: 'invalid_argument',
      });
      expect(apiCalls()).toEqual([]);
    },
  );

  it('keeps every request of a save on the platform host and its fixed paths', async () => {
    const client = platform.client();
    await client.configurations.save((await saveInput(client)) as never);
    await client.configurations.get('AbCdEfG1').catch(() => undefined);

    for (const request of apiCalls()) {
      expect(new URL(request.url).origin).toBe(API_URL);
      expect(request.path).toMatch(
        /^\/api\/(health|configurations(\/AbCdEfG1)?|products\/[0-9a-f-]{36}\/configurator)$/,
      );
    }
  });
});

describe('what a save takes', () => {
  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['an array', ['oak']],
    ['a Symbol', Symbol('oak')],
    ['a BigInt', 10n],
    ['a function', () => 'oak'],
    ['a Date', new Date()],
    ['an object with toString', { toString: () => 'oak' }],
    ['null', null],
  ])('refuses %s as a variant value with ValidationError and sends nothing', async (_, value) => {
    const client = platform.client();
    const input = await saveInput(client);

    await expect(
      client.configurations.save({ ...input, variant: { wood: value } } as never),
    ).rejects.toMatchObject({ name: 'ValidationError' });
    expect(posts()).toHaveLength(0);
  });

  it('refuses __proto__ and constructor keys in a variant, and pollutes no prototype', async () => {
    const client = platform.client();
    const input = await saveInput(client);

    for (const variant of [
      JSON.parse('{"__proto__": {"r": 1, "g": 2, "b": 3}}') as Record<string, unknown>,
      JSON.parse('{"__proto__": "oak"}') as Record<string, unknown>,
      { constructor: 'oak' },
      { toString: 'oak', hasOwnProperty: 'oak' },
    ]) {
      await expect(
        client.configurations.save({ ...input, variant } as never),
      ).rejects.toMatchObject({ name: 'ValidationError' });
    }

    expect(posts()).toHaveLength(0);
    expect(({} as Record<string, unknown>)['r']).toBeUndefined();
  });

  it('refuses an array, a Map or a class instance as the variant', async () => {
    const client = platform.client();
    const input = await saveInput(client);

    for (const variant of [['oak'], new Map([['wood', 'oak']]), new (class Variant {})()]) {
      await expect(
        client.configurations.save({ ...input, variant } as never),
      ).rejects.toMatchObject({ name: 'ValidationError', code: 'invalid_argument' });
    }
    expect(posts()).toHaveLength(0);
  });

  it('refuses metadata with a cycle, a BigInt or a toJSON that throws', async () => {
    const client = platform.client();
    const input = await saveInput(client);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;

    for (const metadata of [
      cyclic,
      { big: 1n },
      {
        toJSON() {
          throw new Error('no');
        },
      },
    ]) {
      await expect(
        client.configurations.save({ ...input, metadata } as never),
      ).rejects.toMatchObject({ name: 'ValidationError', code: 'invalid_argument' });
    }
    expect(posts()).toHaveLength(0);
  });

  it('saves a deeply frozen input', async () => {
    const client = platform.client();
    const input = Object.freeze({
      ...(await saveInput(client)),
      variant: Object.freeze({ wood: 'ash', legColor: Object.freeze({ r: 31, g: 31, b: 31 }) }),
      metadata: Object.freeze({ cart: 'c-1' }),
    });

    await expect(client.configurations.save(input as never)).resolves.toMatchObject({
      variant: { wood: 'ash', legColor: { r: 31, g: 31, b: 31 } },
    });
  });

  it('rejects (never throws synchronously) when a variant getter throws, and sends nothing', async () => {
    const client = platform.client();
    const input = await saveInput(client);
    const variant = {
      get wood(): string {
        throw new Error('getter exploded');
      },
    };

    let call: Promise<unknown> | undefined;
    expect(() => {
      call = client.configurations.save({ ...input, variant } as never);
    }).not.toThrow();
    await expect(call).rejects.toBeDefined();
    expect(posts()).toHaveLength(0);
  });

  it('saves the variant as it was when save was called, not as it was changed later', async () => {
    const client = platform.client();
    const input = await saveInput(client);
    input.variant['wood'] = 'oak';

    const saving = client.configurations.save(input as never);
    // The page goes on: the shopper picks another wood while the save is on its way.
    input.variant['wood'] = 'walnut';

    await expect(saving).resolves.toMatchObject({ variant: { wood: 'oak' } });
  });

  it('keeps one configuration for concurrent saves under the same idempotency key', async () => {
    const client = platform.client();
    const input = await saveInput(client);

    const [a, b] = await Promise.all([
      client.configurations.save(input as never, { idempotencyKey: 'same-key' }),
      client.configurations.save(input as never, { idempotencyKey: 'same-key' }),
    ]);

    expect(a.id).toBe(b.id);
    expect(platform.state.configurations()).toHaveLength(1);
  });
});

describe('call options', () => {
  it.each([
    ['0', 0],
    ['-1', -1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['2 ** 31', 2 ** 31],
    ['a string', '100'],
  ])('refuses a per-call timeout of %s with UsageError', async (_, timeout) => {
    await expect(
      platform.client().configurator.load(productId, { timeout } as never),
    ).rejects.toMatchObject({ name: 'UsageError', code: 'invalid_option' });
    expect(apiCalls()).toEqual([]);
  });

  it.each([
    ['2 ** 31', 2 ** 31],
    ['1e12', 1e12],
  ])('refuses a client timeout of %s that no timer can hold with UsageError', (_, timeout) => {
    expect(() => createClient({ token: TOKEN, apiUrl: API_URL, timeout })).toThrow(
      expect.objectContaining({ name: 'UsageError', code: 'invalid_option' }),
    );
  });

  it('refuses a per-call timeout just over the longest timer with UsageError, not NetworkError', async () => {
    const error = await platform
      .client()
      .configurations.get('AbCdEfG1', { timeout: 2 ** 31 - 0.5 })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'UsageError', code: 'invalid_option' });
  });

  it('refuses an object that only looks like an AbortSignal with UsageError, sending nothing', async () => {
    const fake = { aborted: false, addEventListener() {}, removeEventListener() {} };

    const error = await platform
      .client()
      .configurations.get('AbCdEfG1', { signal: fake as never })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'UsageError', code: 'invalid_option' });
    expect(apiCalls()).toEqual([]);
  });

  it('rejects (never throws synchronously) when an options getter throws', async () => {
    const options = {
      get signal(): AbortSignal {
        throw new Error('getter exploded');
      },
    };
    const client = platform.client();

    let call: Promise<unknown> | undefined;
    expect(() => {
      call = client.configurator.load(productId, options);
    }).not.toThrow();
    await expect(call).rejects.toBeDefined();
  });
});

describe('apiUrl', () => {
  it.each([
    'http://localhost.evil.com',
    'http://127.0.0.1.nip.io',
    'http://localhost@evil.com',
    'http://evil.com#@localhost',
    'http://0.0.0.0',
    'ftp://localhost',
    'javascript:alert(1)',
    'https://api.example.com:99999',
    'https://user:pass@api.example.com',
    'https://api.example.com/?token=x',
    '//api.example.com',
    '',
  ])('refuses %s with UsageError invalid_api_url', (apiUrl) => {
    expect(() => createClient({ token: TOKEN, apiUrl })).toThrow(
      expect.objectContaining({ name: 'UsageError', code: 'invalid_api_url' }),
    );
  });

  it.each([
    ['an upper-case scheme', 'HTTPS://API.CONFIGURATOR.TEST'],
    ['backslashes', 'https:\\\\api.configurator.test\\'],
    ['a tab and a newline', 'https://api.config\turator.te\nst'],
  ])('reads an apiUrl with %s as the host it names', async (_, apiUrl) => {
    const client = platform.client({ apiUrl });

    await expect(client.configurator.load(productId)).resolves.toMatchObject({ id: productId });
    expect(apiCalls().every((r) => new URL(r.url).origin === API_URL)).toBe(true);
  });

  it('refuses an apiUrl that carries the token in its path, so the token is in no URL', async () => {
    let made: ReturnType<typeof createClient> | undefined;
    let refused: unknown;
    try {
      made = createClient({ token: TOKEN, apiUrl: `${API_URL}/${TOKEN}/` });
    } catch (error) {
      refused = error;
    }
    if (made !== undefined) {
      await made.configurator.load(productId).catch(() => undefined);
      await made.destroy();
    }

    expect(platform.state.requests.filter((r) => r.url.includes(TOKEN))).toEqual([]);
    expect(refused).toMatchObject({ name: 'UsageError', code: 'invalid_api_url' });
  });

  it('never quotes the token in the UsageError for an http apiUrl that carries it', () => {
    let refused: unknown;
    try {
      createClient({ token: TOKEN, apiUrl: `http://api.example.com/${TOKEN}` });
    } catch (error) {
      refused = error;
    }

    expect(refused).toMatchObject({ name: 'UsageError', code: 'invalid_api_url' });
    expect(String((refused as Error).message)).not.toContain(TOKEN);
    expect(JSON.stringify(refused)).not.toContain(TOKEN);
  });

  it('gives a typed NetworkError for an https apiUrl on port 0', async () => {
    const error = await platform
      .client({ apiUrl: 'https://api.configurator.test:0' })
      .configurations.get('AbCdEfG1', { timeout: 500 })
      .catch((e: unknown) => e);

    expect(isConfiguratorError(error)).toBe(true);
  });
});

describe('answers the contract does not allow', () => {
  it('ends in TimeoutError when the body of an answer never finishes', async () => {
    platform.server.use(
      http.get(
        `${API_URL}/api/configurations/:id`,
        () => new HttpResponse(endlessBody(), { headers: READABLE }),
      ),
    );

    const outcome = await within(
      platform.client().configurations.get('AbCdEfG1', { timeout: 200 }),
      3000,
    );

    expect(outcome).toMatchObject({ settled: true, ok: false, error: { name: 'TimeoutError' } });
  });

  it('loads a configurator again after an earlier load got a body that never finished', async () => {
    platform.server.use(
      http.get(
        `${API_URL}/api/products/:id/configurator`,
        () => new HttpResponse(endlessBody(), { headers: READABLE }),
        { once: true },
      ),
    );
    const client = platform.client({ timeout: 200 });
    void client.configurator.load(productId).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 1000));

    // The platform answers in full now; a new load must not wait on the first one for ever.
    const later = await within(client.configurator.load(productId), 2000);

    expect(later).toMatchObject({ settled: true, ok: true, value: { id: productId } });
  });

  it('retries a save whose answer breaks off mid-body with the same key, and holds one configuration', async () => {
    const client = platform.client();
    const input = await saveInput(client);
    const saved = {
      id: '11111111-2222-4333-8444-555555555555',
      shortId: 'Ab3dE5gH1k',
      orgId: SEED.orgId,
      ...input,
      metadata: null,
      customerId: null,
      createdAt: new Date().toISOString(),
    };
    let answered = 0;
    platform.server.use(
      http.post(`${API_URL}/api/configurations`, () => {
        answered += 1;
        return answered === 1
          ? new HttpResponse(brokenBody(), { status: 201, headers: READABLE })
          : HttpResponse.json(saved, { status: 201, headers: READABLE });
      }),
    );
    const keys: string[] = [];
    platform.server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST' && request.url.endsWith('/api/configurations')) {
        keys.push(request.headers.get('idempotency-key') ?? '');
      }
    });

    const result = await client.configurations.save(input as never).catch((e: unknown) => e);
    platform.server.events.removeAllListeners('request:start');

    expect(result).toMatchObject({ shortId: 'Ab3dE5gH1k' });
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
  });

  it.each([
    ['null', [null]],
    ['a string', ['no walnut']],
    ['disable values that are not a list', [{ when: {}, disable: { wood: 'walnut' } }]],
    ['no when', [{ disable: { wood: ['walnut'] } }]],
  ])('refuses a configurator whose rules hold %s with ResponseError', async (_, rules) => {
    const definition = { ...tableDefinition(), rules };
    platform.server.use(
      http.get(`${API_URL}/api/products/:id/configurator`, () =>
        HttpResponse.json(definition, { headers: READABLE }),
      ),
    );
    const client = platform.client();

    await expect(client.configurator.load(productId)).rejects.toMatchObject({
      name: 'ResponseError',
      code: 'unexpected_response',
    });
  });

  it('gives a typed error, not a TypeError, when a save meets a configurator with malformed rules', async () => {
    const definition = { ...tableDefinition(), rules: [null] };
    platform.server.use(
      http.get(`${API_URL}/api/products/:id/configurator`, () =>
        HttpResponse.json(definition, { headers: READABLE }),
      ),
    );
    const client = platform.client();

    const error = await client.configurations
      .save({ productId, productVersion: '3.1.0', variant: {} })
      .catch((e: unknown) => e);

    expect(isConfiguratorError(error)).toBe(true);
    expect(posts()).toHaveLength(0);
  });

  it('gives ResponseError, not a RangeError, for a configurator nested too deeply to freeze', async () => {
    const depth = 200_000;
    const body = JSON.stringify(tableDefinition()).replace(
      /"description":"[^"]*"/,
      `"description":${'['.repeat(depth)}${']'.repeat(depth)}`,
    );
    platform.server.use(
      http.get(
        `${API_URL}/api/products/:id/configurator`,
        () =>
          new HttpResponse(body, { headers: { ...READABLE, 'content-type': 'application/json' } }),
      ),
    );

    const error = await platform
      .client()
      .configurator.load(productId)
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'ResponseError', code: 'unexpected_response' });
  });

  it('gives ServerError, not a RangeError, for a 500 whose body is nested too deeply to copy', async () => {
    const depth = 200_000;
    platform.server.use(
      http.get(
        `${API_URL}/api/products/:id/configurator`,
        () =>
          new HttpResponse(
            `{"code":"internal","detail":${'['.repeat(depth)}${']'.repeat(depth)}}`,
            {
              status: 500,
              headers: { ...READABLE, 'content-type': 'application/json' },
            },
          ),
      ),
    );

    const error = await platform
      .client()
      .configurator.load(productId)
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'ServerError', status: 500, body: undefined });
  });

  it.each([
    ['204', 204],
    ['304', 304],
    ['206', 206],
  ])('gives ResponseError for an unexpected %s', async (_, status) => {
    platform.server.use(
      http.get(
        `${API_URL}/api/configurations/:id`,
        () => new HttpResponse(null, { status, headers: READABLE }),
      ),
    );

    await expect(platform.client().configurations.get('AbCdEfG1')).rejects.toMatchObject({
      name: 'ResponseError',
      status,
    });
  });

  it('never follows a redirect, so the token never reaches its target', async () => {
    platform.server.use(
      http.get(
        `${API_URL}/api/configurations/:id`,
        () =>
          new HttpResponse(null, {
            status: 302,
            headers: { ...READABLE, location: 'https://evil.example/steal' },
          }),
      ),
      http.all('https://evil.example/*', () => HttpResponse.json({ stolen: true })),
    );
    const reached: string[] = [];
    platform.server.events.on('request:start', ({ request }) => {
      if (request.url.startsWith('https://evil.example')) reached.push(request.url);
    });

    const error = await platform
      .client()
      .configurations.get('AbCdEfG1')
      .catch((e: unknown) => e);
    platform.server.events.removeAllListeners('request:start');

    expect(isConfiguratorError(error)).toBe(true);
    expect(reached).toEqual([]);
  });

  it('never puts the token in an error when the platform echoes it as the request id', async () => {
    platform.server.use(
      http.get(`${API_URL}/api/configurations/:id`, ({ request }) =>
        HttpResponse.json(
          { code: 'not_found', message: 'no such configuration' },
          {
            status: 404,
            headers: {
              ...READABLE,
              'x-request-id': (request.headers.get('authorization') ?? '').replace('Bearer ', ''),
            },
          },
        ),
      ),
    );

    const error = await platform
      .client()
      .configurations.get('AbCdEfG1')
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'NotFoundError' });
    expect((error as Error).message).not.toContain(TOKEN);
    expect(String((error as Error).stack)).not.toContain(TOKEN);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });
  it('never puts the token in an error when the platform echoes it in its error body', async () => {
    platform.server.use(
      http.get(`${API_URL}/api/configurations/:id`, ({ request }) =>
        HttpResponse.json(
          {
            code: 'token_invalid',
            message: `Unknown token ${(request.headers.get('authorization') ?? '').slice(7)}`,
          },
          { status: 401, headers: READABLE },
        ),
      ),
    );

    const error = await platform
      .client()
      .configurations.get('AbCdEfG1')
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'AuthError', code: 'token_invalid' });
    expect(JSON.stringify({ ...(error as object) })).not.toContain(TOKEN);
  });
});

describe('a fetch that misbehaves', () => {
  it('gives a typed error when fetch resolves with something that is not a Response', async () => {
    const client = platform.client({ fetch: (async () => ({})) as unknown as typeof fetch });

    const error = await client.configurations.get('AbCdEfG1').catch((e: unknown) => e);

    expect(isConfiguratorError(error)).toBe(true);
  });

  it.each([
    [
      'throws synchronously',
      (() => {
        throw new Error('sync');
      }) as unknown as typeof fetch,
    ],
    ['rejects with a string', (() => Promise.reject('nope')) as unknown as typeof fetch],
    ['rejects with undefined', (() => Promise.reject(undefined)) as unknown as typeof fetch],
    ['resolves with undefined', (async () => undefined) as unknown as typeof fetch],
  ])('gives a typed NetworkError when fetch %s', async (_, fetch) => {
    const error = await platform
      .client({ fetch })
      .configurations.get('AbCdEfG1')
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'NetworkError' });
  });
});

describe('aborts and timeouts', () => {
  it('sends nothing for a load with a signal already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new DOMException('never mind', 'AbortError'));
    const client = platform.client();

    await expect(
      client.configurator.load(UNKNOWN_PRODUCT, { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(requestsTo(`/api/products/${UNKNOWN_PRODUCT}/configurator`)).toEqual([]);
  });

  it('leaves no unhandled rejection after a load with a signal already aborted fails', async () => {
    const controller = new AbortController();
    controller.abort(new DOMException('never mind', 'AbortError'));
    const client = platform.client();

    const unhandled = await unhandledDuring(() =>
      client.configurator.load(UNKNOWN_PRODUCT, { signal: controller.signal }),
    );

    expect(unhandled).toEqual([]);
  });

  it('rejects with the reason of a signal already aborted even when the configurator is cached', async () => {
    const client = platform.client();
    await client.configurator.load(productId);
    const controller = new AbortController();
    controller.abort('caller gave up');

    await expect(client.configurator.load(productId, { signal: controller.signal })).rejects.toBe(
      'caller gave up',
    );
  });

  it('rejects with a non-Error abort reason during the retry backoff', async () => {
    platform.state.failNext({ status: 503 }, { path: '/api/configurations/AbCdEfG1' });
    const controller = new AbortController();
    const call = platform.client().configurations.get('AbCdEfG1', { signal: controller.signal });
    setTimeout(() => controller.abort(42), 60);

    const outcome = await within(call, 1000);

    expect(outcome).toEqual({ settled: true, ok: false, error: 42 });
    expect(requestsTo('/api/configurations/AbCdEfG1', 'GET')).toHaveLength(1);
  });

  it('rejects promptly with the reason when aborted while a failure is being diagnosed', async () => {
    platform.server.use(
      http.get(`${API_URL}/api/configurations/:id`, () => HttpResponse.error()),
      http.get(`${API_URL}/api/health`, async () => {
        await delay(3000);
        return HttpResponse.json({ ok: true }, { headers: READABLE });
      }),
    );
    const controller = new AbortController();
    const call = platform.client().configurations.get('AbCdEfG1', { signal: controller.signal });
    setTimeout(() => controller.abort(new DOMException('left', 'AbortError')), 100);

    const outcome = await within(call, 1000);
    await call.catch(() => undefined); // let the diagnosis end inside this test

    expect(outcome).toMatchObject({ settled: true, ok: false, error: { name: 'AbortError' } });
  }, 20_000);

  it('settles a call with a 200 ms timeout within seconds when the diagnosis probes hang', async () => {
    platform.server.use(
      http.get(`${API_URL}/api/configurations/:id`, () => HttpResponse.error()),
      http.get(`${API_URL}/api/health`, async () => {
        await delay('infinite');
        return HttpResponse.json({ ok: true }, { headers: READABLE });
      }),
    );
    const controller = new AbortController();
    const call = platform
      .client()
      .configurations.get('AbCdEfG1', { timeout: 200, signal: controller.signal });

    const outcome = await within(call, 3000);
    controller.abort();
    await call.catch(() => undefined); // let the diagnosis end inside this test

    expect(outcome).toMatchObject({ settled: true, ok: false });
    expect(isConfiguratorError((outcome as { error?: unknown }).error)).toBe(true);
  }, 20_000);

  it("honours a second caller's shorter timeout on a shared load", async () => {
    platform.server.use(
      http.get(`${API_URL}/api/products/:id/configurator`, async () => {
        await delay(1500);
        return HttpResponse.json({}, { headers: READABLE });
      }),
    );
    const client = platform.client();

    const first = client.configurator.load(productId).catch((e: unknown) => e);
    const second = within(client.configurator.load(productId, { timeout: 100 }), 1000);

    expect(await second).toMatchObject({
      settled: true,
      ok: false,
      error: { name: 'TimeoutError' },
    });
    await first;
  });

  it('leaves no unhandled rejection when every caller of a shared load aborted and it fails', async () => {
    platform.server.use(
      http.get(`${API_URL}/api/products/:id/configurator`, async () => {
        await delay(200);
        return HttpResponse.json(
          { code: 'internal', message: 'x' },
          { status: 400, headers: READABLE },
        );
      }),
    );
    const client = platform.client();
    const a = new AbortController();
    const b = new AbortController();

    const unhandled = await unhandledDuring(async () => {
      const calls = [
        client.configurator.load(productId, { signal: a.signal }),
        client.configurator.load(productId, { signal: b.signal }),
      ];
      a.abort();
      b.abort();
      await Promise.allSettled(calls);
    }, 500);

    expect(unhandled).toEqual([]);
  });
});

describe('the client object', () => {
  it('works with its methods detached from their objects', async () => {
    const client = platform.client();
    const { load } = client.configurator;
    const { save, get } = client.configurations;
    const { track, flush } = client.analytics;

    const definition = await load(productId);
    const saved = await save({ productId, productVersion: definition.version, variant: {} });
    await expect(get(saved.shortId)).resolves.toMatchObject({ id: saved.id });
    expect(() => track('add_to_cart')).not.toThrow();
    await expect(flush()).resolves.toBeUndefined();
  });

  it('refuses every call after destroy with UsageError client_destroyed and sends nothing', async () => {
    const client = platform.client();
    await client.destroy();
    const before = apiCalls().length;

    await expect(client.configurator.load(productId)).rejects.toMatchObject({
      name: 'UsageError',
      code: 'client_destroyed',
    });
    await expect(
      client.configurations.save({ productId, productVersion: '3.1.0', variant: {} }),
    ).rejects.toMatchObject({ name: 'UsageError', code: 'client_destroyed' });
    await expect(client.configurations.get('AbCdEfG1')).rejects.toMatchObject({
      name: 'UsageError',
      code: 'client_destroyed',
    });
    await expect(client.destroy()).resolves.toBeUndefined();
    expect(apiCalls().length).toBe(before);
  });

  it('keeps working when onError throws or calls back into the client', async () => {
    const heard: string[] = [];
    const client: ReturnType<typeof platform.client> = platform.client({
      onError(error) {
        heard.push(error.code);
        void client.configurator.load(productId);
        throw new Error('the page hook is broken');
      },
    });

    expect(() => client.analytics.track('NOT A TYPE' as never)).not.toThrow();
    await expect(client.configurator.load(productId)).resolves.toMatchObject({ id: productId });
    expect(heard).toContain('invalid_event');
  });

  it('builds errors that hold no token in any part, including cause, after a refused origin', async () => {
    const error = await platform
      .client({ token: SEED.otherPublicToken })
      .configurations.get('AbCdEfG1')
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'CorsError' });
    const parts: string[] = [];
    for (let current: unknown = error; current != null; current = (current as Error).cause) {
      const err = current as Error;
      parts.push(String(err), String(err.stack), JSON.stringify(err), JSON.stringify({ ...err }));
    }
    expect(parts.join('\n')).not.toContain(SEED.otherPublicToken);
  });

  it('sends the token only as Authorization: Bearer, only to the platform origin', async () => {
    const client = platform.client();
    const input = await saveInput(client);
    await client.configurations.save(input as never);
    await client.configurations.get('AbCdEfG1').catch(() => undefined);
    client.analytics.track('add_to_cart');
    await client.analytics.flush().catch(() => undefined);

    for (const request of platform.state.requests) {
      expect(request.url).not.toContain(TOKEN);
      for (const [name, value] of Object.entries(request.headers)) {
        if (name !== 'authorization') expect(value).not.toContain(TOKEN);
      }
      if (request.authorization !== null) expect(request.authorization).toBe(`Bearer ${TOKEN}`);
    }
  });
});

describe('background work', () => {
  it('leaves no unhandled rejection while analytics batches fail against a platform that is down', async () => {
    const heard: string[] = [];
    const client = platform.client({
      analytics: { batchSize: 1, flushInterval: 50 },
      onError: (error) => heard.push(error.name),
    });
    platform.state.setDown(true);

    const unhandled = await unhandledDuring(async () => {
      client.analytics.track('add_to_cart', { quantity: 1 });
      client.analytics.track('share');
      await client.configurator.load(productId).catch(() => undefined);
    }, 1500);

    expect(unhandled).toEqual([]);
  }, 10_000);
});

describe('error guards', () => {
  it('tells that a revoked Proxy is no ConfiguratorError without throwing', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();

    expect(() => isConfiguratorError(proxy)).not.toThrow();
    expect(() => isCorsError(proxy)).not.toThrow();
  });

  it('rejects with the abort reason even when the reason is a revoked Proxy', async () => {
    platform.server.use(
      http.get(`${API_URL}/api/configurations/:id`, async () => {
        await delay(500);
        return HttpResponse.json({}, { headers: READABLE });
      }),
    );
    const { proxy, revoke } = Proxy.revocable({}, {});
    const controller = new AbortController();
    const call = platform.client().configurations.get('AbCdEfG1', { signal: controller.signal });
    revoke();
    controller.abort(proxy);

    // Kept aside, not returned: a promise that resolves with a revoked Proxy fails on its own.
    let reason: unknown;
    await call.catch((e: unknown) => {
      reason = e;
    });

    expect(reason === proxy).toBe(true);
  });
});

describe('share links', () => {
  it.each([
    ['a relative path', '/tables/fjord'],
    ['text that is not a URL', 'not a url'],
    ['an empty string', ''],
    ['an address with no host', 'http://'],
  ])('gives a ValidationError, never a TypeError, for a baseUrl that is %s', (_, baseUrl) => {
    let thrown: unknown;
    try {
      shareUrl('Ab3dE5gH1k', baseUrl);
    } catch (error) {
      thrown = error;
    }

    if (thrown !== undefined) {
      expect(thrown).toMatchObject({ name: 'ValidationError', code: 'invalid_argument' });
    }
  });

  it.each([
    'javascript:alert(document.domain)//',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
  ])('refuses to build a share link on the %s scheme', (baseUrl) => {
    expect(() => shareUrl('Ab3dE5gH1k', baseUrl)).toThrow(
      expect.objectContaining({ name: 'ValidationError' }),
    );
  });

  it.each([
    ['a Symbol', Symbol('x')],
    ['an object', { id: 'Ab3dE5gH1k' }],
    ['a short id with a slash', 'Ab3dE/5gH1k'],
    ['a short id with an ampersand', 'Ab3dE&x=1'],
  ])('refuses %s as a short id with ValidationError', (_, shortId) => {
    expect(() => shareUrl(shortId as never, 'https://shop.example.test/')).toThrow(
      expect.objectContaining({ name: 'ValidationError', code: 'invalid_argument' }),
    );
  });

  it.each([
    ['junk', 'not a url'],
    ['a short id with a slash', 'https://shop.example.test/?configuration=..%2Fx'],
    [
      'two values, the first bad',
      'https://shop.example.test/?configuration=a&configuration=Ab3dE5gH1k',
    ],
    ['a non-string', 42],
  ])('reads no shared configuration from %s', (_, url) => {
    expect(readSharedConfiguration(url as never)).toBeNull();
  });
});
