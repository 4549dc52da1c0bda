import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * Builds the site once for every browser test, with the real pipeline: ingest → astro build →
 * Pagefind. Set PARALLAX_SKIP_BUILD=1 to reuse a dist/ built a moment ago.
 */
export default function setup(): void {
  if (process.env.PARALLAX_SKIP_BUILD === '1') return;
  const root = path.resolve(import.meta.dirname, '../..');
  execFileSync('npm', ['run', 'build', '--silent'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env },
  });
}
