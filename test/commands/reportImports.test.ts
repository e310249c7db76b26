import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every module src/cli.ts loads at start-up: static imports and re-exports, followed through
 * src/, type-only imports left out (TypeScript erases them) and dynamic import() not followed.
 */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      const target = m[1];
      if (target.startsWith('.')) visit(normalize(join(dirname(file), target.replace(/\.js$/, '.ts'))));
      else packages.add(target.startsWith('@') ? target.split('/').slice(0, 2).join('/') : target.split('/')[0]);
    }
  };
  visit(normalize('src/cli.ts'));
  return { files, packages };
}

describe('start-up imports of the CLI', () => {
  it('leave out vega, vega-lite and resvg, which the report command loads only when it draws', () => {
    const { files, packages } = staticGraph('src/cli.ts');
    expect(files.has(normalize('src/commands/report.ts'))).toBe(true);
    expect(files.has(normalize('src/report/render.ts'))).toBe(false);
    expect(files.has(normalize('src/report/reportRender.ts'))).toBe(false);
    for (const heavy of ['vega', 'vega-lite', '@resvg/resvg-js']) expect(packages.has(heavy), heavy).toBe(false);
    expect(packages.has('commander')).toBe(true);
  });
});
