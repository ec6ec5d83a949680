import type { Access } from './authenticate';
import type { Reply } from './reply';
import type { OwnedToken, PlatformState } from './types';

/** What an endpoint gets to answer a request that passed the token checks. */
export interface RouteContext {
  state: PlatformState;
  request: Request;
  /** The path's parameters, decoded, in order. */
  params: string[];
  token: OwnedToken;
}

/** One endpoint of the platform. */
export interface Route {
  method: 'GET' | 'POST' | 'DELETE';
  /** The path's segments after `/api`; a segment `:name` is a parameter. */
  path: readonly string[];
  access: Access;
  handle(context: RouteContext): Reply | Promise<Reply>;
}

/**
 * Finds the route for a request's method and path segments (after `/api`).
 *
 * @returns The route and its parameters, or `null` when none fits.
 */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  segments: readonly string[],
): { route: Route; params: string[] } | null {
  for (const route of routes) {
    if (route.method !== method || route.path.length !== segments.length) {
      continue;
    }

    const params: string[] = [];
    const fits = route.path.every((part, index) => {
      const segment = segments[index] ?? '';

      if (part.startsWith(':')) {
        params.push(segment);

        return segment !== '';
      }

      return part === segment;
    });

    if (fits) {
      return { route, params };
    }
  }

  return null;
}

/**
 * Splits and decodes the part of a path after `/api`.
 *
 * @returns The segments, or `null` when one is not valid percent-encoding.
 */
export function pathSegments(rest: string): string[] | null {
  const parts = rest.split('/').slice(1);

  try {
    return parts.map((part) => decodeURIComponent(part));
  } catch {
    return null;
  }
}
