import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';

import { createClient } from '../../src/index';
import { SEED } from '../../src/mock/seed';
import { API_URL, usePlatform } from '../support/platform';

const platform = usePlatform();
const TOKEN = SEED.demoToken;

describe('createClient', () => {
  it.each([
    ['an empty string', ''],
    ['a token with a leading space', ` ${TOKEN}`],
    ['a token with a trailing newline', `${TOKEN}\n`],
    ['a token split over two lines', `${TOKEN.slice(0, 18)}\n${TOKEN.slice(18)}`],
    ['a token without dashes', TOKEN.replaceAll('-', '')],
    ['a token with a character that is not hex', `${TOKEN.slice(0, -1)}g`],
    ['a "Bearer " prefix', `Bearer ${TOKEN}`],
    ['a number', 42],
    ['undefined', undefined],
    ['null', null],
  ])('refuses %s as the token with a UsageError and sends nothing', (_, token) => {
    let thrown: unknown;
    try {
      createClient({ token: token as string, apiUrl: API_URL });
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toMatchObject({ name: 'UsageError', code: 'malformed_token' });
    expect(platform.state.requests).toEqual([]);
  });

  it('never repeats a malformed token in its message or stack', () => {
    const secret = `${TOKEN}\n`;

    try {
      createClient({ token: secret, apiUrl: API_URL });
    } catch (error) {
      expect(String((error as Error).message)).not.toContain(TOKEN.slice(0, 8));
      expect(String((error as Error).stack)).not.toContain(TOKEN.slice(0, 8));
    }
    expect.assertions(2);
  });

  it.each([
    ['missing', undefined, 'apiUrl is required'],
    ['not a URL', 'api.example.com', 'not an absolute URL'],
    ['plain http to a public host', 'http://api.example.com', 'must use https'],
    ['another scheme', 'ftp://api.example.com', 'must use https'],
    ['carrying credentials', 'https://user:pw@api.example.com', 'without credentials'],
    ['carrying a query', 'https://api.example.com/?token=x', 'without credentials, query'],
  ])('refuses an apiUrl %s with a UsageError that says what to pass', (_, apiUrl, hint) => {
    expect(() => createClient({ token: TOKEN, apiUrl: apiUrl as string })).toThrow(
      expect.objectContaining({
        name: 'UsageError',
        code: 'invalid_api_url',
        message: expect.stringContaining(hint),
      }),
    );
  });

  it.each([
    'https://api.example.com',
    'https://api.example.com/base/',
    'http://localhost:4010',
    'http://127.0.0.1:4010',
    'http://[::1]:4010',
    'http://platform.localhost',
  ])('accepts %s as apiUrl', (apiUrl) => {
    expect(() => createClient({ token: TOKEN, apiUrl })).not.toThrow();
  });

  it.each([
    ['timeout', { timeout: -1 }],
    ['timeout', { timeout: Number.NaN }],
    ['fetch', { fetch: 'fetch' }],
    ['onError', { onError: true }],
    ['analytics', { analytics: 'fast' }],
  ])('refuses a bad %s option with a UsageError', (_, extra) => {
    expect(() => createClient({ token: TOKEN, apiUrl: API_URL, ...(extra as object) })).toThrow(
      expect.objectContaining({ name: 'UsageError', code: 'invalid_option' }),
    );
  });

  it('builds every request under a base path given in apiUrl', async () => {
    platform.server.use(
      http.get(`${API_URL}/v2/api/products/:id/configurator`, () =>
        HttpResponse.json(
          { code: 'not_found', message: 'no' },
          { status: 404, headers: { 'access-control-allow-origin': '*' } },
        ),
      ),
    );
    const client = createClient({ token: TOKEN, apiUrl: `${API_URL}/v2/` });

    await expect(client.configurator.load(SEED.products.table)).rejects.toMatchObject({
      name: 'NotFoundError',
    });
  });
});
