// The harness page's script, served to Chromium transpiled as it is. It picks up the SDK as the
// page loaded it (the script tag's global, or the ESM build through the import map) and lets the
// test run one call at a time through the same `measure` as the jsdom runner.
import { measure, type SdkModule } from '../../scenarios/measure';
import type { Call, ClientInput, Outcome } from '../../scenarios/types';

/** What the harness page offers the test, as `window.harness`. */
export interface Harness {
  /** How the page loaded the SDK: `script-tag` or `module`. */
  build: string;
  /** The SDK's `version`. */
  version: string;
  /** Makes a client in the page and runs one call with it. */
  run(input: ClientInput, call: Call): Promise<Outcome>;
}

/** The harness page's window, for `page.evaluate`. */
export type HarnessWindow = Window & { harness?: Harness; ConfiguratorEmbed?: SdkModule };

// A specifier in a variable keeps the type checker from resolving a URL as a module.
const ESM_BUILD = '/sdk/index.js';

async function loadSdk(page: HarnessWindow, build: string): Promise<SdkModule> {
  if (build === 'module') return (await import(ESM_BUILD)) as SdkModule;
  if (page.ConfiguratorEmbed === undefined) {
    throw new Error('The script-tag bundle did not define window.ConfiguratorEmbed.');
  }

  return page.ConfiguratorEmbed;
}

const page = window as HarnessWindow;
const build = document.documentElement.dataset['build'] ?? 'script-tag';
const sdk = await loadSdk(page, build);

page.harness = {
  build,
  version: sdk.version,
  run: (input, call) => measure(sdk, sdk.createClient(input), call),
};
