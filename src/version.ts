/** The SDK's version, written in by the build; `0.0.0-dev` when running from source. */
export const version: string =
  typeof __CONFIGURATOR_EMBED_VERSION__ === 'string' ? __CONFIGURATOR_EMBED_VERSION__ : '0.0.0-dev';

declare const __CONFIGURATOR_EMBED_VERSION__: string | undefined;
