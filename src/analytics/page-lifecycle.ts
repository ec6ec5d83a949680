/** The parts of a page analytics listens to; absent outside a browser. */
export interface PageEnvironment {
  window: EventTarget;
  document: (EventTarget & { visibilityState?: string }) | undefined;
  /** False while the browser says it is offline (`navigator.onLine`), read at each call. */
  online(): boolean;
}

/** What analytics does as the page's life goes on. */
export interface PageHandlers {
  /** The page is hidden, and may never be shown again: send what fits and store the rest. */
  hidden: () => void;
  /** The page is being left (or put in the back-forward cache): release the stored queue. */
  leaving: () => void;
  /** The page is shown again from the back-forward cache. */
  returned: () => void;
  /** The browser went offline. */
  offline: () => void;
  /** The browser came back online. */
  online: () => void;
}

/** The page this code runs in, or `undefined` outside a browser (server-side rendering). */
export function currentPage(): PageEnvironment | undefined {
  const scope = globalThis as {
    window?: unknown;
    document?: PageEnvironment['document'];
    navigator?: { onLine?: unknown };
  };
  const target = scope.window as Partial<EventTarget> | undefined;

  if (typeof target?.addEventListener !== 'function') return undefined;

  return {
    window: target as EventTarget,
    document: scope.document,
    online: () => (globalThis as typeof scope).navigator?.onLine !== false,
  };
}

/**
 * Listens to the page's life: `visibilitychange`, `pagehide`, `pageshow`, `offline` and
 * `online`. Never `unload` or `beforeunload`, which keep a page out of the back-forward cache.
 *
 * @returns A function that removes every listener it added.
 */
export function watchPage(page: PageEnvironment | undefined, handlers: PageHandlers): () => void {
  if (page === undefined) return () => undefined;

  const listeners: Array<[EventTarget | undefined, string, (event: Event) => void]> = [
    [
      page.document,
      'visibilitychange',
      () => {
        if (page.document?.visibilityState === 'hidden') handlers.hidden();
      },
    ],
    [page.window, 'pagehide', handlers.leaving],
    [
      page.window,
      'pageshow',
      (event) => {
        if ((event as Event & { persisted?: boolean }).persisted === true) handlers.returned();
      },
    ],
    [page.window, 'offline', handlers.offline],
    [page.window, 'online', handlers.online],
  ];

  for (const [target, type, listener] of listeners) target?.addEventListener(type, listener);

  return () => {
    for (const [target, type, listener] of listeners) target?.removeEventListener(type, listener);
  };
}
