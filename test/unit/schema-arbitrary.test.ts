import fc from 'fast-check';
import { Compile } from 'typebox/compile';
import { describe, expect, it } from 'vitest';
import { ClientCommands } from '@hearth/shared';
import { arbitraryFor, type JsonSchema } from '../support/schema-arbitrary.js';

// The fuzzer and the authorisation matrix send these as "valid" payloads: they must be valid, or a
// refusal would be the payload check speaking instead of the role check.
describe('schema arbitraries', () => {
  it.each(Object.keys(ClientCommands) as (keyof typeof ClientCommands)[])('%s: every generated payload passes the server schema', (name) => {
    const schema = ClientCommands[name].payload;
    const validator = Compile(schema);
    fc.assert(fc.property(arbitraryFor(schema as JsonSchema), (payload) => validator.Check(payload)), { numRuns: 50 });
  });

  it('refuses a schema keyword it cannot honour', () => {
    expect(() => arbitraryFor({ type: 'tuple-of-dreams' })).toThrow(/no generator/);
  });
});
