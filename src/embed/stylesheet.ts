const MARK = 'data-configurator-embed-stylesheet';

/**
 * Links the embed's stylesheet into the page's head, once per page: nothing is added when the
 * page already links the same file. A `<link>` is what a strict Content-Security-Policy allows
 * (`style-src` with the file's origin, or the nonce given).
 *
 * @returns A function that removes the link again once no embed is left on the page.
 */
export function linkStylesheet(href: string | URL, nonce: string | undefined): () => void {
  // mount checked the address already.
  const url = resolveAddress(href) ?? '';
  const linked = [...document.querySelectorAll<HTMLLinkElement>('link[rel~="stylesheet"]')].some(
    (link) => link.href === url,
  );

  if (!linked) {
    const link = document.createElement('link');

    link.rel = 'stylesheet';
    link.href = url;
    link.setAttribute(MARK, '');
    if (nonce !== undefined) link.nonce = nonce;
    document.head.append(link);
  }

  return () => {
    if (document.querySelector('[data-configurator-embed]') !== null) return;

    for (const link of document.querySelectorAll(`link[${MARK}]`)) link.remove();
  };
}

/**
 * An address made whole against a base (the page's by default), or `null` when it is not a URL
 * there: `http://[` anywhere, or a relative path beside a `blob:` or `data:` script.
 */
export function resolveAddress(address: unknown, base: string = document.baseURI): string | null {
  try {
    return new URL(String(address), base).href;
  } catch {
    return null;
  }
}
