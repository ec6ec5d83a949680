import { isConfiguratorError } from '../errors/configurator-error';
import type { EventProperties } from '../platform/types';
import type { EventContext } from './types';

/** Where the SDK's own events go: the client's analytics. */
export interface SdkEventSink {
  sdkEvent(type: string, properties?: EventProperties, context?: EventContext): void;
}

/**
 * Passes a call's result through, and tracks what happened: `onSuccess` may track an event for
 * the result, and a failure the SDK reports as a typed error is tracked as an `error` event
 * (an abort is the caller's choice, not a failure, and is not tracked).
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
