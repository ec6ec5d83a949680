// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { DomainEntryError, originAllowed, parseDomainEntry } from '../../src/mock/domains';
import { createPlatformState } from '../../src/mock/state';

describe('parseDomainEntry', () => {
  it.each([
    ['shop.example.com', { type: 'exact', scheme: 'https', host: 'shop.example.com', port: '' }],
    [
      'https://shop.example.com',
      { type: 'exact', scheme: 'https', host: 'shop.example.com', port: '' },
    ],
    [
      'HTTPS://Shop.Example.COM',
      { type: 'exact', scheme: 'https', host: 'shop.example.com', port: '' },
    ],
    ['shop.example.com.', { type: 'exact', scheme: 'https', host: 'shop.example.com', port: '' }],
    [
      'shop.example.com:8443',
      { type: 'exact', scheme: 'https', host: 'shop.example.com', port: '8443' },
    ],
    [
      'shop.example.com:443',
      { type: 'exact', scheme: 'https', host: 'shop.example.com', port: '' },
    ],
    [
      'http://shop.example.com',
      { type: 'exact', scheme: 'http', host: 'shop.example.com', port: '' },
    ],
    [
      'http://shop.example.com:80',
      { type: 'exact', scheme: 'http', host: 'shop.example.com', port: '' },
    ],
    [
      'http://shop.example.com:8080',
      { type: 'exact', scheme: 'http', host: 'shop.example.com', port: '8080' },
    ],
    ['bücher.example', { type: 'exact', scheme: 'https', host: 'xn--bcher-kva.example', port: '' }],
    ['*.example.com', { type: 'wildcard', suffix: 'example.com' }],
    ['https://*.example.com', { type: 'wildcard', suffix: 'example.com' }],
    ['*.co.uk', { type: 'wildcard', suffix: 'co.uk' }],
    ['*.bücher.example', { type: 'wildcard', suffix: 'xn--bcher-kva.example' }],
    ['localhost', { type: 'localhost' }],
    ['LOCALHOST.', { type: 'localhost' }],
    ['http://localhost:3000', { type: 'exact', scheme: 'http', host: 'localhost', port: '3000' }],
    ['localhost:3000', { type: 'exact', scheme: 'https', host: 'localhost', port: '3000' }],
    ['127.0.0.1', { type: 'exact', scheme: 'https', host: '127.0.0.1', port: '' }],
    ['http://127.0.0.1:4000', { type: 'exact', scheme: 'http', host: '127.0.0.1', port: '4000' }],
    ['[::1]', { type: 'exact', scheme: 'https', host: '[::1]', port: '' }],
    ['http://[::1]:3000', { type: 'exact', scheme: 'http', host: '[::1]', port: '3000' }],
  ])('accepts %s', (entry, parsed) => {
    expect(parseDomainEntry(entry)).toEqual(parsed);
  });

  it.each([
    ['an empty entry', ''],
    ['a space inside', 'shop example.com'],
    ['a leading space', ' shop.example.com'],
    ['a trailing space', 'shop.example.com '],
    ['a path', 'shop.example.com/checkout'],
    ['a trailing slash', 'https://shop.example.com/'],
    ['a query', 'shop.example.com?x=1'],
    ['a fragment', 'shop.example.com#top'],
    ['userinfo', 'user@shop.example.com'],
    ['userinfo with a password', 'https://user:pw@shop.example.com'],
    ['a bare *', '*'],
    ['a wildcard over one label', '*.com'],
    ['a wildcard over localhost', '*.localhost'],
    ['a wildcard with http', 'http://*.example.com'],
    ['a wildcard with a port', '*.example.com:8443'],
    ['two wildcards', '*.*.example.com'],
    ['a wildcard inside a label', 'shop*.example.com'],
    ['a wildcard at the end', 'example.*'],
    ['a wildcard over an IP address', '*.0.0.1'],
    ['another scheme', 'ftp://shop.example.com'],
    ['a scheme without slashes', 'https:shop.example.com'],
    ['two trailing dots', 'shop.example.com..'],
    ['an empty label', 'shop..example.com'],
    ['a leading dot', '.example.com'],
    ['a label starting with a hyphen', '-shop.example.com'],
    ['a percent-escape', 'shop%2eexample.com'],
    ['port 0', 'shop.example.com:0'],
    ['a port over 65535', 'shop.example.com:65536'],
    ['an empty port', 'shop.example.com:'],
    ['a port with a leading zero', 'shop.example.com:0443'],
    ['a shortened IPv4 address', '127.1'],
    ['a hexadecimal IPv4 address', '0x7f.0.0.1'],
    ['a backslash', 'shop.example.com\\admin'],
    ['a bare scheme', 'https://'],
  ])('refuses %s', (_name, entry) => {
    expect(parseDomainEntry(entry)).toBeNull();
  });
});

