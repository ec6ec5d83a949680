import { ValidationError } from '../errors/classes';
import type { ConfiguratorError } from '../errors/configurator-error';
import { isNetworkError } from '../errors/guards';
import type { AnalyticsEvent, EventProperties } from '../platform/types';
import type { Transport } from '../transport/transport';
import { checkEvent } from './check-event';
import { copyInput, type CopiedInput } from './copy-input';
import { ANALYTICS_DEFAULTS } from './defaults';
import { createDelivery } from './delivery';
import type { DeliveryCounters } from './delivery-types';
import { eventId } from './event-id';
import { LOSS_EVENT_TYPE, makeEvent } from './make-event';
import { currentPage, watchPage, type PageEnvironment } from './page-lifecycle';
import { createQueue } from './queue';
import { createLossLedger } from './loss-ledger';
import { createQueueSync } from './queue-sync';
import { systemScheduler, type Scheduler } from './scheduler';
import { resolveSession } from './session';
import { openQueueStore } from './stored-queue';
import { hashToken } from './token-hash';
import type { Analytics, AnalyticsOptions, EventContext } from './types';
import { pageStorage, type StorageArea } from './web-storage';

/** What analytics needs from the client that owns it. */
export interface AnalyticsDependencies {
  transport: Transport;
  /** The client's token: only its hash is used, to name storage keys. */
  token: string;
  options: AnalyticsOptions;
  /** Hands a failure no caller awaits to the client's `onError`. */
  report: (error: ConfiguratorError) => void;
  /** Timers and clock; the page's own by default. */
  scheduler?: Scheduler;
  /** The page; the current one by default, `undefined` outside a browser. */
  page?: PageEnvironment | undefined;
  /** Storage areas; the page's own by default, none outside a browser. */
  storage?: StorageAreas;
}

/** The storage areas analytics keeps its queue (`local`) and its session (`session`) in. */
export interface StorageAreas {
  local: StorageArea | undefined;
  session: StorageArea | undefined;
}

/** A client's analytics, with what only the client itself uses. */
export interface ClientAnalytics extends Analytics {
  /** Tracks one of the SDK's own events, unless the `sdkEvents` option is off. */
  sdkEvent(type: string, properties?: EventProperties, context?: EventContext): void;
  /**
   * A call failed in a way no analytics request can get past either (a refused origin, a revoked
   * or private token): stops sending for good, as a refusal of its own would, but without telling
   * `onError`, since the call's caller has the error already.
   */
  stop(error: ConfiguratorError): void;
  /**
   * Sends what it can, then stops: timers and listeners go, and what is left waits in storage
   * for the next client of this token.
   */
  destroy(): Promise<void>;
}

/**
 * Creates a client's analytics: a bounded queue, kept in `localStorage` per token, sent in
 * batches by a delivery that retries what may pass and stops on what cannot, and sent with
 * `keepalive` when the page is left. Listeners and timers start here, none at import.
 */
export function createAnalytics(deps: AnalyticsDependencies): ClientAnalytics {
  const options = { ...ANALYTICS_DEFAULTS, ...deps.options };
  const scheduler = deps.scheduler ?? systemScheduler;
  const page = 'page' in deps ? deps.page : currentPage();
  // No storage outside a page unless given one, and none at all when `persist` is off.
  const areas: Partial<StorageAreas> =
    options.persist && (page !== undefined || deps.storage !== undefined)
      ? (deps.storage ?? {
          local: pageStorage('localStorage'),
          session: pageStorage('sessionStorage'),
        })
      : {};
  const tokenHash = hashToken(deps.token);
  const session = resolveSession(areas.session, tokenHash);
  const queue = createQueue(options.maxQueue);
  const counters: DeliveryCounters = { sent: 0, dropped: 0, retried: 0 };
  const losses = createLossLedger(counters);
  let destroyed = false;

  const delivery = createDelivery({
    queue,
    transport: deps.transport,
    scheduler,
    counters,
    losses,
    options,
    online: () => page?.online() !== false,
    changed: () => {
      sync.soon();
    },
    stopped: () => {
      sync.now();
    },
    report: deps.report,
    reportLoss(count) {
      queue.putFirst(event(LOSS_EVENT_TYPE, { count }, undefined));
    },
  });

  const sync = createQueueSync({
    store: areas.local && openQueueStore(areas.local, tokenHash, eventId()),
    queue,
    losses,
    scheduler,
    canAdopt: () => delivery.blocked === undefined,
    adopted: delivery.send,
  });

  const unwatch = watchPage(page, {
    hidden() {
      delivery.leave();
      sync.now();
    },
    leaving() {
      delivery.leave();
      sync.release();
      delivery.pause();
    },
    returned() {
      sync.hold();
      delivery.resume();
    },
    offline: delivery.offline,
    online: delivery.online,
  });

  function event(
    type: string,
    properties: EventProperties | undefined,
    context: EventContext | undefined,
  ): AnalyticsEvent {
    return makeEvent(type, session.id, scheduler.now(), properties, context);
  }

  function track(type: string, properties?: EventProperties, context?: EventContext): void {
    try {
      // Read once, then checked and sent as read: a getter that changes its answer later
      // changes nothing, and an event that passed the check is sent with the value checked.
      let input: CopiedInput;
      try {
        input = copyInput(properties, context);
      } catch (cause) {
        deps.report(unreadableEvent(type, cause));

        return;
      }

      const invalid = checkEvent(type, input.properties, input.context);
      if (invalid !== undefined) {
        deps.report(invalid);

        return;
      }

      if (delivery.blocked !== undefined) {
        counters.dropped += 1;

        return;
      }

      const checked = input as { properties?: EventProperties; context?: EventContext };
      const evicted = queue.push(event(type, checked.properties, checked.context));
      if (evicted !== undefined) losses.evicted([evicted]);
      sync.soon();
      delivery.queued();
    } catch (error) {
      // A bug here must never reach the page that only wanted to count something.
      deps.report(error as ConfiguratorError);
    }
  }

  async function destroy(): Promise<void> {
    if (destroyed) return;

    destroyed = true;

    // What cannot go now stays in storage; only a new kind of failure is worth a report.
    await delivery.flush().catch((error: unknown) => {
      const known = error === delivery.blocked || isNetworkError(error);
      if (!known) deps.report(error as ConfiguratorError);
    });

    delivery.close();
    unwatch();
    sync.close();
  }

  sync.claimOrphans();
  if (session.isNew && options.sdkEvents) track('session_start');

  return {
    track,
    flush: delivery.flush,
    stats: () => ({ queued: queue.size, ...counters }),
    stop(error) {
      // After destroy, what is left waits in storage: it is no longer this client's to drop.
      if (!destroyed) delivery.halt(error);
    },
    sdkEvent(type, properties, context) {
      // A call that settles after destroy has nowhere to send its event.
      if (options.sdkEvents && !destroyed) track(type, properties, context);
    },
    destroy,
  };
}

/**
 * The error for an event whose properties or context threw when read (a getter, a Proxy trap).
 * The page's error goes as `cause` only: its message could hold anything.
 */
function unreadableEvent(type: unknown, cause: unknown): ValidationError {
  // The type is not checked yet: anything but a string could throw when made text.
  const name = typeof type === 'string' ? `"${type}"` : 'an event';
  const message = `Failed to track ${name}: reading its properties or context threw.`;

  return new ValidationError('invalid_event', message, [], { cause });
}
