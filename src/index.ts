/**
 * configurator-embed: a browser SDK that puts a product configurator on a retailer's page with a
 * public access token.
 */

export { createClient } from './client/create-client';
export type { Client } from './client/create-client';
export type { CallOptions, ClientOptions, SaveOptions } from './client/options';
export type { ConfiguratorApi } from './client/configurator-api';
export type { ConfigurationsApi } from './client/configurations-api';
export { readSharedConfiguration, shareUrl, SHARE_PARAMETER } from './client/share-link';
export type { Analytics, AnalyticsOptions, AnalyticsStats, EventContext } from './analytics/types';

export { ConfiguratorError, isConfiguratorError } from './errors/configurator-error';
export type { ErrorDetails } from './errors/configurator-error';
export {
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
} from './errors/classes';
export type { FieldProblem } from './errors/classes';
export {
  isAuthError,
  isCorsError,
  isNetworkError,
  isNotFoundError,
  isPermissionError,
  isPrivateTokenError,
  isRateLimitError,
  isResponseError,
  isServerError,
  isTimeoutError,
  isUsageError,
  isValidationError,
} from './errors/guards';
export type { ConfiguratorErrorName } from './errors/guards';

export type {
  Attribute,
  AttributeOption,
  AttributeType,
  Configuration,
  ConfigurationInput,
  ConfiguratorDefinition,
  EventProperties,
  RgbColor,
  Rule,
  Variant,
  VariantValue,
} from './platform/types';

export { mount } from './embed/mount';
export type {
  ChangeDetail,
  Embed,
  EmbedEventMap,
  EmbedEventName,
  ErrorDetail,
  ErrorPhase,
  LoadDetail,
  MountOptions,
  Price,
  SaveDetail,
  SelectStyle,
} from './embed/options';

export { version } from './version';
