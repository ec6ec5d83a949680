import { describe, expect, it } from 'vitest';

import * as sdk from '../../src/index';

const classes = [
  ['UsageError', () => new sdk.UsageError('invalid_option', 'm'), sdk.isUsageError],
  ['CorsError', () => new sdk.CorsError('m', 'https://a.test'), sdk.isCorsError],
  ['AuthError', () => new sdk.AuthError('token_revoked', 'm'), sdk.isAuthError],
  [
    'PermissionError',
    () => new sdk.PermissionError('permission_denied', 'm'),
    sdk.isPermissionError,
  ],
  [
    'PrivateTokenError',
    () => new sdk.PrivateTokenError('private_token_in_browser', 'm'),
    sdk.isPrivateTokenError,
  ],
  ['NotFoundError', () => new sdk.NotFoundError('not_found', 'm'), sdk.isNotFoundError],
  [
    'ValidationError',
    () => new sdk.ValidationError('invalid_configuration', 'm', []),
    sdk.isValidationError,
  ],
  ['RateLimitError', () => new sdk.RateLimitError('m', 3), sdk.isRateLimitError],
  ['TimeoutError', () => new sdk.TimeoutError('m', 100), sdk.isTimeoutError],
  ['NetworkError', () => new sdk.NetworkError('offline', 'm'), sdk.isNetworkError],
  ['ServerError', () => new sdk.ServerError('internal', 'm'), sdk.isServerError],
  ['ResponseError', () => new sdk.ResponseError('unexpected_response', 'm'), sdk.isResponseError],
] as const;

describe('the error classes', () => {
  it.each(classes)('%s has its literal name from the first line of its stack on', (name, make) => {
    const error = make();

    expect(error.name).toBe(name);
    expect(error.stack?.split('\n')[0]).toBe(`${name}: m`);
    expect(error).toBeInstanceOf(sdk.ConfiguratorError);
    expect(error).toBeInstanceOf(Error);
  });

  it.each(classes)('%s is recognised by its own guard and by no other', (_, make, guard) => {
    const error = make();

    expect(guard(error)).toBe(true);
    expect(sdk.isConfiguratorError(error)).toBe(true);
    for (const [, , other] of classes) {
      if (other !== guard) expect(other(error)).toBe(false);
    }
  });

  it.each([
    null,
    undefined,
    'CorsError',
    new Error('x'),
    { name: 'CorsError', code: 'origin_not_allowed' },
  ])('guards refuse %s', (value) => {
    expect(sdk.isConfiguratorError(value)).toBe(false);
    expect(sdk.isCorsError(value)).toBe(false);
  });

  it('serialises to JSON with its name, code, status and request id', () => {
    const error = new sdk.AuthError('token_revoked', 'revoked', { status: 401, requestId: 'r1' });

    expect(JSON.parse(JSON.stringify(error))).toMatchObject({
      name: 'AuthError',
      code: 'token_revoked',
      status: 401,
      requestId: 'r1',
    });
  });
});
