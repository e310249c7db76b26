import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Every src/**.ts whose compiled dist/src/**.js is missing or older than it. */
export function staleSources(dir = join(root, 'src')): string[] {
  const stale: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) stale.push(...staleSources(path));
    else if (entry.name.endsWith('.ts')) {
      const built = join(root, 'dist', relative(root, path)).replace(/\.ts$/, '.js');
      if (!existsSync(built) || statSync(built).mtimeMs < statSync(path).mtimeMs) stale.push(relative(root, path));
    }
  }
  return stale;
}

/**
 * Vitest global setup: worker threads and the CLI tests load dist/, so the build must be the
 * current source. `npm test` builds first; a direct `npx vitest` on edited sources rebuilds
 * here instead of silently testing a stale dist/.
 */
export default function setup(): void {
  if (staleSources().length === 0) return;
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });
  const still = staleSources();
  if (still.length > 0) throw new Error(`dist/ is older than ${still.join(', ')} after tsc; run npm run build.`);
}
