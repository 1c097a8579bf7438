import { describe, expect, test } from 'vitest';
import {
  crossModuleHandlerImports,
  elementaryCycles,
  moduleEdges,
  moduleOf,
  readServerGraph,
  type ImportGraph,
} from '../../scripts/import-graph.js';

// Issue 12: dependencies between server modules point one way (capabilities -> rooms -> realtime ->
// protocol), and a handler file is a module's own business. Read from the real import graph, types
// included (a type is a dependency too), with the same code `npm run structure` reports from.

const graph = readServerGraph(process.cwd());
const show = (cycles: string[][]) => cycles.map((c) => [...c, c[0]].join(' -> '));

describe('the server import graph', () => {
  test('is read from the real tree (so the rules below cannot pass on an empty graph)', () => {
    expect(graph.files).toContain('server/src/modules/rooms/rooms.handlers.ts');
    expect(graph.files).toContain('server/src/realtime/socket-server.ts');
    expect(graph.edges.length).toBeGreaterThan(100);
    expect(new Set(graph.files.map(moduleOf).filter(Boolean)).size).toBeGreaterThan(15);
  });

  test('has no cycle between server modules (capabilities, realtime, plugins, db, lib)', () => {
    expect(show(elementaryCycles(moduleEdges(graph)))).toEqual([]);
  });

  test('has no handler file imported from another module (only the composition root wires handlers)', () => {
    expect(crossModuleHandlerImports(graph).map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  test('every module has a front door, and other modules import it only through that door', () => {
    const modules = [...new Set(graph.files.map(moduleOf).filter((m): m is string => !!m))];
    const doorOf = (m: string) => graph.files.find((f) => moduleOf(f) === m && /^server\/src\/(modules\/[^/]+|[^/]+)\/index\.ts$/.test(f));
    expect(modules.filter((m) => !doorOf(m))).toEqual([]);
    const pastTheDoor = graph.edges.filter((e) => {
      const [a, b] = [moduleOf(e.from), moduleOf(e.to)];
      return a !== undefined && b !== undefined && a !== b && e.to !== doorOf(b);
    });
    expect(pastTheDoor.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  test('realtime depends on no capability: the composition root hands it the handlers', () => {
    const realtimeDeps = [...(moduleEdges(graph).get('realtime') ?? [])].sort();
    expect(realtimeDeps.filter((m) => graph.files.some((f) => f.startsWith(`server/src/modules/${m}/`)))).toEqual([]);
  });

  test('rooms depends on no capability except recipients: gates and join facts are handed to it', () => {
    const isCapability = (m: string) => graph.files.some((f) => f.startsWith(`server/src/modules/${m}/`));
    const roomsDeps = [...(moduleEdges(graph).get('rooms') ?? [])].filter(isCapability).sort();
    expect(roomsDeps).toEqual(['recipients']);
  });
});

describe('the checks themselves', () => {
  // A small graph drawn by hand, so a broken checker cannot make the tests above pass vacuously.
  const file = (module: string, name: string) => `server/src/modules/${module}/${name}.ts`;
  const drawn: ImportGraph = {
    files: [file('rooms', 'rooms.handlers'), file('rooms', 'presence-events'), file('floor', 'floor-control'), file('floor', 'floor.handlers')],
    edges: [
      { from: file('rooms', 'rooms.handlers'), to: file('floor', 'floor-control'), typeOnly: false },
      { from: file('floor', 'floor-control'), to: file('rooms', 'presence-events'), typeOnly: true },
      { from: file('rooms', 'rooms.handlers'), to: file('floor', 'floor.handlers'), typeOnly: false },
      { from: 'server/src/app.ts', to: file('floor', 'floor.handlers'), typeOnly: false },
    ],
    lines: new Map(),
  };

  test('find a cycle, even one closed only by a type import', () => {
    expect(show(elementaryCycles(moduleEdges(drawn)))).toEqual(['floor -> rooms -> floor']);
  });

  test('find a handler file imported from another module, but not from the composition root', () => {
    expect(crossModuleHandlerImports(drawn).map((e) => e.from)).toEqual([file('rooms', 'rooms.handlers')]);
  });
});
