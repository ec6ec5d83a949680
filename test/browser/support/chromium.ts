import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type BrowserContext } from 'playwright-core';

/** Where Debian's Chromium is; `CHROMIUM_PATH` points elsewhere. Never a downloaded browser. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** How to get Chromium on Debian, as the messages about a missing one say. */
export const INSTALL_COMMAND = 'apt-get install -y chromium';

/** The flags TOOLCHAIN.md gives for Debian's Chromium under playwright-core. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Whether Chromium is installed where the browser tests look for it. */
export function chromiumInstalled(): boolean {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);

    return true;
  } catch {
    return false;
  }
}

/** A running Chromium with its own throwaway profile. */
export interface Chromium {
  context: BrowserContext;
  /** Closes the browser and deletes its profile. */
  close(): Promise<void>;
}

/** What a browser is started with besides the usual flags. */
export interface LaunchOptions {
  /** `--host-resolver-rules`: which host names and ports go where. */
  hostRules?: string;
}

/**
 * Starts Debian's Chromium through playwright-core with a fresh profile in a temporary folder.
 * Self-signed certificates are accepted, since the harness makes its own.
 *
 * @example
 * const browser = await launchChromium({ hostRules: 'MAP *.test 127.0.0.1' });
 * try { … } finally { await browser.close(); }
 */
export async function launchChromium(options: LaunchOptions = {}): Promise<Chromium> {
  const profile = await mkdtemp(join(tmpdir(), 'configurator-embed-chromium-'));
  const args = [...FLAGS, '--ignore-certificate-errors'];

  if (options.hostRules !== undefined) args.push(`--host-resolver-rules=${options.hostRules}`);

  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args,
      timeout: 30_000,
    });

    return {
      context,
      close: async () => {
        await context.close().catch(() => undefined);
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}
