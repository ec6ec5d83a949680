import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import * as source from '../../src/index';

type Sdk = typeof source;

/** Runs the minified script-tag bundle as a page would, and returns the global it defines. */
function loadBundleCopy(): Sdk {
  const code = readFileSync(join(process.cwd(), 'dist/configurator-embed.min.js'), 'utf8');

  return new Function(`${code}\nreturn ConfiguratorEmbed;`)() as Sdk;
}

describe('the error guards across copies of the SDK', () => {
  const first = loadBundleCopy();
  const second = loadBundleCopy();

  it('runs two separate copies, whose classes differ', () => {
    expect(first.CorsError).not.toBe(second.CorsError);
    expect(new first.CorsError('m', null)).not.toBeInstanceOf(second.CorsError);
  });

  it('keeps every class name through minification', () => {
    expect(new first.CorsError('m', null).name).toBe('CorsError');
    expect(new first.ValidationError('invalid_argument', 'm', []).name).toBe('ValidationError');
    expect(new first.NetworkError('offline', 'm').stack?.split('\n')[0]).toBe('NetworkError: m');
  });

  it('recognises an error from one copy with the guards of the other and of the npm build', () => {
    const error = new first.AuthError('token_revoked', 'm');

    expect(second.isConfiguratorError(error)).toBe(true);
    expect(second.isAuthError(error)).toBe(true);
    expect(second.isCorsError(error)).toBe(false);
    expect(source.isAuthError(error)).toBe(true);
    expect(first.isAuthError(new source.AuthError('token_missing', 'm'))).toBe(true);
  });

  it('reports the version it was built as', () => {
    expect(first.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(first.version).not.toBe('0.0.0-dev');
  });
});
