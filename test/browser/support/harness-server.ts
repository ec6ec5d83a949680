import { createServer as createHttpServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

import { makeCertificate } from './certificate';
import { harnessFile } from './harness-files';
import { HARNESS_PAGES } from './harness-pages';

/** The harness's two servers, HTTPS and plain HTTP, serving the same pages. */
export interface HarnessServer {
  httpsPort: number;
  httpPort: number;
  /**
   * Chromium's `--host-resolver-rules` that send every page address of the scenario table here:
   * ports 443 and 8443 of any host to the HTTPS server, 80 and 8080 to the HTTP one, and any
   * `*.test` name to 127.0.0.1. The page keeps the origin it was opened with.
   */
  hostRules: string;
  /** Stops both servers and drops their connections. */
  close(): Promise<void>;
}

/**
 * Starts the harness on free ports of 127.0.0.1, with a throwaway self-signed certificate.
 * Binding 443 would need root and a free port; Chromium's host mapping rewrites ports instead.
 */
export async function startHarness(): Promise<HarnessServer> {
  const certificate = await makeCertificate();
  const https = createHttpsServer(certificate, serve);
  const http = createHttpServer(serve);
  const [httpsPort, httpPort] = await Promise.all([listen(https), listen(http)]);

  return {
    httpsPort,
    httpPort,
    hostRules: [
      `MAP *:443 127.0.0.1:${httpsPort}`,
      `MAP *:8443 127.0.0.1:${httpsPort}`,
      `MAP *:80 127.0.0.1:${httpPort}`,
      `MAP *:8080 127.0.0.1:${httpPort}`,
      'MAP *.test 127.0.0.1',
    ].join(', '),
    close: async () => {
      await Promise.all([close(https), close(http)]);
    },
  };
}

function serve(request: IncomingMessage, response: ServerResponse): void {
  void answer(request, response).catch(() => {
    if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
    response.end('The harness failed to serve this file.');
  });
}

async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://harness.invalid').pathname;
  const page = HARNESS_PAGES.get(path);
  const headers = { 'cache-control': 'no-store' };

  if (path === '/favicon.ico') {
    response.writeHead(204, headers).end();
    return;
  }

  if (page !== undefined) {
    response
      .writeHead(200, {
        ...headers,
        'content-type': 'text/html; charset=utf-8',
        ...(page.csp === undefined ? {} : { 'content-security-policy': page.csp }),
      })
      .end(page.html);
    return;
  }

  const file = await harnessFile(path).catch(() => undefined);
  if (file === undefined) {
    response.writeHead(404, { ...headers, 'content-type': 'text/plain' }).end('Not found');
    return;
  }

  response.writeHead(200, { ...headers, 'content-type': file.type }).end(file.body);
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
