import { authenticate } from './authenticate';
import { echoableOrigin } from './cors';
import { faultReply } from './faults';
import { randomUuid } from './random';
import { errorReply, toResponse, type Reply } from './reply';
import { matchRoute, pathSegments } from './route';
import { ROUTES } from './routes';
import type { Fault, PlatformState } from './types';

const DROPPED: Fault = { kind: 'network' };

/**
 * Answers one request to the platform and records it in `state.requests`.
 *
 * Faults come first: `setDown` and queued faults answer before any check, so a faulted request
 * has no side effect (except a network fault with `afterHandling`, which is handled first).
 * Then preflights, the health check, unknown paths, the token checks and the endpoint.
 *
 * @param apiPath The path after `/api` (`/health`), or `null` when the path is outside `/api`.
 */
export async function answerRequest(
  state: PlatformState,
  request: Request,
  apiPath: string | null,
): Promise<Response> {
  const requestId = randomUuid();
  const origin = echoableOrigin(request);
  const path = new URL(request.url).pathname;
  const fault = state.down ? DROPPED : state.takeFault(request.method, path);

  if (fault === undefined) {
    const reply = await handle(state, request, apiPath);

    return record(state, request, requestId, toResponse(reply, origin, requestId));
  }

  const canned = faultReply(fault);

  if (canned !== null) {
    return record(state, request, requestId, toResponse(canned, origin, requestId));
  }

  if ('afterHandling' in fault && fault.afterHandling) {
    // Handled, side effects included; only the answer is lost on its way back.
    await handle(state, request, apiPath);
  }

  return record(state, request, requestId, Response.error());
}

async function handle(
  state: PlatformState,
  request: Request,
  apiPath: string | null,
): Promise<Reply> {
  try {
    return await route(state, request, apiPath);
  } catch {
    return errorReply(500, 'internal', 'The mock platform failed to handle this request.');
  }
}

async function route(
  state: PlatformState,
  request: Request,
  apiPath: string | null,
): Promise<Reply> {
  if (apiPath === null) {
    return new URL(request.url).pathname === '/' && request.method === 'GET'
      ? { status: 200, body: ABOUT, cors: 'any' }
      : notFound();
  }

  if (request.method === 'OPTIONS') {
    return { status: 204, cors: 'preflight' };
  }

  const segments = pathSegments(apiPath);

  if (segments !== null && request.method === 'GET' && segments.join('/') === 'health') {
    return { status: 200, body: { ok: true }, cors: 'any' };
  }

  const found = segments === null ? null : matchRoute(ROUTES, request.method, segments);

  if (found === null) {
    return notFound();
  }

  const auth = authenticate(state, request, found.route.access);

  if (auth.refusal !== undefined) {
    return auth.refusal;
  }

  return found.route.handle({ state, request, params: found.params, token: auth.token });
}

/** What the platform's root answers, so that a person who opens it learns where to go. */
const ABOUT = {
  name: 'configurator-embed mock platform',
  health: '/api/health',
  endpoints: [
    'GET /api/products/{productId}/configurator',
    'POST /api/configurations',
    'GET /api/configurations/{id or shortId}',
    'POST /api/analytics/events',
    'GET, POST /api/accesstokens; DELETE /api/accesstokens/{id}',
  ],
  tokens: 'Send Authorization: Bearer <token>; the seeded tokens are in the README.',
};

function notFound(): Reply {
  return errorReply(
    404,
    'not_found',
    'No such endpoint: see the platform API for the paths it serves.',
  );
}

function record(
  state: PlatformState,
  request: Request,
  requestId: string,
  response: Response,
): Response {
  state.requests.push({
    method: request.method,
    path: new URL(request.url).pathname,
    url: request.url,
    origin: request.headers.get('origin'),
    authorization: request.headers.get('authorization'),
    headers: Object.fromEntries(request.headers),
    status: response.status,
    requestId,
  });

  return response;
}
