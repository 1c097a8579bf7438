/**
 * The one way a field's limits are read (the client's forms and messages): read from the shared schema the server checks, so a
 * form's maxLength or message can never disagree with what the server accepts. TypeBox keeps the limits
 * on its schema objects (JSON Schema keywords) without typing them, so they are read here and nowhere else.
 *
 *   maxLengthOf(CreateGroupBodySchema, 'name')          // 80
 *   limitOf(SaveAgendaBodySchema, 'maxItems', 'phases') // 12
 *
 * A path step names an object property; arrays are stepped into with 'items', and a union (a field that
 * may be null, say) is searched branch by branch. A limit that is not there throws when the module loads,
 * so a schema change that drops one fails the unit tests rather than silently removing the check.
 */
import type { TSchema } from 'typebox';

export type LimitKeyword = 'maxLength' | 'minLength' | 'minimum' | 'maximum' | 'maxItems' | 'minItems';

interface SchemaNode {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  [keyword: string]: unknown;
}

function find(node: SchemaNode, keyword: LimitKeyword, path: readonly string[]): number | undefined {
  if (node.anyOf) {
    for (const branch of node.anyOf) {
      const found = find(branch, keyword, path);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  const [step, ...rest] = path;
  if (step === undefined) return typeof node[keyword] === 'number' ? (node[keyword] as number) : undefined;
  const next = step === 'items' ? node.items : node.properties?.[step];
  return next ? find(next, keyword, rest) : undefined;
}

/** The schema's `keyword` limit at `path` (property names, 'items' for an array's elements). */
export function limitOf(schema: TSchema, keyword: LimitKeyword, ...path: string[]): number {
  const found = find(schema as unknown as SchemaNode, keyword, path);
  if (found === undefined) throw new Error(`No ${keyword} in the schema at ${path.join('.') || '(root)'}`);
  return found;
}

export const maxLengthOf = (schema: TSchema, ...path: string[]) => limitOf(schema, 'maxLength', ...path);
export const minLengthOf = (schema: TSchema, ...path: string[]) => limitOf(schema, 'minLength', ...path);
