import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A key and a self-signed certificate, in PEM. */
export interface Certificate {
  key: string;
  cert: string;
}

/**
 * Makes a throwaway self-signed certificate with the openssl CLI, valid for one day. Chromium
 * runs with `--ignore-certificate-errors`, so its names do not matter; nothing is kept on disk.
 */
export async function makeCertificate(): Promise<Certificate> {
  const dir = await mkdtemp(join(tmpdir(), 'configurator-embed-cert-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');

  try {
    await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=configurator-embed harness',
      '-keyout',
      key,
      '-out',
      cert,
    ]);

    return { key: await readFile(key, 'utf8'), cert: await readFile(cert, 'utf8') };
  } catch (error) {
    throw new Error(
      'Failed to make the HTTPS harness certificate with openssl: is it installed (apt-get install -y openssl)?',
      { cause: error },
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
