import type { Static, TSchema } from 'typebox';
import Value from 'typebox/value';

/**
 * Interpretive validation that works under a strict Content-Security-Policy (no eval), so the browser
 * can check what the server sends with the same schemas the server checks on arrival.
 */
export function check<S extends TSchema>(schema: S, value: unknown): value is Static<S> {
  return Value.Check(schema, value);
}

/** A short human description of why a value does not match, naming the first offending field. */
export function describeMismatch(schema: TSchema, value: unknown): string {
  for (const error of Value.Errors(schema, value)) {
    const where = error.instancePath === '' ? 'payload' : error.instancePath.slice(1).replaceAll('/', '.');
    return `${where}: ${error.message}`;
  }
  return 'payload does not match';
}
