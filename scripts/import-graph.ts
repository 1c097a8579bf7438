import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The real import graph of server/src, read with the TypeScript parser (so `import type` and
 * `import { type X }` are told apart from imports of values). Used by `npm run structure` and by the
 * import-graph test, so the figures in the note and the rule the test enforces are the same code.
 *
 * A "module" is one directory under server/src/modules/ (a capability: rooms, floor, ...) or one of the
 * layers directly under server/src (realtime, plugins, db, lib). Files directly in server/src (app.ts,
 * services.ts, ...) are the composition root: they wire everything and belong to no module.
 */
export interface ImportEdge {
  from: string;
  to: string;
  /** Only types cross this edge: nothing runs because of it. */
  typeOnly: boolean;
}

export interface ImportGraph {
  /** Paths relative to the repository root, with forward slashes. */
  files: string[];
  edges: ImportEdge[];
  lines: Map<string, number>;
}

export const SERVER_SRC = 'server/src';

export function readServerGraph(repoRoot: string): ImportGraph {
  const root = resolve(repoRoot);
  const files = listTs(join(root, SERVER_SRC)).map((f) => toRel(root, f));
  const known = new Set(files);
  const edges: ImportEdge[] = [];
  const lines = new Map<string, number>();
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    lines.set(file, text.split('\n').length - (text.endsWith('\n') ? 1 : 0));
    for (const { specifier, typeOnly } of importsOf(file, text)) {
      if (!specifier.startsWith('.')) continue;
      const target = toRel(root, resolve(root, dirname(file), specifier)).replace(/\.js$/, '.ts');
      const resolved = known.has(target) ? target : known.has(`${target}/index.ts`) ? `${target}/index.ts` : undefined;
      if (resolved) edges.push({ from: file, to: resolved, typeOnly });
    }
  }
  return { files, edges, lines };
}

/** The module a file belongs to, or undefined for the composition root (files directly in server/src). */
export function moduleOf(file: string): string | undefined {
  const rest = file.slice(SERVER_SRC.length + 1).split('/');
  if (rest.length === 1) return undefined;
  if (rest[0] === 'modules') return rest[1];
  return rest[0];
}

export function isHandlerFile(file: string): boolean {
  return file.endsWith('.handlers.ts');
}

/** Module-to-module dependencies (any import, types included: a type is a dependency too). */
export function moduleEdges(graph: ImportGraph, only?: (module: string) => boolean): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const { from, to } of graph.edges) {
    const a = moduleOf(from);
    const b = moduleOf(to);
    if (!a || !b || a === b) continue;
    if (only && (!only(a) || !only(b))) continue;
    if (!out.has(a)) out.set(a, new Set());
    out.get(a)!.add(b);
  }
  return out;
}

/** Every elementary cycle of a small directed graph, each once, starting at its smallest name. */
export function elementaryCycles(adjacency: Map<string, Set<string>>): string[][] {
  const nodes = [...new Set([...adjacency.keys(), ...[...adjacency.values()].flatMap((s) => [...s])])].sort();
  const cycles: string[][] = [];
  for (const start of nodes) {
    const path = [start];
    const onPath = new Set(path);
    const walk = (node: string) => {
      for (const next of [...(adjacency.get(node) ?? [])].sort()) {
        if (next === start) cycles.push([...path]);
        else if (next > start && !onPath.has(next)) {
          path.push(next);
          onPath.add(next);
          walk(next);
          onPath.delete(next);
          path.pop();
        }
      }
    };
    walk(start);
  }
  return cycles;
}

/** Imports of a handler file from a file in another module (the composition root may wire handlers). */
export function crossModuleHandlerImports(graph: ImportGraph): ImportEdge[] {
  return graph.edges.filter((e) => isHandlerFile(e.to) && moduleOf(e.from) !== undefined && moduleOf(e.from) !== moduleOf(e.to));
}

/** Files reached from `start` by following value imports (what runs when it runs), `start` excluded. */
export function reachedFrom(graph: ImportGraph, start: string): string[] {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const e of graph.edges) {
      if (e.from === file && !e.typeOnly && !seen.has(e.to)) {
        seen.add(e.to);
        queue.push(e.to);
      }
    }
  }
  seen.delete(start);
  return [...seen].sort();
}

/** The file that registers the `room:join` command. */
export function roomJoinHandlerFile(repoRoot: string, graph: ImportGraph): string | undefined {
  return graph.files.find((f) => /onCommand\([^)]*'room:join'/.test(readFileSync(join(repoRoot, f), 'utf8')));
}

/** A file's static and dynamic imports (and re-exports), each marked whether it loads only types. */
export function importsOf(fileName: string, text: string): { specifier: string; typeOnly: boolean }[] {
  const kind = fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const found: { specifier: string; typeOnly: boolean }[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!named && named.length > 0 && named.every((e) => e.isTypeOnly)));
      found.push({ specifier: statement.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const named = statement.exportClause && ts.isNamedExports(statement.exportClause) ? statement.exportClause.elements : undefined;
      const typeOnly = statement.isTypeOnly || (!!named && named.length > 0 && named.every((e) => e.isTypeOnly));
      found.push({ specifier: statement.moduleSpecifier.text, typeOnly });
    }
  }
  // Dynamic imports load values.
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) found.push({ specifier: arg.text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function listTs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listTs(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function toRel(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
