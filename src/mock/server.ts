import {
  createServer,
  STATUS_CODES,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

import { getResponse, type RequestHandler } from 'msw';

import { echoableOrigin } from './cors';
import { answerRequest } from './dispatch';
import { createPlatformHandlers } from './handlers';
import { MAX_BODY_BYTES } from './handlers/limits';
import { randomUuid } from './random';
import { codeForStatus, errorReply, toResponse } from './reply';
import { createPlatformState } from './state';
import type { PlatformState } from './types';

/** How to start the mock platform over HTTP. */
export interface PlatformServerOptions {
  /** The port; `0` (the default) picks a free one. */
  port?: number;
  /**
   * The host to listen on, `localhost` by default. `localhost` listens on `127.0.0.1`, so the
   * server is reached both as `http://localhost:PORT` and `http://127.0.0.1:PORT` whatever
   * `localhost` resolves to first.
   */
  host?: string;
  /** The state to serve; a fresh seeded one by default. */
  state?: PlatformState;
}

/** A running mock platform. */
export interface PlatformServer {
  /** Its address, such as `http://localhost:4010`, without a trailing slash. */
  url: string;
  state: PlatformState;
  /** Stops listening and drops every open connection; calling it again waits for the same. */
  close(): Promise<void>;
}

// Hop-by-hop headers describe the connection, not the request.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade']);

// The statuses Node itself answers for these parse failures; any other is a 400.
const UNPARSABLE_STATUS: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

// Methods a Fetch `Request` cannot carry, so the handlers never see them; none is an endpoint's.
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

/**
 * Serves the mock platform over `node:http`, with the same msw handlers that tests use, run by
 * msw's `getResponse`. The handlers answer on any host (`baseUrl: '*'`). A dropped connection
 * (a network fault, or `setDown`) destroys the socket; a path outside `/api` answers `404`, and
 * so do `CONNECT` and `TRACE`; a request Node cannot parse answers `400 invalid_request`. A body
 * over 64 KiB is read no further: the endpoint answers (`413` where it reads a body) and the
 * connection is closed.
 *
 * @example
 * const platform = await startPlatformServer({ port: 4010 });
 * console.log(`${platform.url}/api/health`);
 * await platform.close();
 */
export async function startPlatformServer(
  options: PlatformServerOptions = {},
): Promise<PlatformServer> {
  const state = options.state ?? createPlatformState();
  const host = options.host ?? 'localhost';
  const serving: Serving = {
    handlers: createPlatformHandlers(state, { baseUrl: '*' }),
    state,
    fallback: 'http://localhost',
  };
  const server = createServer((incoming, outgoing) => {
    void serve(serving, incoming, outgoing);
  });

  // Without a listener, Node drops a CONNECT request without an answer.
  server.on('connect', (incoming: IncomingMessage, socket: Duplex) => {
    answerConnect(serving, incoming, socket);
  });

  // Without one, Node answers a request it cannot parse (a method it does not know, such as
  // TRACK) with a bare 400, which has neither the contract's body nor a request id.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    answerUnparsable(error, socket);
  });

  const port = await listen(server, options.port ?? 0, host === 'localhost' ? '127.0.0.1' : host);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  serving.fallback = url;

  // Closing twice (a test's own close, then its clean-up) waits for the same close.
  let closing: Promise<void> | undefined;

  return {
    url,
    state,
    close: () => (closing ??= close(server)),
  };
}

interface Serving {
  handlers: RequestHandler[];
  state: PlatformState;
  /** The server's own address, for requests whose `Host` header is unusable. */
  fallback: string;
}

async function serve(serving: Serving, incoming: IncomingMessage, outgoing: ServerResponse) {
  try {
    if (FORBIDDEN_METHODS.has(incoming.method?.toUpperCase() ?? '')) {
      await send(refuseMethod(serving, incoming), incoming, outgoing, true);

      return;
    }

    const { request, complete } = await toRequest(incoming, serving.fallback);
    const response =
      (await getResponse(serving.handlers, request)) ??
      (await answerRequest(serving.state, request, null));

    // The rest of an over-limit body is left unread, so the connection cannot serve another.
    await send(response, incoming, outgoing, !complete);
  } catch {
    // The handlers answer their own failures; this only guards the conversion.
    if (outgoing.headersSent) {
      outgoing.destroy();

      return;
    }

    const body = { code: 'internal', message: 'The mock platform server failed.' };

    outgoing
      .writeHead(500, { 'content-type': 'application/json', 'x-request-id': randomUuid() })
      .end(JSON.stringify(body));
  }
}

async function send(
  response: Response,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  close: boolean,
): Promise<void> {
  if (response.type === 'error') {
    incoming.socket.destroy();

    return;
  }

  await writeResponse(response, outgoing, close);
}

/**
 * The answer to a method no endpoint takes and a Fetch `Request` cannot carry: `404 not_found`,
 * as for any other method a path does not serve, recorded like every request. While the
 * platform is down it is dropped; queued faults, made for requests a page can send, stay queued.
 */
