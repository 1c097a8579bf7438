import fc from 'fast-check';
import { ClientCommands, type ClientCommandName } from '@hearth/shared';
import { arbitraryFor, type JsonSchema } from '../schema-arbitrary.js';

/**
 * What the socket fuzzer sends: a command from the protocol's one list, with a payload generated from its
 * own schema (so a new command is fuzzed the day it is added), ids swapped for ones the server really
 * issued (so handlers get past "no such thing"), and then often broken on purpose. Seeded, so a run that
 * finds something can be repeated.
 */

export const commandNames = Object.keys(ClientCommands) as ClientCommandName[];

/** A small, fast, seeded PRNG (mulberry32): fast-check samples up front, this picks and breaks per command. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

/** Valid payloads per command, sampled once from the schema. */
export function validPayloadPool(seed: number, perCommand = 120): Record<ClientCommandName, unknown[]> {
  return Object.fromEntries(
    commandNames.map((name, i) => [name, fc.sample(arbitraryFor(ClientCommands[name].payload as JsonSchema), { numRuns: perCommand, seed: seed + i })]),
  ) as Record<ClientCommandName, unknown[]>;
}

/** Ids the server handed out (participants, alerts, rules, proposals, nudges), harvested from what came back. */
export class IdPool {
  private readonly ids: string[] = [];
  private readonly seen = new Set<string>();

  add(id: unknown): void {
    if (typeof id !== 'string' || id.length > 64 || this.seen.has(id) || !/^[A-Za-z0-9_-]+$/.test(id)) return;
    this.seen.add(id);
    this.ids.push(id);
    if (this.ids.length > 4000) this.seen.delete(this.ids.shift() as string);
  }

  /** Every string under a key `id` or `…Id` (and in `…Ids` arrays), anywhere in a payload. */
  harvest(value: unknown, depth = 0): void {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'id' || key.endsWith('Id')) this.add(inner);
      else if (key.endsWith('Ids') && Array.isArray(inner)) inner.forEach((id) => this.add(id));
      else this.harvest(inner, depth + 1);
    }
  }

  pick(rng: Rng): string | undefined {
    return this.ids.length ? pick(rng, this.ids) : undefined;
  }
}

/** Replaces generated ids with real ones most of the time, so handlers run rather than answer not_found. */
export function withRealIds(payload: unknown, ids: IdPool, rng: Rng): unknown {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return payload;
  const out: Record<string, unknown> = { ...(payload as Record<string, unknown>) };
  for (const [key, value] of Object.entries(out)) {
    if ((key.endsWith('Id') || key === 'id') && typeof value === 'string' && rng() < 0.85) out[key] = ids.pick(rng) ?? value;
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) out[key] = value.map((v) => (rng() < 0.85 ? (ids.pick(rng) ?? v) : v));
  }
  return out;
}

/** How a command was broken before sending. `valid` is not broken at all. */
export const Mutations = [
  'valid', 'drop_field', 'extra_field', 'wrong_type', 'long_string', 'oversized', 'not_an_object', 'no_payload', 'no_ack',
  'extra_args', 'deep_nesting', 'prototype_keys', 'binary', 'huge_array', 'unknown_event',
] as const;
export type Mutation = (typeof Mutations)[number];

/** Weighted: most commands are valid or nearly valid, so the handlers behind the payload check are reached. */
const weights: [Mutation, number][] = [
  ['valid', 58], ['drop_field', 5], ['extra_field', 5], ['wrong_type', 6], ['long_string', 4], ['oversized', 0.15],
  ['not_an_object', 4], ['no_payload', 2], ['no_ack', 2], ['extra_args', 2], ['deep_nesting', 2], ['prototype_keys', 3],
  ['binary', 2], ['huge_array', 1.5], ['unknown_event', 3],
];
const totalWeight = weights.reduce((sum, [, w]) => sum + w, 0);

export function pickMutation(rng: Rng): Mutation {
  let at = rng() * totalWeight;
  for (const [mutation, weight] of weights) if ((at -= weight) < 0) return mutation;
  return 'valid';
}

const oddValues = (rng: Rng): unknown => pick(rng, [null, 0, -1, 1e308, -0, true, '', ' ', '\u0000', '🙂'.repeat(50), [], {}, [null], { a: { b: {} } }, 'x'.repeat(300)]);

function deep(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { nested: value };
  return value;
}

export interface Outgoing {
  event: string;
  /** The arguments before the ack. */
  args: unknown[];
  ack: boolean;
  mutation: Mutation;
}

/** Breaks a valid payload the way `mutation` says. */
export function mutate(event: ClientCommandName, payload: unknown, mutation: Mutation, rng: Rng): Outgoing {
  const object = (payload ?? {}) as Record<string, unknown>;
  const keys = Object.keys(object);
  const key = keys.length ? pick(rng, keys) : 'field';
  const send = (args: unknown[], ack = true, name: string = event): Outgoing => ({ event: name, args, ack, mutation });
  switch (mutation) {
    case 'valid': return send([payload]);
    case 'drop_field': { const { [key]: _dropped, ...rest } = object; return send([rest]); }
    case 'extra_field': return send([{ ...object, [pick(rng, ['role', 'sessionId', 'participantId', 'to', 'admin', 'x'])]: oddValues(rng) }]);
    case 'wrong_type': return send([{ ...object, [key]: oddValues(rng) }]);
    case 'long_string': return send([{ ...object, [key]: 'ʬ'.repeat(2_000 + Math.floor(rng() * 20_000)) }]);
    // Past socket.io's maxHttpBufferSize (64 KB): the server drops the connection (PV3).
    case 'oversized': return send([{ ...object, pad: 'x'.repeat(70 * 1024) }]);
    case 'not_an_object': return send([oddValues(rng)]);
    case 'no_payload': return send([]);
    case 'no_ack': return send([payload], false);
    case 'extra_args': return send([payload, oddValues(rng), oddValues(rng)]);
    case 'deep_nesting': return send([{ ...object, [key]: deep(50 + Math.floor(rng() * 400)) }]);
    // Own "__proto__" and "constructor" keys, as JSON.parse makes them (what arrives over the wire).
    case 'prototype_keys': return send([{ ...JSON.parse('{"__proto__":{"ok":true,"role":"facilitator"},"constructor":{"prototype":{"joined":true}}}'), ...object }]);
    case 'binary': return send([rng() < 0.5 ? Buffer.from('not json at all') : { ...object, [key]: Buffer.alloc(1 + Math.floor(rng() * 2048), 7) }]);
    case 'huge_array': return send([{ ...object, [key]: Array.from({ length: 2_000 + Math.floor(rng() * 3_000) }, (_, i) => `id${i}`) }]);
    case 'unknown_event': return send([payload], true, pick(rng, ['room:takeover', 'admin:grant', '__proto__', 'constructor', 'toString', 'valueOf', 'room:join ', 'x'.repeat(300), 'hasOwnProperty']));
  }
}
