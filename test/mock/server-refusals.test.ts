// @vitest-environment node
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';

import { describe, expect, it } from 'vitest';

import { SEED } from '../../src/mock/seed';
import { useHttpPlatform } from './support';

const PAGE = 'http://localhost:3000';

const start = useHttpPlatform();

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** Resolves when the server has closed the connection. */
  closed: Promise<void>;
}

/**
 * Sends a request with `node:http`, which sends methods fetch refuses. With `sent`, writes those
 * bytes of the body and never ends it, as a client still uploading would.
 */
function send(
  url: string,
  options: { method: string; path: string; headers?: Record<string, string>; sent?: number },
): Promise<Answer> {
  const { port } = new URL(url);

  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      { host: '127.0.0.1', port, method: options.method, path: options.path, agent: false },
      (response) => {
        const closed = new Promise<void>((done) => response.socket.once('close', () => done()));
        const chunks: Buffer[] = [];

        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const body: unknown = text === '' ? null : JSON.parse(text);

          resolve({ status: response.statusCode ?? 0, headers: response.headers, body, closed });
        });
      },
    );

    // Writing the rest of a body the server refused may fail; only the answer matters.
    outgoing.once('error', reject);

    for (const [name, value] of Object.entries(options.headers ?? {})) {
      outgoing.setHeader(name, value);
    }

    if (options.sent === undefined) {
      outgoing.end();

      return;
    }

    outgoing.write(Buffer.alloc(options.sent, 0x20));
  });
}

/** Sends bytes over a raw socket and collects all the server writes until it closes. */
function sendRaw(url: string, text: string): Promise<string> {
  const { port } = new URL(url);

  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    const chunks: Buffer[] = [];

    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('error', reject);
    socket.once('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.write(text);
  });
}

describe('startPlatformServer', () => {
  it('answers TRACE like any method no endpoint takes: a readable 404 not_found with an id', async () => {
    const { url, state } = await start();

    const answer = await send(url, {
      method: 'TRACE',
      path: '/api/configurations',
      headers: { origin: PAGE },
    });

    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ code: 'not_found', message: expect.any(String) });
    expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers['access-control-allow-origin']).toBe(PAGE);
    expect(state.requests).toEqual([
      expect.objectContaining({ method: 'TRACE', path: '/api/configurations', status: 404 }),
    ]);
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
  });

  it('answers a method Node cannot parse, such as TRACK, with 400 invalid_request and an id', async () => {
    const { url } = await start();

    const written = await sendRaw(url, 'TRACK /api/configurations HTTP/1.1\r\nHost: x\r\n\r\n');
    const [head = '', body = ''] = written.split('\r\n\r\n');

    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(head).toMatch(/\r\nx-request-id: [0-9a-f-]{36}\r\n/);
    expect(JSON.parse(body)).toEqual({ code: 'invalid_request', message: expect.any(String) });
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
  });

  it('answers headers too large for Node with 431 and the error body', async () => {
    const { url } = await start();

    const written = await sendRaw(
      url,
      `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    const [head = '', body = ''] = written.split('\r\n\r\n');

    expect(head).toMatch(/^HTTP\/1\.1 431 /);
    expect(head).toMatch(/\r\nx-request-id: [0-9a-f-]{36}\r\n/);
    expect(JSON.parse(body)).toEqual({ code: 'invalid_request', message: expect.any(String) });
  });

  it('answers CONNECT with a readable 404 not_found and a request id, then closes', async () => {
    const { url } = await start();

    const written = await sendRaw(
      url,
      `CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\nOrigin: ${PAGE}\r\n\r\n`,
    );
    const [head = '', body = ''] = written.split('\r\n\r\n');

    expect(head).toMatch(/^HTTP\/1\.1 404 Not Found\r\n/);
    expect(head).toMatch(/\r\nx-request-id: [0-9a-f-]{36}\r\n/);
    expect(head).toContain(`\r\naccess-control-allow-origin: ${PAGE}\r\n`);
    expect(JSON.parse(body)).toEqual({ code: 'not_found', message: expect.any(String) });
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
  });

  it('refuses a save nested deeper than 64 levels with 422 invalid_configuration', async () => {
    const { url, state } = await start();
    const depth = 30_000;
    const metadata = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const fields = `"productId":"${SEED.products.lamp}","productVersion":"2.0.1","variant":{}`;

    const response = await fetch(`${url}/api/configurations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SEED.demoToken}`, origin: PAGE },
      body: `{${fields},"metadata":${metadata}}`,
    });

    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      code: 'invalid_configuration',
      errors: [{ key: 'body' }],
    });
    expect(response.headers.get('x-request-id')).not.toBeNull();
    expect(state.configurations()).toEqual([]);
  });

  it.each([
    ['a batch of events with a length', '/api/analytics/events', { 'content-length': '104857600' }],
    ['a save sent in chunks', '/api/configurations', {}],
  ])(
    'stops reading %s past 64 KiB, answers 413 payload_too_large and closes the connection',
    async (_name, path, lengthHeaders) => {
      const { url } = await start();

      const answer = await send(url, {
        method: 'POST',
        path,
        headers: { authorization: `Bearer ${SEED.demoToken}`, origin: PAGE, ...lengthHeaders },
        sent: 256 * 1024,
      });

      expect(answer.status).toBe(413);
      expect(answer.body).toMatchObject({ code: 'payload_too_large', maxBytes: 65_536 });
      expect(answer.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(answer.headers['access-control-allow-origin']).toBe(PAGE);
      expect(answer.headers.connection).toBe('close');
      await answer.closed;
    },
    3000,
  );
});