function refuseMethod(serving: Serving, incoming: IncomingMessage): Response {
  const { state } = serving;
  const url = requestUrl(incoming, serving.fallback);
  const headers = requestHeaders(incoming);
  const requestId = randomUuid();
  const response = state.down
    ? Response.error()
    : toResponse(
        errorReply(
          404,
          'not_found',
          'No such endpoint: see the platform API for the paths it serves.',
        ),
        echoableOrigin(new Request(url, { headers })),
        requestId,
      );

  state.requests.push({
    method: incoming.method ?? '',
    path: new URL(url).pathname,
    url,
    origin: headers.get('origin'),
    authorization: headers.get('authorization'),
    headers: Object.fromEntries(headers),
    status: response.status,
    requestId,
  });

  return response;
}

/** Answers a `CONNECT` as any other method no endpoint takes, then closes the connection. */
function answerConnect(serving: Serving, incoming: IncomingMessage, socket: Duplex): void {
  // The server no longer watches this socket: a client that resets it must not crash the process.
  socket.on('error', () => socket.destroy());

  try {
    const response = refuseMethod(serving, incoming);

    if (response.type === 'error') {
      socket.destroy();

      return;
    }

    void writeRaw(response, socket);
  } catch {
    socket.destroy();
  }
}

/**
 * Answers a request Node could not parse with the contract's error body, as `400
 * invalid_request` or the status Node itself would give (such as `431`), then closes the
 * connection. It is not recorded: there is no method or path to record.
 */
function answerUnparsable(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();

    return;
  }

  const status = UNPARSABLE_STATUS[error.code ?? ''] ?? 400;
  const message = 'The request is not valid HTTP/1.1 that the platform can read.';
  const response = toResponse(
    errorReply(status, codeForStatus(status), message),
    null,
    randomUuid(),
  );

  void writeRaw(response, socket);
}

/** Writes a response straight to a socket the HTTP server has let go of, and closes it. */
async function writeRaw(response: Response, socket: Duplex): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const lines = [`HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? ''}`];

  response.headers.forEach((value, name) => lines.push(`${name}: ${value}`));
  lines.push(`content-length: ${body.byteLength}`, 'connection: close', '', '');
  socket.end(Buffer.concat([Buffer.from(lines.join('\r\n')), body]));
}

/** The request as Fetch sees it, and whether its whole body was read (`false` past the limit). */
async function toRequest(
  incoming: IncomingMessage,
  fallback: string,
): Promise<{ request: Request; complete: boolean }> {
  const method = incoming.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  const body = hasBody ? await readBody(incoming) : { bytes: new Uint8Array(0), complete: true };
  const request = new Request(requestUrl(incoming, fallback), {
    method,
    headers: requestHeaders(incoming),
    body: body.bytes.byteLength > 0 ? body.bytes : null,
  });

  return { request, complete: body.complete };
}

function requestHeaders(incoming: IncomingMessage): Headers {
  const headers = new Headers();

  for (let index = 0; index + 1 < incoming.rawHeaders.length; index += 2) {
    const name = incoming.rawHeaders[index] ?? '';

    if (!HOP_BY_HOP.has(name.toLowerCase())) {
      headers.append(name, incoming.rawHeaders[index + 1] ?? '');
    }
  }

  return headers;
}

/** The URL as the client addressed it: the `Host` header and the request target. */
function requestUrl(incoming: IncomingMessage, fallback: string): string {
  const target = incoming.url ?? '/';
  const path = target.startsWith('/') ? target : '/';

  try {
    const origin = new URL(`http://${incoming.headers.host ?? ''}`);
    const bare = origin.pathname === '/' && origin.search === '' && origin.username === '';

    return new URL(`${bare ? origin.origin : fallback}${path}`).href;
  } catch {
    return new URL(`${fallback}${path}`).href;
  }
}

/**
 * Reads a body up to one byte past `MAX_BODY_BYTES`, enough for the handlers to refuse it, and
 * stops there, so a huge body never sits in memory.
 */
function readBody(
  incoming: IncomingMessage,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; complete: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;

    const finish = (complete: boolean) => {
      incoming.off('data', take).off('end', end).off('error', reject);

      if (!complete) {
        incoming.pause();
      }

      const joined = Buffer.concat(chunks).subarray(0, MAX_BODY_BYTES + 1);
      const bytes = new Uint8Array(joined.byteLength);
      bytes.set(joined);
      resolve({ bytes, complete });
    };
    const take = (chunk: Buffer | string) => {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      chunks.push(buffer);
      length += buffer.byteLength;

      if (length > MAX_BODY_BYTES) {
        finish(false);
      }
    };
    const end = () => finish(true);

    incoming.on('data', take).once('end', end).once('error', reject);
  });
}

async function writeResponse(
  response: Response,
  outgoing: ServerResponse,
  close: boolean,
): Promise<void> {
  const headers: Record<string, string | string[]> = close ? { connection: 'close' } : {};

  response.headers.forEach((value, name) => {
    headers[name] = value;
  });

  // Headers joins repeated headers with commas, which Set-Cookie cannot survive.
  const cookies = response.headers.getSetCookie();

  if (cookies.length > 0) {
    headers['set-cookie'] = cookies;
  }

  const body = response.body === null ? null : Buffer.from(await response.arrayBuffer());

  outgoing.writeHead(response.status, headers);
  outgoing.end(body ?? undefined);
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error === undefined ? resolve() : reject(error)));
    server.closeAllConnections();
  });
}
