/**
 * The one way the client talks HTTP to the server. Every answer is checked against its schema from
 * @hearth/shared before the UI sees it, and every expected failure comes back as a value
 * (`{ ok: false, error }`), never as a thrown exception, so pages can show a calm message.
 */
import type { Static, TSchema } from 'typebox';
import {
  ErrorBodySchema,
  check,
  describeMismatch,
  pathTo,
  successSchemas,
  type HttpRoute,
  type PathParamNames,
  type PathParams,
  type RouteAnswer,
  type RouteMethod,
} from '@hearth/shared';
import { networkError, unexpectedResponse, type ClientError } from './errors';

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ClientError };

async function send(method: RouteMethod, path: string, body: unknown): Promise<Response | null> {
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  };
  // Only send a JSON content type when there is a body: an empty JSON body is a 400 on the server.
  if (body !== undefined) {
    init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  try {
    return await fetch(path, init);
  } catch {
    return null;
  }
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** When a failing answer has no proper error body (a proxy page, say), still say something useful. */
function fallbackError(status: number): ClientError {
  if (status === 401) return { code: 'unauthenticated', message: 'Please sign in again.' };
  if (status === 429) return { code: 'rate_limited', message: 'Too many attempts just now. Please wait a moment and try again.' };
  return { code: 'internal_error', message: 'Something went wrong on our side. Please try again in a moment.' };
}

async function failure(response: Response): Promise<{ ok: false; error: ClientError }> {
  const json = await readJson(response);
  if (check(ErrorBodySchema, json)) return { ok: false, error: json.error };
  return { ok: false, error: fallbackError(response.status) };
}

type Params<R extends HttpRoute> = [PathParamNames<R['path']>] extends [never] ? { params?: undefined } : { params: PathParams<R> };
type Body<R extends HttpRoute> = R['body'] extends TSchema ? { body: Static<R['body']> } : { body?: undefined };
/** What a call of the route needs: its path parameters and its body, each only when the route has them. */
export type CallInput<R extends HttpRoute> = Params<R> & Body<R>;
type OptionalWhenEmpty<R extends HttpRoute> = [PathParamNames<R['path']>] extends [never] ? (R['body'] extends TSchema ? [CallInput<R>] : [CallInput<R>?]) : [CallInput<R>];

/**
 * Calls a route of the shared table (`HttpRoutes`): the path is built from its pattern and the answer is
 * checked against the route's own response schemas, so the client never spells a path or picks a schema.
 *
 *   call(HttpRoutes.groupAgenda, { params: { groupId } })
 */
export async function call<R extends HttpRoute>(route: R, ...[input]: OptionalWhenEmpty<R>): Promise<ApiResult<RouteAnswer<R>>> {
  const path = pathTo(route, (input?.params ?? {}) as PathParams<R>);
  const response = await send(route.method, path, input?.body);
  if (!response) return { ok: false, error: networkError };
  if (!response.ok) return failure(response);
  if (response.status === 204 && 204 in route.response) return { ok: true, value: null as RouteAnswer<R> };
  const json = await readJson(response);
  const schemas = successSchemas(route);
  if (schemas.some((schema) => check(schema, json))) return { ok: true, value: json as RouteAnswer<R> };
  console.warn(`Unexpected answer from ${route.method} ${path}: ${describeMismatch(schemas[0] ?? ErrorBodySchema, json)}`);
  return { ok: false, error: unexpectedResponse };
}
