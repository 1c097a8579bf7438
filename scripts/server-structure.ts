// `npm run structure`: the server's shape in the figures issue 12's "Done when" asks for, read from the
// real import graph (scripts/import-graph.ts, the same code the import-graph test uses). A table for
// people, then one JSON line for comparing runs. The duplicates figure comes from the `duplicates`
// command where this machine has it (null elsewhere).
import { execFileSync } from 'node:child_process';
import {
  crossModuleHandlerImports,
  elementaryCycles,
  moduleEdges,
  moduleOf,
  reachedFrom,
  readServerGraph,
  roomJoinHandlerFile,
} from './import-graph.js';

const root = process.cwd();
const graph = readServerGraph(root);
const isCapability = (m: string) => graph.files.some((f) => f.startsWith(`server/src/modules/${m}/`));
const capabilityCycles = elementaryCycles(moduleEdges(graph, isCapability));
const allCycles = elementaryCycles(moduleEdges(graph));
const [largestFile, largestLines] = [...graph.lines].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
const joinFile = roomJoinHandlerFile(root, graph);
const joinReach = joinFile ? reachedFrom(graph, joinFile) : [];
const handlerImports = crossModuleHandlerImports(graph);
const duplicatePairs = countDuplicates();

const rows: [string, string | number][] = [
  ['server files', graph.files.length],
  ['server modules', new Set(graph.files.map(moduleOf).filter(Boolean)).size],
  ['cycles between capability modules (server/src/modules/*)', capabilityCycles.length],
  ['cycles between all server modules (with realtime, plugins, db, lib)', allCycles.length],
  ['largest server file', `${largestFile} (${largestLines} lines)`],
  [`files room:join reaches (value imports from ${joinFile ?? '?'})`, joinReach.length],
  ['handler files imported from another module', handlerImports.length],
  ['duplicates pairs (whole tree, `duplicates`)', duplicatePairs ?? 'n/a'],
];
const width = Math.max(...rows.map(([k]) => k.length));
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
for (const cycle of capabilityCycles) console.log(`  capability cycle: ${[...cycle, cycle[0]].join(' -> ')}`);
for (const cycle of allCycles.slice(0, 5)) console.log(`  cycle: ${[...cycle, cycle[0]].join(' -> ')}`);
if (allCycles.length > 5) console.log(`  (+${allCycles.length - 5} more cycles)`);
for (const e of handlerImports) console.log(`  handler import: ${e.from} -> ${e.to}`);
console.log(
  JSON.stringify({
    capabilityCycles: capabilityCycles.length,
    allModuleCycles: allCycles.length,
    largestFile,
    largestFileLines: largestLines,
    roomJoinFile: joinFile ?? null,
    roomJoinReaches: joinReach.length,
    crossModuleHandlerImports: handlerImports.length,
    duplicatePairs,
  }),
);

function countDuplicates(): number | null {
  try {
    const out = execFileSync('duplicates', ['--most', '1', '--repo', root], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const match = /^(\d+) pairs/m.exec(out) ?? (/^no duplicates/m.test(out) ? ['', '0'] : null);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}
