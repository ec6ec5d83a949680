import { createElement } from './dom';

/** How long "Link copied." stays before the button reads "Copy link" again. */
const COPIED_FOR_MS = 2000;

/** The share link after a save: the link itself and a button that copies it. */
export interface SharePanel {
  readonly element: HTMLElement;
  /** Shows a link, or hides the panel for `null`. */
  readonly show: (url: string | null) => void;
}

/**
 * Makes the share panel. The link is a real link, so it can be opened, copied from the context
 * menu, or reached with the keyboard; the copy button uses the clipboard where the page may.
 * Its timer stops when `signal` aborts.
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
    copy.textContent = 'Copy link';
  };

  copy.addEventListener(
    'click',
    () => {
      // Without a clipboard (an insecure page), the link stays there to copy by hand.
      const clipboard = navigator.clipboard as Clipboard | undefined;

      clipboard?.writeText(link.href).then(
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
  signal.addEventListener('abort', reset);

  return {
    element: panel,
    show: (url) => {
      reset();
      panel.hidden = url === null;

      if (url !== null) {
        link.href = url;
        link.textContent = url;
      }
    },
  };
}
