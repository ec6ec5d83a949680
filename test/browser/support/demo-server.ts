import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** The demo as `npm start` serves it, on free ports. */
export interface DemoServer {
  /** `http://localhost:PORT/`, on the demo token's list. */
  allowed: string;
  /** `http://127.0.0.1:PORT/`, not on it. */
  refused: string;
  /** Stops the demo's process (the platform and the page server with it). */
  stop(): Promise<void>;
}

/**
 * Starts `node demo/serve.mjs`, the server behind `npm start`, with `DEMO_PORT=0` and
 * `PLATFORM_PORT=0`, and reads its two page addresses from what it prints.
 */
export function startDemo(): Promise<DemoServer> {
  const child = spawn(process.execPath, ['demo/serve.mjs'], {
    cwd: ROOT,
    env: { ...process.env, DEMO_PORT: '0', PLATFORM_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  return new Promise((resolve, reject) => {
    const fail = (reason: string): void => {
      void stop().then(() => reject(new Error(`The demo did not start: ${reason}\n${output}`)));
    };
    const timer = setTimeout(() => fail('it printed no addresses within 30 s.'), 30_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString('utf8');

      const allowed = /allowed origin:\s+(http:\/\/localhost:\d+\/)/.exec(output)?.[1];
      const refused = /refused origin:\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
      if (allowed === undefined || refused === undefined) return;

      clearTimeout(timer);
      resolve({ allowed, refused, stop });
    };

    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(`it exited with code ${code}.`);
    });
  });
}
