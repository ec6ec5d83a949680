import { createBatcher, type Analytics } from '../analytics/batcher';
import { UsageError } from '../errors/classes';
import { isConfiguratorError, type ConfiguratorError } from '../errors/configurator-error';
import { readConfiguration, readConfigurator } from '../platform/read-answers';
import type { Configuration, ConfigurationInput, ConfiguratorDefinition } from '../platform/types';
import { createTransport } from '../transport/transport';
import { randomUuid } from '../util/uuid';
import { checkConfigurationId, checkConfigurationInput, checkProductId } from './check-arguments';
import { checkOptions } from './check-options';
import type { CallOptions, ClientOptions } from './options';

/** A client of the configurator platform, holding one public token. */
export interface Client {
  configurator: {
    /** Loads a product's configurator: its attributes, options, prices and rules. */
    load(productId: string, options?: CallOptions): Promise<ConfiguratorDefinition>;
  };
  configurations: {
    /** Saves a shopper's configuration; the answer carries the `shortId` for share links. */
    save(input: ConfigurationInput, options?: CallOptions): Promise<Configuration>;
    /** Reads a saved configuration by its id or its short id. */
    get(idOrShortId: string, options?: CallOptions): Promise<Configuration>;
  };
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
  const report = (error: unknown): void => notify(checked.onError, error);
  const batcher = createBatcher({
    transport,
    sessionId: randomUuid(),
    report,
    options: checked.analytics,
  });
  let destroyed = false;

  function alive(action: string): void {
    if (destroyed) {
      throw new UsageError(
        'client_destroyed',
        `Failed to ${action}: this client was destroyed; create a new one.`,
      );
    }
  }

  return {
    configurator: {
      async load(productId, callOptions) {
        const action = 'load the configurator';
        alive(action);

        return transport.call({
          action,
          method: 'GET',
          path: [
            'api',
            'products',
            { id: checkProductId(productId, action), argument: 'productId' },
            'configurator',
          ],
          expect: [200],
          read: readConfigurator,
          signal: callOptions?.signal,
        });
      },
    },
    configurations: {
      async save(input, callOptions) {
        const action = 'save the configuration';
        alive(action);

        return transport.call({
          action,
          method: 'POST',
          path: ['api', 'configurations'],
          body: checkConfigurationInput(input, action),
          expect: [201],
          read: readConfiguration,
          signal: callOptions?.signal,
        });
      },
      async get(idOrShortId, callOptions) {
        const action = 'read the configuration';
        alive(action);

        return transport.call({
          action,
          method: 'GET',
          path: [
            'api',
            'configurations',
            { id: checkConfigurationId(idOrShortId, action), argument: 'id' },
          ],
          expect: [200],
          read: readConfiguration,
          signal: callOptions?.signal,
        });
      },
    },
    analytics: {
      track(type, properties) {
        try {
          alive('track an event');
          batcher.track(type, properties);
        } catch (error) {
          report(error);
        }
      },
      flush() {
        return destroyed ? Promise.resolve() : batcher.flush();
      },
    },
    async destroy() {
      if (destroyed) return;

      destroyed = true;
      await batcher.flush().catch(report);
    },
  };
}

/** Hands a background failure to the caller's hook; a hook that throws never hurts the page. */
function notify(onError: ((error: ConfiguratorError) => void) | undefined, error: unknown): void {
  if (onError === undefined || !isConfiguratorError(error)) return;

  try {
    onError(error);
  } catch {
    // The page's own hook failed; the SDK has nowhere better to report it.
  }
}
