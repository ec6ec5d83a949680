import { pageResponse, sendHop } from './hop';
import { FetchBlocked, describe } from './network';
import { isLoopback } from './page-context';
import { MAX_REDIRECTS, redirectedHop, settleRedirect } from './redirects';
import type { Hop, PageFetch, ResponseTainting } from './hop';
import type { Outgoing } from './network';

/**
 * Fetches `url` for the page and follows its redirects, one loop for every mode, as the Fetch
 * standard's "main fetch" and "HTTP fetch" do: each hop is checked for its scheme and mixed
 * content, takes its response tainting, is sent (with a preflight and a CORS check when it is a
 * CORS hop), and either ends the fetch or redirects it, at most 20 times.
 */
export async function followRedirects(
  page: PageFetch,
  url: URL,
  outgoing: Outgoing,
): Promise<Response> {
  let next: Hop = { url, outgoing, tainting: 'basic', nullOrigin: false };

  for (let redirects = 0; ; redirects += 1) {
    checkDestination(next.url, page.origin);
    const hop = { ...next, tainting: hopTainting(page, next) };

    const response = await sendHop(page, hop);
    const redirect = settleRedirect(page.request.redirect, response, hop.url);

    if (redirect.kind === 'none') return pageResponse(page, hop, response, redirects > 0);
    if (redirect.kind === 'settled') return redirect.response;
    if (redirects === MAX_REDIRECTS) {
      throw new FetchBlocked(
        'redirect',
        `More than ${MAX_REDIRECTS} redirects from ${describe(url)}.`,
      );
    }

    next = redirectedHop(page, hop, redirect.location, response.status);
  }
}

function checkDestination(url: URL, origin: string): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchBlocked('scheme', `${url.protocol} URLs are not fetched by this stand-in.`);
  }
  if (origin.startsWith('https:') && url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new FetchBlocked('mixed_content', `Mixed content: ${describe(url)} from an https page.`);
  }
}

// "Main fetch": basic while the hops stay on the page's origin; an http(s) URL never has the
// opaque origin, so a "null" page is same-origin with nothing.
function hopTainting(page: PageFetch, hop: Hop): ResponseTainting {
  if (hop.tainting === 'basic' && hop.url.origin === page.origin) return 'basic';

  const { mode, redirect } = page.request;
  if (mode === 'same-origin') {
    throw new FetchBlocked('mode', `Mode 'same-origin' forbids a request to ${hop.url.origin}.`);
  }
  if (mode !== 'no-cors') return 'cors';

  if (redirect !== 'follow') {
    throw new FetchBlocked(
      'mode',
      `Mode 'no-cors' to ${hop.url.origin} needs redirect mode 'follow', not '${redirect}'.`,
    );
  }

  return 'opaque';
}
