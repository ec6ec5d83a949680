import { createElement } from './dom';

/** How long "Link copied." stays before the button reads "Copy link" again. */
const COPIED_FOR_MS = 2000;

/** The share link after a save: the link itself and a button that copies it. */
export interface SharePanel {
  readonly element: HTMLElement;
  show(url: string): void;
  hide(): void;
  /** Stops the panel's timer. */
  destroy(): void;
}

/**
 * Makes the share panel. The link is a real link, so it can be opened, copied from the context
 * menu, or reached with the keyboard; the copy button uses the clipboard where the page may.
 */
export function createSharePanel(signal: AbortSignal, onCopy: (url: string) => void): SharePanel {
  const panel = createElement('div', 'ce-share');
  const link = createElement('a', 'ce-share-link');
  const copy = createElement('button', 'ce-button ce-button--secondary', 'Copy link');
  let timer: ReturnType<typeof setTimeout> | undefined;

  panel.hidden = true;
  copy.type = 'button';
  panel.append(createElement('span', 'ce-share-label', 'Share link: '), link, ' ', copy);

  const reset = (): void => {
    clearTimeout(timer);
    timer = undefined;
    copy.textContent = 'Copy link';
  };

  copy.addEventListener(
    'click',
    () => {
      const clipboard = navigator.clipboard as Clipboard | undefined;

      if (clipboard === undefined) return;

      clipboard.writeText(link.href).then(
        () => {
          if (signal.aborted) return;

          reset();
          copy.textContent = 'Link copied.';
          timer = setTimeout(reset, COPIED_FOR_MS);
          onCopy(link.href);
        },
        () => {
          // The page may not write to the clipboard; the link stays there to copy by hand.
        },
      );
    },
    { signal },
  );

  return {
    element: panel,
    show(url) {
      reset();
      link.href = url;
      link.textContent = url;
      panel.hidden = false;
    },
    hide() {
      reset();
      panel.hidden = true;
    },
    destroy: reset,
  };
}
