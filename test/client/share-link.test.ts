// @vitest-environment-options {"url": "https://shop.example.test/tables/fjord?utm=news#reviews"}
import { describe, expect, it } from 'vitest';

import { readSharedConfiguration, shareUrl } from '../../src/client/share-link';

describe('shareUrl', () => {
  it('links to the current page with the short id in the query, keeping the rest', () => {
    expect(shareUrl('Ab3dE5gH1k')).toBe(
      'https://shop.example.test/tables/fjord?utm=news&configuration=Ab3dE5gH1k#reviews',
    );
  });

  it('links to a base address the caller gives', () => {
    expect(shareUrl('Ab3dE5gH1k', 'https://shop.example.test/p/1')).toBe(
      'https://shop.example.test/p/1?configuration=Ab3dE5gH1k',
    );
  });

  it('replaces a short id the page already carries', () => {
    expect(shareUrl('Zz9yX8wV7u', 'https://a.test/?configuration=Ab3dE5gH1k')).toBe(
      'https://a.test/?configuration=Zz9yX8wV7u',
    );
  });

  it.each(['', 'short', 'has space', '<script>', 'x'.repeat(15), 42])(
    'refuses %j as a short id with a ValidationError',
    (shortId) => {
      expect(() => shareUrl(shortId as string)).toThrow(
        expect.objectContaining({ name: 'ValidationError', code: 'invalid_argument' }),
      );
    },
  );
});

describe('shareUrl with a base that is neither text nor a URL', () => {
  it.each([Symbol('base'), 42, true, null])('refuses %s with a ValidationError', (baseUrl) => {
    expect(() => shareUrl('Ab3dE5gH1k', baseUrl as unknown as string)).toThrow(
      expect.objectContaining({ name: 'ValidationError', code: 'invalid_argument' }),
    );
  });
});

describe('readSharedConfiguration', () => {
  it('reads back the short id a share link carries', () => {
    expect(readSharedConfiguration(shareUrl('Ab3dE5gH1k'))).toBe('Ab3dE5gH1k');
  });

  it.each([
    ['no parameter', 'https://a.test/'],
    ['a value that is not a short id', 'https://a.test/?configuration=%3Cscript%3E'],
    ['an address that is not a URL', 'not a url'],
  ])('answers null for %s', (_, url) => {
    expect(readSharedConfiguration(url)).toBeNull();
  });

  it('reads the current page when given nothing', () => {
    expect(readSharedConfiguration()).toBeNull();
  });
});
