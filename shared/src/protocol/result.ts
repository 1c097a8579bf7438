import type { ApiError, ErrorCode } from './errors.js';

/** Every socket command is answered with exactly one of these through its ack. */
export type Ok<T> = { ok: true } & T;
export type Fail = { ok: false; error: ApiError };
export type Result<T> = Ok<T> | Fail;

export function ok<T extends object>(value: T): Ok<T> {
  return { ok: true, ...value };
}

export function fail(code: ErrorCode, message: string): Fail {
  return { ok: false, error: { code, message } };
}
