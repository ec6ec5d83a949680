import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { getResponse, type RequestHandler } from 'msw';

import { answerRequest } from './dispatch';
import { createPlatformHandlers } from './handlers';
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
  /** Stops listening and drops every open connection. */
  close(): Promise<void>;
}

// Hop-by-hop headers describe the connection, not the request.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade']);

/**
 * Serves the mock platform over `node:http`, with the same msw handlers that tests use, run by
 * msw's `getResponse`. The handlers answer on any host (`baseUrl: '*'`). A dropped connection
 * (a network fault, or `setDown`) destroys the socket; a path outside `/api` answers `404`.
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

  const port = await listen(server, options.port ?? 0, host === 'localhost' ? '127.0.0.1' : host);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  serving.fallback = url;

  return {
    url,
    state,
    close: () => close(server),
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
    const request = await toRequest(incoming, serving.fallback);
    const response =
      (await getResponse(serving.handlers, request)) ??
      (await answerRequest(serving.state, request, null));

    if (response.type === 'error') {
      incoming.socket.destroy();

      return;
    }

    await writeResponse(response, outgoing);
  } catch {
    // The handlers answer their own failures; this only guards the conversion.
    if (outgoing.headersSent) {
      outgoing.destroy();

      return;
    }

    outgoing
      .writeHead(500, { 'content-type': 'application/json' })
      .end(JSON.stringify({ code: 'internal', message: 'The mock platform server failed.' }));
  }
}

async function toRequest(incoming: IncomingMessage, fallback: string): Promise<Request> {
  const method = incoming.method ?? 'GET';
  const headers = new Headers();

  for (let index = 0; index + 1 < incoming.rawHeaders.length; index += 2) {
    const name = incoming.rawHeaders[index] ?? '';

    if (!HOP_BY_HOP.has(name.toLowerCase())) {
      headers.append(name, incoming.rawHeaders[index + 1] ?? '');
    }
  }

  const hasBody = method !== 'GET' && method !== 'HEAD';
  const body = hasBody ? await readBody(incoming) : null;

  return new Request(requestUrl(incoming, fallback), {
    method,
    headers,
    body: body !== null && body.byteLength > 0 ? body : null,
  });
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

async function readBody(incoming: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];

  for await (const chunk of incoming) {
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  }

  const joined = Buffer.concat(chunks);
  const bytes = new Uint8Array(joined.byteLength);
  bytes.set(joined);

  return bytes;
}

async function writeResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};

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
