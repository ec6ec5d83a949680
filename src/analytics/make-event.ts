import type { AnalyticsEvent, EventProperties, Variant } from '../platform/types';
import { eventId } from './event-id';
import type { EventContext } from './types';

/**
 * The type of the event that tells the platform how many events this page lost (a full queue,
 * events the platform refused): `properties.count` holds the number.
 */
export const LOSS_EVENT_TYPE = 'sdk.dropped';

/** The losses a loss event reports; 0 for any other event. */
export function reportedLoss(event: AnalyticsEvent): number {
  const count = event.type === LOSS_EVENT_TYPE ? event.properties?.['count'] : undefined;

  return typeof count === 'number' ? count : 0;
}

/**
 * Builds a checked event as it goes on the wire, with a new id and the time now. Properties and
 * context are copied, so that the page changing its objects later changes no queued event.
 */
export function makeEvent(
  type: string,
  sessionId: string,
  now: number,
  properties: EventProperties | undefined,
  context: EventContext | undefined,
): AnalyticsEvent {
  const event: AnalyticsEvent = {
    id: eventId(),
    type,
    sessionId,
    clientTime: new Date(now).toISOString(),
  };

  if (properties !== undefined) event.properties = { ...properties };
  if (context?.productId !== undefined) event.productId = context.productId;
  if (context?.configurationId !== undefined) event.configurationId = context.configurationId;
  if (context?.variant !== undefined) event.variant = copyVariant(context.variant);

  return event;
}

function copyVariant(variant: Variant): Variant {
  return Object.fromEntries(
    Object.entries(variant).map(([key, value]) => [
      key,
      typeof value === 'object' ? { r: value.r, g: value.g, b: value.b } : value,
    ]),
  );
}
