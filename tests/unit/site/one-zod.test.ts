import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

/** The package.json of the zod that `import 'zod'` finds from a folder, as Node and Vite resolve it. */
function zodVersionFrom(folder: string): string {
  let dir = folder;
  for (;;) {
    try {
      return JSON.parse(readFileSync(path.join(dir, 'node_modules/zod/package.json'), 'utf8'))
        .version;
    } catch {
      const up = path.dirname(dir);
      if (up === dir) throw new Error(`no zod above ${folder}`);
      dir = up;
    }
  }
}

describe('the schemas', () => {
  it('are read by one zod, Astro’s 3.x, from the ingest, the content layer and the page bundles alike', () => {
    const astroDist = path.dirname(require.resolve('astro/zod'));
    const fromAstro = zodVersionFrom(astroDist);
    // Vite bundles pages from the project's root, so a different zod hoisted there (a peer
    // dependency of one of Astro's own packages once put zod 4 there) would parse the same
    // schemas with another library than the ingest does.
    const fromRoot = zodVersionFrom(process.cwd());
    expect(fromAstro).toMatch(/^3\./);
    expect(fromRoot).toBe(fromAstro);
  });
});
