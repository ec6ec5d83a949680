import type { Page } from 'playwright-core';

/** What a page complained about while it was watched, collected as it happened. */
export interface PageWatch {
  /** Content-Security-Policy violations the page reported, as `directive blocked-uri`. */
  violations: string[];
  /** Console errors and uncaught exceptions, as text. */
  errors: string[];
}

const REPORT = 'reportSecurityPolicyViolation';

/** The page's window, with the binding `exposeFunction` added. */
type WatchedWindow = Record<string, (text: string) => Promise<void>>;

/**
 * Watches a page from before its first script: `securitypolicyviolation` events (listened to by
 * an init script, to which the page's own policy does not apply), console errors and uncaught
 * exceptions. Call it before the page is opened; what it saw stays readable after it closes.
 */
export async function watchPage(page: Page): Promise<PageWatch> {
  const watch: PageWatch = { violations: [], errors: [] };

  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => watch.errors.push(`uncaught: ${error.message}`));

  await page.exposeFunction(REPORT, (text: string) => {
    watch.violations.push(text);
  });
  await page.addInitScript((report: string) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const send = (window as unknown as WatchedWindow)[report];
      void send?.(`${event.effectiveDirective} ${event.blockedURI}`);
    });
  }, REPORT);

  return watch;
}
