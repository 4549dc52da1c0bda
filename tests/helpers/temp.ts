import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const made: string[] = [];

/**
 * Makes a new temporary folder named after its use; `tests/helpers/remove-temp.ts` removes it
 * when the test file that made it has finished, so that test runs do not fill the disk.
 */
export function makeTempDir(name: string, parent = tmpdir()): string {
  const dir = mkdtempSync(path.join(parent, `parallax-${name}-`));
  made.push(dir);
  return dir;
}

/** Removes every folder `makeTempDir` has made so far. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
