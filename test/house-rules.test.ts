/**
 * The house rules a newcomer relies on, checked on the source itself: no module in src/ grows past
 * 300 lines (the composition root stays near 200), and no import circle exists between modules, type
 * imports and lazy imports included, so every dependency can be read in one direction.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');
const MAX_MODULE_LINES = 300;
const MAX_ROOT_LINES = 250;

/** Every TypeScript module under `dir` (generated migrations are SQL and JSON, not modules). */
function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return modules(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The modules under src/ that `file` imports: static, type-only, re-exported and lazily imported alike. */
function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const specifiers: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      specifiers.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(file), s).replace(/\.js$/, ''))
    .flatMap((base) => [`${base}.ts`, `${base}.tsx`].filter((candidate) => files.has(candidate)));
}

/** Each import circle once, as the modules it passes through (relative to src/). */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const walk = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        const key = [...cycle].sort().join('|');
        if (!cycles.has(key)) cycles.set(key, cycle);
      } else if (!state.has(next)) walk(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) walk(node);
  return [...cycles.values()];
}

const files = new Set(modules(SRC));
const rel = (file: string) => relative(SRC, file);

describe('house rules', () => {
  it(`keeps every module in src/ at ${MAX_MODULE_LINES} lines or fewer, and the composition root at ${MAX_ROOT_LINES}`, () => {
    const lines = (file: string) => readFileSync(file, 'utf8').split('\n').length;
    const tooLong = [...files].filter((f) => lines(f) > MAX_MODULE_LINES).map((f) => `${rel(f)}: ${lines(f)} lines`);
    expect(tooLong).toEqual([]);
    expect(lines(join(SRC, 'app', 'app-model.ts'))).toBeLessThanOrEqual(MAX_ROOT_LINES);
  });

  it('has no import circle in src/', () => {
    const graph = new Map([...files].map((f) => [f, importsOf(f)]));
    expect(findCycles(graph).map((cycle) => cycle.map(rel).join(' → '))).toEqual([]);
  });

  it('finds a circle when there is one, and none in a chain (the check itself)', () => {
    const chain = new Map([['a', ['b']], ['b', ['c']], ['c', []]]);
    const circle = new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]);
    expect(findCycles(chain)).toEqual([]);
    expect(findCycles(circle)).toEqual([['a', 'b', 'c']]);
  });
});
