import { validateVariant } from '../configurator/validate-variant';
import { ValidationError } from '../errors/classes';
import { readConfiguration } from '../platform/read-answers';
import type { Configuration, ConfigurationInput } from '../platform/types';
import type { Transport } from '../transport/transport';
import { randomUuid } from '../util/uuid';
import { checkConfigurationId, checkConfigurationInput } from './check-arguments';
import { checkCallOptions } from './check-call-options';
import type { ConfiguratorApi } from './configurator-api';
import type { CallOptions, SaveOptions } from './options';
import { shareUrl } from './share-link';

/** Saves and reads shoppers' configurations. */
export interface ConfigurationsApi {
  /**
   * Saves a shopper's configuration; the answer carries the `shortId` for share links.
   *
   * The variant is first checked against the product's configurator (loaded, or reused from
   * memory): a `ValidationError` lists every problem by attribute, and nothing is sent. The save
   * carries an `Idempotency-Key`, and is retried with the same key when the answer is lost, so
   * the platform holds one configuration however many attempts it took.
   */
  save: (input: ConfigurationInput, options?: SaveOptions) => Promise<Configuration>;
  /** Reads a saved configuration by its id or its short id. */
  get: (idOrShortId: string, options?: CallOptions) => Promise<Configuration>;
  /** Builds a link to the current page (or `baseUrl`) that carries the configuration. */
  shareUrl: (shortId: string, baseUrl?: string | URL) => string;
}

/** Creates the configurations API over a transport and the configurator API. */
export function createConfigurationsApi(
  transport: Transport,
  configurator: ConfiguratorApi,
): ConfigurationsApi {
  async function save(input: ConfigurationInput, options?: SaveOptions): Promise<Configuration> {
    const action = 'save the configuration';
    const checked = checkCallOptions(options, action);
    const configuration = checkConfigurationInput(input, action);
    const definition = await configurator.load(configuration.productId, checked);
    const problems = validateVariant(definition, configuration.variant);

    if (problems.length > 0) {
      const listed = problems.map((problem) => `${problem.key}: ${problem.message}`).join(' ');

      throw new ValidationError(
        'invalid_configuration',
        `Failed to ${action}: ${listed}`,
        problems,
      );
    }

    return transport.call({
      action,
      method: 'POST',
      path: ['api', 'configurations'],
      body: configuration,
      headers: { 'idempotency-key': checked.idempotencyKey ?? randomUuid() },
      expect: [201],
      read: readConfiguration,
      retry: 'write',
      timeout: checked.timeout,
      signal: checked.signal,
    });
  }

  async function get(idOrShortId: string, options?: CallOptions): Promise<Configuration> {
    const action = 'read the configuration';
    const checked = checkCallOptions(options, action);

    return transport.call({
      action,
      method: 'GET',
      path: ['api', 'configurations', checkConfigurationId(idOrShortId, action)],
      expect: [200],
      read: readConfiguration,
      retry: 'read',
      timeout: checked.timeout,
      signal: checked.signal,
    });
  }

  return { save, get, shareUrl };
}
