import { describe, expect, it } from 'vitest';

import { SEED } from '../../src/mock/seed';
import { useAnalyticsPlatform } from './support';

const platform = useAnalyticsPlatform();
const productId = SEED.products.table;

const countedTypes = () => platform.state.countedEvents().map((event) => event.type);

describe("the SDK's own events", () => {
  it('start a session once per tab, whatever the clients and reloads', async () => {
    const first = platform.client();
    const second = platform.client();
    await first.analytics.flush();
    await second.analytics.flush();

    const starts = platform.state.countedEvents().filter((e) => e.type === 'session_start');
    expect(starts).toHaveLength(1);

    first.analytics.track('share');
    second.analytics.track('share');
    await first.analytics.flush();
    await second.analytics.flush();

    const sessions = new Set(platform.state.countedEvents().map((event) => event.sessionId));
    expect(sessions).toEqual(new Set([starts[0]?.sessionId]));
  });

  it('start a new session in a new tab', async () => {
    await platform.client().analytics.flush();
    sessionStorage.clear();

    await platform.client().analytics.flush();

    const starts = platform.state.countedEvents().filter((e) => e.type === 'session_start');
    expect(starts).toHaveLength(2);
    expect(starts[0]?.sessionId).not.toBe(starts[1]?.sessionId);
  });

  it('report a loaded configurator with its product and version', async () => {
    const client = platform.client();

    const definition = await client.configurator.load(productId);
    await client.analytics.flush();

    expect(platform.state.countedEvents()).toContainEqual(
      expect.objectContaining({
        type: 'configurator_loaded',
        productId,
        properties: { version: definition.version },
      }),
    );
  });

  it('report a saved configuration with its ids', async () => {
    const client = platform.client();
    const definition = await client.configurator.load(productId);

    const saved = await client.configurations.save({
      productId,
      productVersion: definition.version,
      variant: {},
    });
    await client.analytics.flush();

    expect(platform.state.countedEvents()).toContainEqual(
      expect.objectContaining({
        type: 'configuration_saved',
        productId,
        configurationId: saved.id,
        properties: { shortId: saved.shortId, productVersion: definition.version },
      }),
    );
  });

  it('report a failed call as an error event with its kind', async () => {
    const client = platform.client();
    platform.state.failNext({ status: 404 }, { path: `/api/products/${productId}/configurator` });

    await expect(client.configurator.load(productId)).rejects.toMatchObject({
      name: 'NotFoundError',
    });
    await client.analytics.flush();

    expect(platform.state.countedEvents()).toContainEqual(
      expect.objectContaining({
        type: 'error',
        properties: expect.objectContaining({
          action: 'load the configurator',
          name: 'NotFoundError',
          code: 'not_found',
          status: 404,
        }),
      }),
    );
  });

  it('leave an aborted call unreported', async () => {
    const client = platform.client();
    const controller = new AbortController();
    controller.abort(new Error('the shopper left'));

    await expect(
      client.configurator.load(productId, { signal: controller.signal }),
    ).rejects.toThrow('the shopper left');
    await client.analytics.flush();

    expect(countedTypes()).not.toContain('error');
  });

  it('are not sent when sdkEvents is off', async () => {
    const client = platform.client({ analytics: { sdkEvents: false } });

    await client.configurator.load(productId);
    client.analytics.track('share');
    await client.analytics.flush();

    expect(countedTypes()).toEqual(['share']);
  });
});
