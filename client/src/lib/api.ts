/**
 * The one way the client talks HTTP to the server. Every answer is checked against its schema from
 * @hearth/shared before the UI sees it, and every expected failure comes back as a value
 * (`{ ok: false, error }`), never as a thrown exception, so pages can show a calm message.
 */
import type { Static, TSchema } from 'typebox';
import { ErrorBodySchema, check, describeMismatch } from '@hearth/shared';
import { networkError, unexpectedResponse, type ClientError } from './errors';

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ClientError };

type Method = 'GET' | 'POST' | 'PUT';

async function send(method: Method, path: string, body: unknown): Promise<Response | null> {
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

/** A request whose successful answer is JSON matching `schema`. */
export async function request<S extends TSchema>(
  method: Method,
  path: string,
  schema: S,
  body?: unknown,
): Promise<ApiResult<Static<S>>> {
  const response = await send(method, path, body);
  if (!response) return { ok: false, error: networkError };
  if (!response.ok) return failure(response);
  const json = await readJson(response);
  if (check(schema, json)) return { ok: true, value: json };
  console.warn(`Unexpected answer from ${method} ${path}: ${describeMismatch(schema, json)}`);
  return { ok: false, error: unexpectedResponse };
}

/** A request whose successful answer carries nothing the client needs (e.g. 204 on sign-out). */
export async function requestNoContent(method: Method, path: string, body?: unknown): Promise<ApiResult<null>> {
  const response = await send(method, path, body);
  if (!response) return { ok: false, error: networkError };
  if (!response.ok) return failure(response);
  return { ok: true, value: null };
}
