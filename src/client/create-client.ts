import type { Analytics } from '../analytics/types';
import { createAnalytics } from '../analytics/create-analytics';
import { observeCall } from '../analytics/sdk-events';
import { UsageError } from '../errors/classes';
import { isConfiguratorError } from '../errors/configurator-error';
import { createTransport } from '../transport/transport';
import { checkOptions } from './check-options';
import { createConfigurationsApi, type ConfigurationsApi } from './configurations-api';
import { createConfiguratorApi, type ConfiguratorApi } from './configurator-api';
import type { ClientOptions } from './options';

/** A client of the configurator platform, holding one public token. */
export interface Client {
  configurator: ConfiguratorApi;
  configurations: ConfigurationsApi;
  analytics: Analytics;
  /** Sends the queued analytics and stops the client; later calls fail with a `UsageError`. */
  destroy(): Promise<void>;
}

/**
 * Creates a client for a public access token. The token is checked at once and a malformed one
 * throws a `UsageError`; nothing is sent until a method is called.
 *
 * @example
 * ```ts
 * const client = createClient({ token: '3f2a0c1e-…', apiUrl: 'https://api.example.com' });
 * const configurator = await client.configurator.load(productId);
 * ```
 */
export function createClient(options: ClientOptions): Client {
  const checked = checkOptions(options);
  const transport = createTransport(checked);
  const { onError } = checked;

  /** Hands a background failure to the caller's hook; a hook that throws never hurts the page. */
  const report = (error: unknown): void => {
    if (onError === undefined || !isConfiguratorError(error)) return;

    try {
      onError(error);
    } catch {
      // The page's own hook failed; the SDK has nowhere better to report it.
    }
  };
  const analytics = createAnalytics({
    transport,
    token: checked.token,
    report,
    options: checked.analytics,
  });
  const configurator = createConfiguratorApi(transport, checked.cacheMaxAge);
  const configurations = createConfigurationsApi(transport, configurator);
  let destroyed = false;

  /**
   * Wraps a call so that it fails with a `UsageError` once the client is destroyed, and tracks
   * its failure as an `error` event (and its success through `onSuccess`).
   */
  function guarded<Args extends unknown[], Result>(
    action: string,
    call: (...args: Args) => Promise<Result>,
    onSuccess?: (result: Result, ...args: Args) => void,
  ): (...args: Args) => Promise<Result> {
    return async (...args) => {
      if (destroyed) throw destroyedError(action);

      return observeCall(analytics, action, call(...args), (result) =>
        onSuccess?.(result, ...args),
      );
    };
  }

  return {
    configurator: {
      load: guarded('load the configurator', configurator.load, (definition, productId) => {
        analytics.sdkEvent('configurator_loaded', { version: definition.version }, { productId });
      }),
    },
    configurations: {
      save: guarded('save the configuration', configurations.save, (saved) => {
        analytics.sdkEvent(
          'configuration_saved',
          { shortId: saved.shortId, productVersion: saved.productVersion },
          { productId: saved.productId, configurationId: saved.id },
        );
      }),
      get: guarded('read the configuration', configurations.get),
      shareUrl: configurations.shareUrl,
    },
    analytics: {
      track(type, properties, context) {
        try {
          if (destroyed) throw destroyedError('track an event');
          analytics.track(type, properties, context);
        } catch (error) {
          report(error);
        }
      },
      flush() {
        return destroyed ? Promise.resolve() : analytics.flush();
      },
      stats: () => analytics.stats(),
    },
    async destroy() {
      if (destroyed) return;

      destroyed = true;
      await analytics.destroy();
    },
  };
}

function destroyedError(action: string): UsageError {
  return new UsageError(
    'client_destroyed',
    `Failed to ${action}: this client was destroyed; create a new one.`,
  );
}
