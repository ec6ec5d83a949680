// @vitest-environment node
import { describe, expect, it } from 'vitest';

import { SEED } from '../../src/mock/seed';
import type { AnalyticsEvent } from '../../src/platform/types';
import { LOCAL_PAGE, LOOPBACK_PAGE, call, useMockPlatform } from './support';

const { state } = useMockPlatform();

let next = 0;

function event(overrides: Record<string, unknown> = {}): AnalyticsEvent {
  next += 1;

  return {
    id: `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
    type: 'attribute_changed',
    sessionId: 'session-1',
    clientTime: '2025-05-01T10:00:00.000Z',
    productId: SEED.products.table,
    variant: { wood: 'oak', length: 200, extensionLeaf: false, legColor: { r: 31, g: 31, b: 31 } },
    properties: { attribute: 'wood', step: 2, fromShare: false },
    ...overrides,
  } as AnalyticsEvent;
}

function send(body: unknown, origin = LOCAL_PAGE) {
  return call('/api/analytics/events', { method: 'POST', token: SEED.demoToken, origin, body });
}

describe('POST /api/analytics/events', () => {
  it('counts each event id once, across two sends of the same batch', async () => {
    const batch = { events: [event(), event({ type: 'checkout:step-2' })] };

    const first = await send(batch);
    const second = await send(batch);

    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ accepted: 2, duplicates: 0 });
    expect(await second.json()).toEqual({ accepted: 0, duplicates: 2 });
    expect(state.countedEvents().map((counted) => counted.id)).toEqual(
      batch.events.map((e) => e.id),
    );
    expect(state.countedEvents()[0]).toMatchObject({
      orgId: SEED.orgId,
      receivedAt: expect.any(String) as unknown,
    });
  });

  it('counts an id repeated within one batch once', async () => {
    const one = event();

    expect(await (await send({ events: [one, one] })).json()).toEqual({
      accepted: 1,
      duplicates: 1,
    });
  });

  it('takes an empty batch', async () => {
    expect(await (await send({ events: [] })).json()).toEqual({ accepted: 0, duplicates: 0 });
  });

  it('refuses more than 500 events with 413 payload_too_large, counting nothing', async () => {
    const events = Array.from({ length: 501 }, () => ({
      id: event().id,
      type: 'share',
      sessionId: 's',
      clientTime: '2025-05-01T10:00:00Z',
    }));

    const response = await send({ events });

    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: 'payload_too_large' });
    expect(state.countedEvents()).toEqual([]);
  });

  it('takes exactly 500 events', async () => {
    const events = Array.from({ length: 500 }, () => ({
      id: event().id,
      type: 'share',
      sessionId: 's',
      clientTime: '2025-05-01T10:00:00Z',
    }));

    expect(await (await send({ events })).json()).toEqual({ accepted: 500, duplicates: 0 });
  });

  it('refuses a body over 64 KiB with 413, counting nothing', async () => {
    const padding = 'x'.repeat(64 * 1024);
    const response = await send({ events: [event({ properties: { padding } })] });

    expect(response.status).toBe(413);
    expect(state.countedEvents()).toEqual([]);
  });

  it('lists every invalid event in a 422 invalid_event and counts nothing of the batch', async () => {
    const response = await send({
      events: [
        event(),
        event({ type: 'Add To Cart' }),
        event({ id: 'not-a-uuid', clientTime: '2025-02-30T10:00:00Z' }),
        event({ properties: { nested: { a: 1 } }, variant: { wood: null } }),
        event({ sessionId: undefined, extra: true }),
        'not an event',
      ],
    });
    const body = (await response.json()) as { code: string; errors: Array<{ key: string }> };

    expect(response.status).toBe(422);
    expect(body.code).toBe('invalid_event');
    expect(body.errors.map((error) => error.key)).toEqual([
      'events[1].type',
      'events[2].id',
      'events[2].clientTime',
      'events[3].variant',
      'events[3].properties',
      'events[4].extra',
      'events[4].sessionId',
      'events[5]',
    ]);
    expect(state.countedEvents()).toEqual([]);
  });

  it.each([
    ['a date without a time', '2025-05-01'],
    ['a time without a zone', '2025-05-01T10:00:00'],
    ['hour 24', '2025-05-01T24:00:00Z'],
    ['a number', 1714557600000],
  ])('refuses a clientTime that is %s', async (_name, clientTime) => {
    const response = await send({ events: [event({ clientTime })] });

    expect(await response.json()).toMatchObject({ errors: [{ key: 'events[0].clientTime' }] });
  });

  it.each([
    ['a missing events list', {}],
    ['events that are no list', { events: {} }],
    ['an unknown field', { events: [], batch: 1 }],
    ['a body that is not JSON', '{"events": ['],
  ])('refuses %s with 422 invalid_event', async (_name, body) => {
    const response = await send(body);

    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: 'invalid_event' });
  });

  it('counts nothing for an origin outside the token list, answering an unreadable 403', async () => {
    const response = await send({ events: [event()] }, LOOPBACK_PAGE);

    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(state.countedEvents()).toEqual([]);
  });
});
