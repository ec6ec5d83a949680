import { isConfiguratorError, type ConfiguratorError } from '../errors/configurator-error';
import type { EventProperties } from '../platform/types';
import type { EventContext } from './types';

/** Where the SDK's own events go: the client's analytics. */
export interface SdkEventSink {
  sdkEvent(type: string, properties?: EventProperties, context?: EventContext): void;
  /** Stops sending for good, silently: a call was refused as every analytics request would be. */
  stop(error: ConfiguratorError): void;
}

/**
 * True for a call's failure that every analytics request of the client would meet as well: the
 * page's origin is refused, the token is private, or the token is revoked or unknown.
 */
export function stopsAnalytics(error: ConfiguratorError): boolean {
  switch (error.name) {
    case 'CorsError':
    case 'PrivateTokenError':
      return true;
    case 'AuthError':
      return error.code === 'token_revoked' || error.code === 'token_invalid';
    default:
      return false;
  }
}

/**
 * Passes a call's result through, and tracks what happened: `onSuccess` may track an event for
 * the result, and a failure the SDK reports as a typed error is tracked as an `error` event
 * (an abort is the caller's choice, not a failure, and is not tracked). A failure that analytics
 * cannot get past either ({@link stopsAnalytics}) stops analytics first, so that nothing more is
 * sent to be refused, and the `error` event is counted as dropped.
 *
 * @example
 * ```ts
 * return observeCall(analytics, 'load the configurator', load(productId), (definition) =>
 *   analytics.sdkEvent('configurator_loaded', { version: definition.version }, { productId }),
 * );
 * ```
 */
export function observeCall<Result>(
  sink: SdkEventSink,
  action: string,
  call: Promise<Result>,
  onSuccess?: (result: Result) => void,
): Promise<Result> {
  return call.then(
    (result) => {
      onSuccess?.(result);

      return result;
    },
    (error: unknown) => {
      if (isConfiguratorError(error)) {
        if (stopsAnalytics(error)) sink.stop(error);
        sink.sdkEvent('error', {
          action,
          name: error.name,
          code: error.code,
          ...(error.status === undefined ? {} : { status: error.status }),
          ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
        });
      }

      throw error;
    },
  );
}
