const BRAND = Symbol.for('configurator-embed.error');

/** What every SDK error may carry besides its message. */
export interface ErrorDetails {
  /** The HTTP status of the platform's answer, when there was one. */
  status?: number | undefined;
  /** The platform's own error code (`token_revoked`, `invalid_configuration`, …). */
  platformCode?: string | undefined;
  /** The platform's parsed error body. */
  body?: unknown;
  /** The platform's `x-request-id`, to quote when asking the platform's support. */
  requestId?: string | undefined;
  /** The lower-level failure, never carrying the token. */
  cause?: unknown;
}

/**
 * The base of every error the SDK throws or reports. Callers switch on `name` or `code`, which
 * survive minification and a page that loads two copies of the SDK; `instanceof` does not.
 *
 * @example
 * ```ts
 * try {
 *   await client.configurator.load(productId);
 * } catch (error) {
 *   if (isConfiguratorError(error) && error.code === 'origin_not_allowed') showSetupHint();
 * }
 * ```
 */
export class ConfiguratorError<Code extends string = string> extends Error {
  /** A stable code for what went wrong; each subclass documents its own. */
  readonly code: Code;

  /** The HTTP status of the platform's answer, when there was one. */
  readonly status: number | undefined;

  /** The platform's own error code from its answer's body. */
  readonly platformCode: string | undefined;

  /** The platform's parsed error body. */
  readonly body: unknown;

  /** The platform's `x-request-id`. */
  readonly requestId: string | undefined;

  constructor(code: Code, message: string, details: ErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });

    this.code = code;
    this.status = details.status;
    this.platformCode = details.platformCode;
    this.body = details.body;
    this.requestId = details.requestId;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** A plain summary for logs and error trackers; it holds no token. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      status: this.status,
      platformCode: this.platformCode,
      requestId: this.requestId,
    };
  }
}

nameErrorClass(ConfiguratorError, 'ConfiguratorError');

/**
 * Sets the class's `name` on its prototype, so that the name is right from the first line of
 * the stack on and survives a minifier renaming the class.
 */
export function nameErrorClass(errorClass: { prototype: Error }, name: string): void {
  Object.defineProperty(errorClass.prototype, 'name', {
    value: name,
    writable: true,
    configurable: true,
  });
}

/**
 * Tells whether a value is an error from this SDK, from any copy of it on the page.
 *
 * @example
 * ```ts
 * client.configurator.load(id).catch((error) => {
 *   if (isConfiguratorError(error)) report(error.code, error.requestId);
 * });
 * ```
 */
export function isConfiguratorError(value: unknown): value is ConfiguratorError {
  if (typeof value !== 'object' || value === null) return false;

  try {
    return BRAND in value;
  } catch {
    // A revoked Proxy throws on any look; it is no error of ours.
    return false;
  }
}
