import type { EmbedEventMap, EmbedEventName, MountOptions } from './options';

type DetailOf<Name extends EmbedEventName> = EmbedEventMap[Name]['detail'];

/** The callbacks `mount` takes: `onLoad` hears `configurator:load`, and so on. */
const CALLBACKS = ['onLoad', 'onChange', 'onSave', 'onError'] as const;

/** Dispatches one of the embed's events on the element it was mounted on; it bubbles. */
export function emit<Name extends EmbedEventName>(
  element: HTMLElement,
  name: Name,
  detail: DetailOf<Name>,
): void {
  element.dispatchEvent(new CustomEvent(name, { detail, bubbles: true }));
}

/**
 * Hears the events with the callbacks given to `mount`. The callbacks are ordinary listeners:
 * one that throws is reported as the page's own error, and never stops the embed.
 */
export function listenWithCallbacks(
  element: HTMLElement,
  options: MountOptions,
  signal: AbortSignal,
): void {
  for (const option of CALLBACKS) {
    const callback = options[option] as ((detail: unknown) => void) | undefined;

    if (callback === undefined) continue;

    element.addEventListener(
      `configurator:${option.slice(2).toLowerCase()}`,
      (event) => {
        callback((event as CustomEvent).detail);
      },
      { signal },
    );
  }
}
