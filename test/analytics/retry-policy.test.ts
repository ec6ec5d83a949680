import { describe, expect, it } from 'vitest';

import { backoffDelay, decide } from '../../src/analytics/retry-policy';
import {
  AuthError,
  CorsError,
  NetworkError,
  NotFoundError,
  PermissionError,
  PrivateTokenError,
  RateLimitError,
  ResponseError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '../../src/errors/classes';

describe('decide', () => {
  it.each([
    ['an unreachable platform', new NetworkError('unreachable', 'x')],
    ['a lost connection', new NetworkError('interrupted', 'x')],
    ['a 5xx', new ServerError('unavailable', 'x')],
    ['a timeout', new TimeoutError('x', 100)],
    ['an unreadable answer', new ResponseError('unexpected_response', 'x')],
    ['a failure that is not the SDK’s', new TypeError('x')],
  ])('retries %s after the backoff', (_, error) => {
    expect(decide(error, 1, 0.5)).toEqual({ kind: 'retry', delay: 750 });
  });

  it('waits for the browser to come back online when it is offline', () => {
    expect(decide(new NetworkError('offline', 'x'), 3, 0.5)).toEqual({ kind: 'offline' });
  });

  it.each([
    [7, 1, 7000],
    [0, 1, 750],
    [undefined, 2, 1500],
    [86_400, 1, 600_000],
  ])('waits Retry-After %s s (at least the backoff, at most 10 min)', (seconds, failures, wait) => {
    expect(decide(new RateLimitError('x', seconds), failures, 0.5)).toEqual({
      kind: 'retry',
      delay: wait,
    });
  });

  it.each([
    ['a refused origin', new CorsError('x', 'https://shop.example')],
    ['a revoked token', new AuthError('token_revoked', 'x')],
    ['an unknown token', new AuthError('token_invalid', 'x')],
    ['a permission error', new PermissionError('permission_denied', 'x')],
    ['a private token', new PrivateTokenError('private_token_in_browser', 'x')],
    ['a missing endpoint', new NotFoundError('not_found', 'x')],
  ])('stops for good at %s', (_, error) => {
    expect(decide(error, 1, 0.5)).toEqual({ kind: 'stop' });
  });

  it('splits a batch that is too large', () => {
    expect(decide(new ValidationError('payload_too_large', 'x', []), 1, 0.5)).toEqual({
      kind: 'split',
    });
  });

  it('drops the events a 422 names by index', () => {
    const error = new ValidationError('invalid_event', 'x', [
      { key: 'events[3].type', message: 'bad' },
      { key: 'events[0]', message: 'bad' },
    ]);

    expect(decide(error, 1, 0.5)).toEqual({ kind: 'drop-events', indexes: new Set([3, 0]) });
  });

  it.each([
    ['names no event', []],
    ['names something else', [{ key: 'events', message: 'bad' }]],
  ])('bisects a 422 that %s', (_, errors) => {
    expect(decide(new ValidationError('invalid_event', 'x', errors), 1, 0.5)).toEqual({
      kind: 'split',
    });
  });

  it('drops a batch refused for another reason', () => {
    expect(decide(new ValidationError('invalid_argument', 'x', []), 1, 0.5)).toEqual({
      kind: 'drop-batch',
    });
  });
});

describe('backoffDelay', () => {
  it('doubles from 1 s up to 60 s, of which a random half', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8, 12].map((failures) => backoffDelay(failures, 1));

    expect(ceilings).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
    expect(backoffDelay(1, 0)).toBe(500);
    expect(backoffDelay(7, 0)).toBe(30_000);
  });
});
