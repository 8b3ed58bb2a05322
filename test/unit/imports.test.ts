// The import graph of the desk's own code (type-only imports included, as they bind modules
// together just the same): no import circle anywhere, and the layers import only downwards —
// shared components never from a panel, reports never from the server, shared never from main
// or the renderer, and only main/electron imports electron or electron-store.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SOURCES = ['main', 'shared', 'renderer/src'];
const IMPORT = /^\s*(?:import|export)\s([^'"]*?)from\s+['"]([^'"]+)['"]|^\s*import\s+()['"]([^'"]+)['"]|import\(()\s*['"]([^'"]+)['"]\s*\)/gm;
/** `import type …` / `export type …`: gone at run time, so it cannot make a loading circle. */
const typeOnly = (clause: string) => /^type\s/.test(clause.trim());

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : files(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** A relative specifier ('./x.js') as the source file it names, or null for a package. */
function resolveImport(from: string, spec: string, known: Set<string>): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec).replace(/\.js$/, '');
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((c) => known.has(c)) ?? null;
}

const all = SOURCES.flatMap((s) => files(join(ROOT, s)));
const known = new Set(all);
const packages = new Map<string, string[]>();
/** Every import, type-only ones included; and those that load a module at run time. */
const graph = new Map<string, string[]>();
const runtime = new Map<string, string[]>();
for (const file of all) {
  const found = [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => ({ clause: m[1] ?? m[3] ?? m[5] ?? '', spec: m[2] ?? m[4] ?? m[6]! }));
  packages.set(file, found.map((f) => f.spec).filter((s) => !s.startsWith('.')));
  const local = found.map((f) => ({ ...f, target: resolveImport(file, f.spec, known) })).filter((f): f is typeof f & { target: string } => f.target !== null);
  graph.set(file, local.map((f) => f.target));
  runtime.set(file, local.filter((f) => !typeOnly(f.clause)).map((f) => f.target));
}
const rel = (f: string) => relative(ROOT, f);

/** Strongly connected components of more than one module (Tarjan), or a module importing itself. */
function circles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const on = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        component.push(rel(w));
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return found;
}

const importsFrom = (fromDir: string, toDir: string) =>
  [...graph].flatMap(([file, targets]) => (rel(file).startsWith(fromDir) ? targets.filter((t) => rel(t).startsWith(toDir)).map((t) => `${rel(file)} → ${rel(t)}`) : []));

it(`finds every module of ${SOURCES.join(', ')} (the test reads what it checks)`, () => {
  expect(all.length).toBeGreaterThan(300);
  expect(graph.get(join(ROOT, 'main/cli/index.ts'))).toContain(join(ROOT, 'main/cli/commands.ts'));
});

it('has no import circle at run time', () => {
  expect(circles(runtime)).toEqual([]);
});

it('has none of the circles named in issue 10, types included', () => {
  const named = [
    ['main/cli/commands.ts', 'main/cli/export.ts'],
    ['main/reports/pdf-document.ts', 'main/reports/receipt-pdf.ts'],
  ];
  const all = circles(graph);
  for (const pair of named) expect(all.filter((c) => pair.every((f) => c.includes(f)))).toEqual([]);
});

it('imports only downwards between layers', () => {
  expect(importsFrom('renderer/src/components/', 'renderer/src/panels/')).toEqual([]);
  expect(importsFrom('main/reports/', 'main/server/')).toEqual([]);
  expect(importsFrom('main/rules/', 'main/server/')).toEqual([]);
  expect(importsFrom('shared/', 'main/')).toEqual([]);
  expect(importsFrom('shared/', 'renderer/')).toEqual([]);
  expect(importsFrom('main/', 'renderer/')).toEqual([]);
  expect(importsFrom('renderer/', 'main/')).toEqual([]);
});

it('keeps electron and electron-store inside main/electron', () => {
  const outside = [...packages].filter(([file, specs]) => !rel(file).startsWith('main/electron/') && specs.some((s) => /^electron(-store)?(\/|$)/.test(s)));
  expect(outside.map(([file]) => rel(file))).toEqual([]);
});
