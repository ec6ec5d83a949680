import { getConfigurator } from './handlers/configurator';
import { getConfiguration, saveConfiguration } from './handlers/configurations';
import { postEvents } from './handlers/analytics';
import { createToken, listTokens, revokeToken } from './handlers/tokens';
import type { Route } from './route';

/** The platform's endpoints that take a token, as the contract lists them. */
export const ROUTES: readonly Route[] = [
  {
    method: 'GET',
    path: ['products', ':productId', 'configurator'],
    access: 'any',
    handle: getConfigurator,
  },
  { method: 'POST', path: ['configurations'], access: 'any', handle: saveConfiguration },
  { method: 'GET', path: ['configurations', ':id'], access: 'any', handle: getConfiguration },
  { method: 'POST', path: ['analytics', 'events'], access: 'any', handle: postEvents },
  { method: 'GET', path: ['accesstokens'], access: 'private', handle: listTokens },
  { method: 'POST', path: ['accesstokens'], access: 'private', handle: createToken },
  { method: 'DELETE', path: ['accesstokens', ':id'], access: 'private', handle: revokeToken },
];
