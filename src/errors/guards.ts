import { isConfiguratorError } from './configurator-error';
import type {
  AuthError,
  CorsError,
  NetworkError,
  NotFoundError,
  PermissionError,
  PrivateTokenError,
  RateLimitError,
  ResponseError,
  ServerError,
  TimeoutError,
  UsageError,
  ValidationError,
} from './classes';

interface ErrorsByName {
  UsageError: UsageError;
  CorsError: CorsError;
  AuthError: AuthError;
  PermissionError: PermissionError;
  PrivateTokenError: PrivateTokenError;
  NotFoundError: NotFoundError;
  ValidationError: ValidationError;
  RateLimitError: RateLimitError;
  TimeoutError: TimeoutError;
  NetworkError: NetworkError;
  ServerError: ServerError;
  ResponseError: ResponseError;
}

/** The `name` of every error class the SDK has. */
export type ConfiguratorErrorName = keyof ErrorsByName;

function guard<Name extends ConfiguratorErrorName>(name: Name) {
  return (value: unknown): value is ErrorsByName[Name] =>
    isConfiguratorError(value) && value.name === name;
}

/** Tells whether a value is a {@link UsageError} from any copy of the SDK. */
export const isUsageError = guard('UsageError');

/** Tells whether a value is a {@link CorsError} from any copy of the SDK. */
export const isCorsError = guard('CorsError');

/** Tells whether a value is an {@link AuthError} from any copy of the SDK. */
export const isAuthError = guard('AuthError');

/** Tells whether a value is a {@link PermissionError} from any copy of the SDK. */
export const isPermissionError = guard('PermissionError');

/** Tells whether a value is a {@link PrivateTokenError} from any copy of the SDK. */
export const isPrivateTokenError = guard('PrivateTokenError');

/** Tells whether a value is a {@link NotFoundError} from any copy of the SDK. */
export const isNotFoundError = guard('NotFoundError');

/** Tells whether a value is a {@link ValidationError} from any copy of the SDK. */
export const isValidationError = guard('ValidationError');

/** Tells whether a value is a {@link RateLimitError} from any copy of the SDK. */
export const isRateLimitError = guard('RateLimitError');

/** Tells whether a value is a {@link TimeoutError} from any copy of the SDK. */
export const isTimeoutError = guard('TimeoutError');

/** Tells whether a value is a {@link NetworkError} from any copy of the SDK. */
export const isNetworkError = guard('NetworkError');

/** Tells whether a value is a {@link ServerError} from any copy of the SDK. */
export const isServerError = guard('ServerError');

/** Tells whether a value is a {@link ResponseError} from any copy of the SDK. */
export const isResponseError = guard('ResponseError');
