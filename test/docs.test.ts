import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every .ts file under `dir`, as a path from the repository root. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('pointers in the code and the README', () => {
  it('every src/… file a comment points at exists', () => {
    const missing: string[] = [];
    for (const file of sourceFiles('src')) {
      for (const [path] of readFileSync(file, 'utf8').matchAll(/\bsrc\/[\w/.-]+\.ts\b/g)) {
        if (!existsSync(path)) missing.push(`${file}: ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the README\'s layout names every folder of src/', () => {
    const readme = readFileSync('README.md', 'utf8');
    const layout = readme.slice(readme.indexOf('Layout'), readme.indexOf('## License'));
    const folders = readdirSync('src', { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `src/${e.name}/`);
    const unnamed = folders.filter((name) => !layout.includes(name));
    expect(unnamed).toEqual([]);
  });
});
