import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { importsOf } from '../../../scripts/import-graph.js';

/**
 * The room client is split into parts (client/src/features/room/<part>/), each with its hooks beside
 * its components and a front door (index.ts). This reads the real import graph with the TypeScript
 * parser and keeps the shape: parts reach each other only through front doors, only in the directions
 * below (so there is no cycle), and only the session opens the room's socket.
 */
const ROOT = resolve(import.meta.dirname, '../../..');
const ROOM = 'client/src/features/room';

/** Which parts each part may use. The session is the base; parts never use the composition (room-page, room-view). */
const ALLOWED: Record<string, readonly string[]> = {
  session: [],
  media: ['session'],
  aside: ['media', 'reactions', 'session'],
  moderation: ['media', 'session'],
  distress: ['aside', 'media', 'session'],
  floor: ['media', 'session'],
  'talk-time': ['media', 'session'],
  rules: ['session'],
  participants: ['distress', 'moderation', 'media', 'session'],
  chat: ['media', 'session'],
  reactions: ['media', 'session'],
};

interface Edge { from: string; to: string; typeOnly: boolean }

function listSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listSources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const rel = (path: string) => relative(ROOT, path).split(sep).join('/');

function importsOfFile(file: string) {
  return importsOf(file, readFileSync(join(ROOT, file), 'utf8'));
}

function readGraph(): { files: string[]; edges: Edge[] } {
  const files = listSources(join(ROOT, 'client/src')).map(rel);
  const known = new Set(files);
  const edges: Edge[] = [];
  for (const file of files) {
    for (const { specifier, typeOnly } of importsOfFile(file)) {
      if (!specifier.startsWith('.')) continue;
      const base = rel(resolve(ROOT, dirname(file), specifier));
      const to = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((c) => known.has(c));
      if (to) edges.push({ from: file, to, typeOnly });
    }
  }
  return { files, edges };
}

/** The room part a file belongs to, '' for the composition at the top of features/room, undefined outside the room. */
function partOf(file: string): string | undefined {
  if (!file.startsWith(`${ROOM}/`)) return undefined;
  const rest = file.slice(ROOM.length + 1).split('/');
  return rest.length === 1 ? '' : rest[0];
}

const graph = readGraph();
const roomEdges = graph.edges.filter((e) => partOf(e.from) !== undefined);

describe('the room client, split into its parts', () => {
  test('every folder of features/room is a known part with a front door (index.ts)', () => {
    const folders = readdirSync(join(ROOT, ROOM)).filter((name) => statSync(join(ROOT, ROOM, name)).isDirectory()).sort();
    expect(folders).toEqual(Object.keys(ALLOWED).sort());
    for (const part of folders) expect(graph.files, part).toContain(`${ROOM}/${part}/index.ts`);
  });

  test('one part reaches another only through its front door', () => {
    const behind = roomEdges.filter((e) => {
      const to = partOf(e.to);
      return to !== undefined && to !== '' && to !== partOf(e.from) && e.to !== `${ROOM}/${to}/index.ts`;
    });
    expect(behind.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  test('parts use only the parts below them, never the composition (so the parts have no cycle)', () => {
    const wrong = roomEdges.filter((e) => {
      const from = partOf(e.from);
      const to = partOf(e.to);
      if (from === '' || to === undefined || from === to) return false;
      return to === '' || !ALLOWED[from!]!.includes(to);
    });
    expect(wrong.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
    // The allowed directions themselves form no cycle.
    const order: string[] = [];
    const visit = (part: string, path: string[]) => {
      expect(path, `cycle through ${part}`).not.toContain(part);
      if (order.includes(part)) return;
      for (const below of ALLOWED[part]!) visit(below, [...path, part]);
      order.push(part);
    };
    for (const part of Object.keys(ALLOWED)) visit(part, []);
  });

  test('only the room session opens the socket: nothing else in the client uses lib/socket but for its types', () => {
    const users = graph.edges.filter((e) => e.to === 'client/src/lib/socket.ts' && !e.typeOnly).map((e) => e.from);
    expect(users).toEqual([`${ROOM}/session/use-room-socket.ts`]);
  });

  test('nothing outside the room reaches into it but the lazy entry (app/lazy-room.ts loads room-page)', () => {
    const inward = graph.edges.filter((e) => partOf(e.from) === undefined && partOf(e.to) !== undefined && !e.typeOnly);
    expect(inward.map((e) => `${e.from} -> ${e.to}`)).toEqual([`client/src/app/lazy-room.ts -> ${ROOM}/room-page.tsx`]);
  });
});
