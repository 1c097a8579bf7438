import fc from 'fast-check';

/**
 * A fast-check arbitrary of values that match a JSON schema, for the subset TypeBox emits for Hearth's
 * wire schemas (objects, strings with length and pattern, integers and numbers with bounds, booleans,
 * null, const, enum, anyOf, arrays). Generating from the shared schemas, not from hand-written
 * examples, means a new command or field is fuzzed the day it is added. An unknown keyword throws, so
 * a schema this cannot honour fails loudly instead of producing values the server would refuse.
 */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
}

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-';

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  // Long strings are the mutator's job; valid ones stay short so runs spend their time on the server.
  const maxLength = Math.min(schema.maxLength ?? 80, 80);
  if (schema.pattern === '^[A-Za-z0-9_-]+$') {
    return fc.string({ unit: fc.constantFrom(...ID_CHARS), minLength: Math.max(1, minLength), maxLength });
  }
  const plain = fc.string({ minLength, maxLength });
  if (schema.pattern === undefined) return plain;
  const pattern = new RegExp(schema.pattern);
  // '\S' and similar "not blank" patterns: prefix a visible character, then trim to the bounds.
  return fc
    .tuple(fc.constantFrom('a', 'Z', '7', 'é', '✓'), plain)
    .map(([head, rest]) => (head + rest).slice(0, Math.max(1, maxLength)))
    .filter((value) => value.length >= minLength && pattern.test(value));
}

export function arbitraryFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map(arbitraryFor));
  switch (schema.type) {
    case 'object': {
      const properties = schema.properties ?? {};
      const record = Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, arbitraryFor(value)]));
      return fc.record(record, { requiredKeys: schema.required ?? [] });
    }
    case 'array':
      return fc.array(arbitraryFor(schema.items ?? {}), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 5, 5) });
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      throw new Error(`schema-arbitrary: no generator for ${JSON.stringify(schema).slice(0, 120)}`);
  }
}