describe('originAllowed', () => {
  const demo = ['localhost', 'shop.example.test', '*.brand.example.test'];

  it.each([
    // An entry without a scheme: https on the default port only.
    ['shop.example.com', 'https://shop.example.com', true],
    ['shop.example.com', 'http://shop.example.com', false],
    ['shop.example.com', 'https://shop.example.com:8443', false],
    ['shop.example.com', 'https://shop.example.com:443', true],
    ['https://shop.example.com', 'https://shop.example.com', true],
    // Hosts compare case-insensitively, in ASCII form, with one trailing dot ignored.
    ['Shop.Example.COM', 'https://shop.example.com', true],
    ['shop.example.com', 'https://SHOP.example.com', true],
    ['shop.example.com.', 'https://shop.example.com', true],
    ['shop.example.com', 'https://shop.example.com.', true],
    ['shop.example.com', 'https://shop.example.com..', false],
    ['bücher.example', 'https://xn--bcher-kva.example', true],
    ['xn--bcher-kva.example', 'https://bücher.example', true],
    ['bücher.example', 'https://bucher.example', false],
    // Ports.
    ['shop.example.com:8443', 'https://shop.example.com:8443', true],
    ['shop.example.com:8443', 'https://shop.example.com', false],
    ['shop.example.com:8443', 'http://shop.example.com:8443', false],
    // Plain http needs its explicit entry.
    ['http://shop.example.com', 'http://shop.example.com', true],
    ['http://shop.example.com', 'https://shop.example.com', false],
    ['http://shop.example.com', 'http://shop.example.com:8080', false],
    ['http://shop.example.com:8080', 'http://shop.example.com:8080', true],
    // Wildcards: any depth over https on the default port, never the apex.
    ['*.example.com', 'https://shop.example.com', true],
    ['*.example.com', 'https://eu.shop.example.com', true],
    ['*.example.com', 'https://a.b.c.example.com', true],
    ['*.example.com', 'https://example.com', false],
    ['*.example.com', 'http://shop.example.com', false],
    ['*.example.com', 'https://shop.example.com:8443', false],
    ['*.example.com', 'https://shop.example.com.', true],
    ['*.example.com', 'https://evilexample.com', false],
    ['*.example.com', 'https://shop.evilexample.com', false],
    ['*.example.com', 'https://example.com.evil.net', false],
    // Lookalikes share a suffix or a prefix with the allowed host.
    ['example.com', 'https://evilexample.com', false],
    ['example.com', 'https://shop.example.com', false],
    ['example.com', 'https://example.com.evil.net', false],
    ['example.com', 'https://example.co', false],
    ['shop.example.com', 'https://shop.example.com.evil.net', false],
    // localhost: http and https on any port; loopback addresses are not localhost.
    ['localhost', 'http://localhost', true],
    ['localhost', 'http://localhost:3000', true],
    ['localhost', 'https://localhost:8443', true],
    ['localhost', 'http://LOCALHOST:3000', true],
    ['localhost', 'http://127.0.0.1:3000', false],
    ['localhost', 'http://[::1]:3000', false],
    ['localhost', 'http://localhost.evil.net', false],
    ['localhost', 'http://app.localhost:3000', false],
    ['http://localhost:3000', 'http://localhost:3000', true],
    ['http://localhost:3000', 'http://localhost:3001', false],
    ['127.0.0.1', 'https://127.0.0.1', true],
    ['127.0.0.1', 'http://127.0.0.1', false],
    ['http://127.0.0.1:4000', 'http://127.0.0.1:4000', true],
    ['[::1]', 'https://[::1]', true],
    ['http://[::1]:3000', 'http://[::1]:3000', true],
    // Origins that are no web origin match nothing.
    ['localhost', 'null', false],
    ['localhost', 'file://', false],
    ['shop.example.com', 'https://shop.example.com/path', false],
    ['shop.example.com', 'https://user@shop.example.com', false],
    ['shop.example.com', 'shop.example.com', false],
    // An entry outside the grammar matches nothing, even its look-alike.
    ['shop.example.com/', 'https://shop.example.com', false],
    ['*', 'https://shop.example.com', false],
  ])('with %s, %s is %s', (entry, origin, allowed) => {
    expect(originAllowed(origin, [entry])).toBe(allowed);
  });

  it('matches nothing for a missing origin or the opaque origin null, whatever the list', () => {
    const everything = [...demo, 'null', 'http://null', '*.example.com'];

    expect(originAllowed(null, everything)).toBe(false);
    expect(originAllowed('null', everything)).toBe(false);
  });

  it('allows an origin matched by any entry of the list', () => {
    expect(originAllowed('https://eu.brand.example.test', demo)).toBe(true);
    expect(originAllowed('http://localhost:4000', demo)).toBe(true);
    expect(originAllowed('http://127.0.0.1:4000', demo)).toBe(false);
    expect(originAllowed('https://brand.example.test', demo)).toBe(false);
  });
});

describe('createToken', () => {
  it('refuses a token with an entry outside the grammar, naming the entry', () => {
    const state = createPlatformState();
    const create = () =>
      state.createToken({ name: 'x', kind: 'public', domains: ['localhost', 'example.com/a'] });

    expect(create).toThrow(DomainEntryError);
    expect(create).toThrow(/"example\.com\/a"/);
    expect(state.tokens(state.seed.orgId)).toHaveLength(4);
  });
});
