import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/** The version of the zod that `import 'zod'` finds from a module, as Node and Vite resolve it. */
function zodVersionFrom(module: string): string {
  const manifest = createRequire(module).resolve('zod/package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

describe('the schemas', () => {
  it('are read by one zod, Astro’s 3.x, from the ingest, the content layer and the page bundles alike', () => {
    const fromAstro = zodVersionFrom(createRequire(import.meta.url).resolve('astro/zod'));
    // Vite bundles pages from the project's root, so a different zod hoisted there (a peer
    // dependency of one of Astro's own packages once put zod 4 there) would parse the same
    // schemas with another library than the ingest does.
    const fromRoot = zodVersionFrom(`${process.cwd()}/package.json`);
    expect(fromAstro).toMatch(/^3\./);
    expect(fromRoot).toBe(fromAstro);
  });
});
