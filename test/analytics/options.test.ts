import { describe, expect, it } from 'vitest';

import { checkAnalyticsOptions } from '../../src/analytics/check-options';
import { eventId } from '../../src/analytics/event-id';
import { hashToken } from '../../src/analytics/token-hash';
import { SEED } from '../../src/mock/seed';

describe('checkAnalyticsOptions', () => {
  it('fills in the defaults', () => {
    expect(checkAnalyticsOptions({})).toEqual({
      batchSize: 200,
      flushInterval: 2000,
      maxQueue: 1000,
      persist: true,
      sdkEvents: true,
    });
  });

  it('lowers a batch size above the platform limit to 500', () => {
    expect(checkAnalyticsOptions({ batchSize: 5000 }).batchSize).toBe(500);
  });

  it.each([
    ['a batch size of zero', { batchSize: 0 }, 'analytics.batchSize must be a positive number'],
    ['an interval that is text', { flushInterval: '2s' }, 'analytics.flushInterval'],
    ['a queue bound that is not finite', { maxQueue: Infinity }, 'analytics.maxQueue'],
    ['persist as text', { persist: 'no' }, 'analytics.persist must be true or false'],
    ['sdkEvents as a number', { sdkEvents: 0 }, 'analytics.sdkEvents must be true or false'],
    ['a string', 'fast', 'analytics must be an object'],
  ])('refuses %s with a UsageError that says what to pass', (_, value, message) => {
    expect(() => checkAnalyticsOptions(value)).toThrow(
      expect.objectContaining({
        name: 'UsageError',
        code: 'invalid_option',
        message: expect.stringContaining(message),
      }),
    );
  });
});

describe('eventId', () => {
  it('makes distinct version 4 UUIDs', () => {
    const ids = Array.from({ length: 2000 }, eventId);

    expect(new Set(ids).size).toBe(2000);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});

describe('hashToken', () => {
  it('names a token by 16 hex digits that never quote it', () => {
    const hash = hashToken(SEED.demoToken);

    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    expect(SEED.demoToken.replaceAll('-', '')).not.toContain(hash.slice(0, 6));
  });

  it('tells tokens apart and ignores case', () => {
    expect(hashToken(SEED.demoToken)).not.toBe(hashToken(SEED.otherPublicToken));
    expect(hashToken(SEED.demoToken.toUpperCase())).toBe(hashToken(SEED.demoToken));
  });
});
