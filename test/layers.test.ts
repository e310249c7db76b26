import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

function sources(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/**
 * The project files a source imports at run time (`import … from './x.js'`). `import type` is
 * left out: it is erased at build time, and type-level cycles (a command naming cli.ts's Run
 * type, the ingest record types) are still there, to go with the model layer of issue #15.
 */
function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)(?! type\b)\b[^;]*?\bfrom '(\.{1,2}\/[^']+)\.js';/gms)].map((m) => resolve(dirname(file), m[1] + '.ts'));
}

const graph = new Map(sources().map((f) => [f, imports(f)]));
const name = (f: string) => relative(SRC, f);

describe('layers point down', () => {
  it('no analysis, facts, stats, model or ingest module imports the report layer', () => {
    const upward = [...graph].flatMap(([f, deps]) => (/^(analysis|facts|stats|model|ingest)\//.test(name(f)) ? deps.filter((d) => name(d).startsWith('report/')).map((d) => `${name(f)} → ${name(d)}`) : []));
    expect(upward).toEqual([]);
  });

  it('no ingest, facts, stats or model module imports the analysis layer, not even a type', () => {
    const upward = sources().flatMap((f) => {
      if (!/^(ingest|facts|stats|model)\//.test(name(f))) return [];
      const text = readFileSync(f, 'utf8');
      const specifiers = [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom '(\.{1,2}\/[^']+)\.js';/gms)].map((m) => resolve(dirname(f), m[1] + '.ts'));
      return specifiers.filter((d) => name(d).startsWith('analysis/')).map((d) => `${name(f)} → ${name(d)}`);
    });
    expect(upward).toEqual([]);
  });

  it('the model imports nothing outside src/model/, not even a type', () => {
    const outside = sources(join(SRC, 'model')).flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      const specifiers = [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom '([^']+)';/gms)].map((m) => m[1]!);
      return specifiers.filter((s) => !s.startsWith('./')).map((s) => `${name(f)} → ${s}`);
    });
    expect(outside).toEqual([]);
  });

  it('no run-time import cycle in src/', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].map(name).join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const d of graph.get(f) ?? []) if (graph.has(d)) visit(d, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of [...graph.keys()].sort()) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
