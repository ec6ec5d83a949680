/** How a harness page loads the SDK. */
export type Build = 'script-tag' | 'module';

/** One page the harness serves. */
export interface HarnessPage {
  html: string;
  /** The `Content-Security-Policy` header it is served with, if any. */
  csp?: string;
}

/**
 * A strict policy: scripts only from the page's own origin (so no inline script and no eval),
 * connections only to local platforms, and nothing else at all.
 */
export const STRICT_CSP =
  "default-src 'none'; script-src 'self'; connect-src http://localhost:*; base-uri 'none'; " +
  "form-action 'none'";

const HARNESS_SCRIPT = '/ts/test/browser/harness/page.ts';

function document(build: Build, title: string, head: string): string {
  return [
    '<!doctype html>',
    `<html lang="en" data-build="${build}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${title}</title>`,
    head,
    `<script type="module" src="${HARNESS_SCRIPT}"></script>`,
    '</head>',
    '<body></body>',
    '</html>',
  ].join('\n');
}

const SCRIPT_TAG = '<script src="/sdk/configurator-embed.min.js"></script>';

/** The harness pages by path. Each defines `window.harness` once the SDK is loaded. */
export const HARNESS_PAGES: ReadonlyMap<string, HarnessPage> = new Map([
  ['/script-tag.html', { html: document('script-tag', 'Script tag', SCRIPT_TAG) }],
  [
    '/module.html',
    {
      html: document(
        'module',
        'ES module',
        '<script type="importmap">{ "imports": { "ky": "/ky/index.js" } }</script>',
      ),
    },
  ],
  [
    '/csp.html',
    { html: document('script-tag', 'Script tag under a strict CSP', SCRIPT_TAG), csp: STRICT_CSP },
  ],
  [
    // The control for the CSP test: the same policy must report this page's inline script.
    '/csp-inline.html',
    {
      html: document(
        'script-tag',
        'An inline script under a strict CSP',
        `${SCRIPT_TAG}\n<script>document.title = 'inline script ran';</script>`,
      ),
      csp: STRICT_CSP,
    },
  ],
]);
