import { readConfigurator } from '../platform/read-answers';
import type { ConfiguratorDefinition } from '../platform/types';
import { TimeoutError } from '../errors/classes';
import { startDeadline, throwIfAborted, untilAborted } from '../transport/abort';
import { pageOrigin } from '../transport/page-context';
import type { Transport } from '../transport/transport';
import { checkProductId } from './check-arguments';
import { checkCallOptions } from './check-call-options';
import type { CallOptions } from './options';

/** Loads product configurators. */
export interface ConfiguratorApi {
  /**
   * Loads a product's configurator: its attributes, options, prices and rules. The result is
   * frozen and shared: identical loads in flight share one request, and a loaded configurator is
   * reused for `cacheMaxAge`, then checked again with the platform, which answers `304` when it
   * has not changed.
   */
  load: (productId: string, options?: CallOptions) => Promise<ConfiguratorDefinition>;
}

interface Entry {
  definition: ConfiguratorDefinition;
  etag: string | null;
  loadedAt: number;
}

const ACTION = 'load the configurator';

/**
 * Creates the configurator API over a transport.
 *
 * Revalidation: in a page, a request that sets `If-None-Match` itself is not a simple request,
 * and the platform's preflight does not allow that header. So the SDK leaves it to the browser's
 * HTTP cache: the platform answers with `Cache-Control: no-cache` and an `ETag`, so the cache
 * sends `If-None-Match` on its own and turns the platform's `304` into the cached answer.
 * Outside a page there is no such cache and no CORS, so the SDK sends `If-None-Match` itself and
 * reuses its copy on a `304`.
 */
export function createConfiguratorApi(
  transport: Transport,
  maxAge: number,
  now: () => number = Date.now,
): ConfiguratorApi {
  const cache = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<Entry>>();

  function fetchEntry(productId: string, timeout: number | undefined): Promise<Entry> {
    const known = cache.get(productId);
    const etag = pageOrigin() === null ? (known?.etag ?? null) : null;

    return transport
      .call({
        action: ACTION,
        method: 'GET',
        path: ['api', 'products', productId, 'configurator'],
        expect: etag === null ? [200] : [200, 304],
        headers: etag === null ? {} : { 'if-none-match': etag },
        retry: 'read',
        timeout,
        read: (body, meta): Entry | undefined => {
          if (meta.status === 304 && known !== undefined) return { ...known, loadedAt: now() };

          const definition = readConfigurator(body);

          return definition === undefined
            ? undefined
            : {
                definition: deepFreeze(definition),
                etag: meta.headers.get('etag'),
                loadedAt: now(),
              };
        },
      })
      .then((entry) => {
        cache.set(productId, entry);

        return entry;
      });
  }

  async function load(productId: string, options?: CallOptions): Promise<ConfiguratorDefinition> {
    const checked = checkCallOptions(options, ACTION);
    const id = checkProductId(productId, ACTION).toLowerCase();
    const known = cache.get(id);
    throwIfAborted(checked.signal);

    if (known !== undefined && now() - known.loadedAt < maxAge) return known.definition;

    let shared = inFlight.get(id);
    if (shared === undefined) {
      shared = fetchEntry(id, checked.timeout).finally(() => inFlight.delete(id));
      // Every caller may have left by the time it fails; its failure is theirs, not the page's.
      shared.catch(() => undefined);
      inFlight.set(id, shared);
    }

    // This caller's own signal and timeout end its wait, never the load others share.
    const { signal, timeout } = checked;
    const wait = startDeadline(
      signal,
      timeout,
      timeout === undefined
        ? undefined
        : new TimeoutError(`Failed to ${ACTION}: no answer within ${timeout} ms`, timeout),
    );

    try {
      return (await untilAborted(shared, wait.signal)).definition;
    } finally {
      wait.done();
    }
  }

  return { load };
}

/** Freezes a parsed answer and everything in it, without recursion, however deep it is. */
function deepFreeze<T>(value: T): T {
  const pending: unknown[] = [value];

  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next !== 'object' || next === null || Object.isFrozen(next)) continue;

    Object.freeze(next);
    pending.push(...Object.values(next as Record<string, unknown>));
  }

  return value;
}
