import { createElement } from './dom';
import type { ShopperMessage } from './messages';

/** The loading state: a status line a screen reader reads out. */
export function loadingView(): HTMLElement {
  const view = createElement('p', 'ce-loading', 'Loading the configurator…');

  view.setAttribute('role', 'status');

  return view;
}

/**
 * The error state: what failed and why, announced at once, with a button to try again when that
 * may help and `retry` is given. The button's listener goes when the retry's `signal` aborts.
 */
export function errorView(
  message: ShopperMessage,
  retry?: { onClick: () => void; signal: AbortSignal },
): HTMLElement {
  const view = createElement('div', 'ce-error');

  view.setAttribute('role', 'alert');
  view.append(
    createElement('p', 'ce-error-title', message.title),
    createElement('p', 'ce-error-text', message.text),
  );

  if (retry !== undefined && message.retry) {
    const button = createElement('button', 'ce-button', 'Try again');

    button.type = 'button';
    button.addEventListener('click', retry.onClick, { signal: retry.signal });
    view.append(button);
  }

  return view;
}
