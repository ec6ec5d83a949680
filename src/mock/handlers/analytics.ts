import { ANALYTICS_LIMITS } from '../../platform/types';
import { isRecord } from '../../util/is-record';
import { readJson, unknownKeys } from '../body';
import { asEvents, checkEvents } from '../check-events';
import { errorReply, type Reply } from '../reply';
import type { RouteContext } from '../route';

/**
 * `POST /api/analytics/events`: counts a batch of events, each id once per organization. A
 * batch over 500 events or 64 KiB (the body's length in bytes) answers `413`; a batch with any
 * invalid event answers `422 invalid_event` and counts nothing of it.
 */
export async function postEvents({ state, request, token }: RouteContext): Promise<Reply> {
  const body = await readJson(request);

  if (body.bytes > ANALYTICS_LIMITS.maxBytes) {
    return tooLarge(
      `The batch is more than ${ANALYTICS_LIMITS.maxBytes} bytes; send at most ${ANALYTICS_LIMITS.maxBytes} bytes a batch.`,
    );
  }

  if (!body.ok || !isRecord(body.value) || !Array.isArray(body.value.events)) {
    return invalid('events', 'The body must be a JSON object { "events": [...] }.');
  }

  const extra = unknownKeys(body.value, ['events'])[0];

  if (extra !== undefined) {
    return invalid(extra, `Unknown field "${extra}": a batch takes only "events".`);
  }

  const events: unknown[] = body.value.events;

  if (events.length > ANALYTICS_LIMITS.maxEvents) {
    return tooLarge(
      `The batch holds ${events.length} events; send at most ${ANALYTICS_LIMITS.maxEvents} events a batch.`,
    );
  }

  const problems = checkEvents(events);

  if (problems.length > 0) {
    return errorReply(
      422,
      'invalid_event',
      'Some events are invalid, so none of this batch was counted: see errors.',
      { errors: problems },
    );
  }

  return { status: 200, body: state.countEvents(token.orgId, asEvents(events)) };
}

function tooLarge(message: string): Reply {
  return errorReply(413, 'payload_too_large', message, { ...ANALYTICS_LIMITS });
}

function invalid(key: string, message: string): Reply {
  return errorReply(422, 'invalid_event', message, { errors: [{ key, message }] });
}
