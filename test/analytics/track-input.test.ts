import { describe, expect, it } from 'vitest';

import { ValidationError } from '../../src/errors/classes';
import { TEST_EVENT, useAnalyticsPlatform } from './support';

const platform = useAnalyticsPlatform();
const quiet = { sdkEvents: false } as const;

describe('analytics.track with properties that change or throw when read', () => {
  it('sends an event whose getter changes after the check as read, without jamming the queue', async () => {
    const errors: unknown[] = [];
    const client = platform.client({ onError: (e) => errors.push(e), analytics: quiet });
    let reads = 0;
    const changing = {
      get n() {
        reads += 1;

        return (reads === 1 ? 2 : 2n) as unknown as number;
      },
    };

    client.analytics.track(TEST_EVENT, { n: 1 });
    client.analytics.track(TEST_EVENT, changing);
    client.analytics.track(TEST_EVENT, { n: 3 });

    expect(
      await client.analytics.flush().then(
        () => 'ok',
        (e: unknown) => e,
      ),
    ).toBe('ok');
    expect(
      await client.destroy().then(
        () => 'ok',
        (e: unknown) => e,
      ),
    ).toBe('ok');
    // The event is read once at track time, and sent with the value that passed the check.
    expect(platform.state.countedEvents().map((e) => e.properties?.['n'])).toEqual([1, 2, 3]);
    expect(errors).toEqual([]);
  });

  it('reports a getter or a Proxy that throws as a ValidationError, and sends the rest', async () => {
    const errors: unknown[] = [];
    const client = platform.client({ onError: (e) => errors.push(e), analytics: quiet });
    const secret = 'card 4111 1111 1111 1111';
    const throwing = {
      get n(): number {
        throw new Error(secret);
      },
    };
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error(secret);
        },
      },
    );

    client.analytics.track(TEST_EVENT, throwing);
    client.analytics.track(TEST_EVENT, proxy);
    client.analytics.track(TEST_EVENT, { n: 2 });
    await client.analytics.flush();

    expect(errors).toHaveLength(2);
    for (const error of errors) {
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ code: 'invalid_event' });
      expect((error as Error).message).toContain(TEST_EVENT);
      expect((error as Error).message).not.toContain(secret);
      expect((error as Error).cause).toMatchObject({ message: secret });
    }
    expect(platform.countedNumbers()).toEqual([2]);
  });
});
