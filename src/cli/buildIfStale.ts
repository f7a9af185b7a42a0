import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Sources the PWA is built from; a change to any of them makes dist/ stale. */
const INPUTS = ['index.html', 'vite.config.ts', 'package.json', 'src/client', 'src/domain', 'src/protocol', 'public'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Whether dist/ is missing or older than its sources. */
export function isBuildStale(root: string): boolean {
  const built = join(root, 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return INPUTS.some((p) => newestMtime(join(root, p)) > builtAt);
}

/**
 * Builds the PWA with Vite when dist/ is stale. A deployment installed without dev dependencies
 * has no Vite; it then serves the dist/ it shipped with.
 */
export async function buildIfStale(root: string, log: (line: string) => void): Promise<void> {
  if (!isBuildStale(root)) return;
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    if (existsSync(join(root, 'dist', 'index.html'))) return;
    throw new Error('The app is not built and Vite is not installed: run `npm install` first.');
  }
  log('Building the app (first start or sources changed)…');
  await vite.build({ root, logLevel: 'warn' });
}
