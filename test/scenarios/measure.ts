// Runs in jsdom and, transpiled as it is, in Chromium's harness page: it may import types only.
import type * as Sdk from '../../src/index';
import type { Call, Outcome, OutcomeError } from './types';

/** The SDK as a page sees it: the script tag's global or the ESM build's namespace. */
export type SdkModule = typeof Sdk;

/** What `measure` needs of a client. */
export type MeasuredClient = Pick<Sdk.Client, 'configurator' | 'configurations' | 'analytics'> & {
  destroy(): Promise<void>;
};

const SHORT_ID = /^[A-Za-z0-9_-]{7,14}$/;

/**
 * Makes one call and describes what it came to as plain data, the same way in every runtime, so
 * that jsdom's and Chromium's outcomes can be compared field by field. The client is destroyed
 * afterwards.
 *
 * @example
 * const client = sdk.createClient({ token, apiUrl });
 * const outcome = await measure(sdk, client, { kind: 'load', productId });
 */
export async function measure(
  sdk: SdkModule,
  client: MeasuredClient,
  call: Call,
): Promise<Outcome> {
  try {
    return { ok: true, result: await perform(client, call) };
  } catch (error) {
    return { ok: false, error: describeError(sdk, error) };
  } finally {
    await client.destroy();
  }
}

async function perform(
  client: MeasuredClient,
  call: Call,
): Promise<Record<string, string | number | boolean>> {
  switch (call.kind) {
    case 'load': {
      const definition = await client.configurator.load(call.productId);

      return { id: definition.id, version: definition.version };
    }
    case 'save': {
      const { kind: _kind, ...input } = call;
      const saved = await client.configurations.save(input);
      const shortId = SHORT_ID.test(saved.shortId) ? 'well-formed' : saved.shortId;

      return { productId: saved.productId, productVersion: saved.productVersion, shortId };
    }
    case 'track': {
      client.analytics.track(call.type, call.properties);
      await client.analytics.flush();

      return { flushed: true };
    }
  }
}

/** Reads what a caller can act on from an error: the same fields a page would read. */
export function describeError(sdk: SdkModule, error: unknown): OutcomeError {
  if (!sdk.isConfiguratorError(error)) {
    return {
      name: error instanceof Error ? error.name : typeof error,
      code: null,
      status: null,
      retryAfter: null,
      offline: null,
      origin: null,
      guarded: false,
      message: error instanceof Error ? error.message : String(error),
    };
  }

  return {
    name: error.name,
    code: error.code,
    status: error.status ?? null,
    retryAfter: sdk.isRateLimitError(error) ? (error.retryAfter ?? null) : null,
    offline: sdk.isNetworkError(error) ? error.offline : null,
    origin: sdk.isCorsError(error) ? error.origin : null,
    guarded: guardFor(sdk, error.name)?.(error) ?? false,
    message: error.message,
  };
}

/** The SDK's own guard for an error name, such as `isCorsError` for `CorsError`. */
function guardFor(sdk: SdkModule, name: string): ((error: unknown) => boolean) | undefined {
  const guard: unknown = (sdk as unknown as Record<string, unknown>)[`is${name}`];

  return typeof guard === 'function' ? (error) => guard(error) === true : undefined;
}
