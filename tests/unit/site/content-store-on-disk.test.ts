import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import contentStoreOnDisk, {
  createStoreModuleSource,
  DATA_STORE_MODULE_ID,
} from '../../../src/integrations/content-store-on-disk.ts';
import { makeTempDir } from '../../helpers/temp.ts';

/** Imports a module in a plain Node process, as the prerender imports the built chunk, and describes its default export. */
function importSource(source: string): unknown {
  const file = path.join(makeTempDir('store'), 'store.mjs');
  writeFileSync(file, source);
  const script = `import(${JSON.stringify(pathToFileURL(file).href)}).then((m) => console.log(m.default instanceof Map ? '"a Map of ' + m.default.size + '"' : JSON.stringify(m.default)))`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

/** Runs the integration's setup hook as Astro would, and returns the Vite plugins it adds. */
function setUp(command: 'build' | 'dev', output: 'static' | 'server', cacheDir: string): Plugin[] {
  const plugins: Plugin[] = [];
  const hook = contentStoreOnDisk().hooks['astro:config:setup'] as (options: unknown) => void;
  hook({
    command,
    config: { output, cacheDir: pathToFileURL(`${cacheDir}/`) },
    updateConfig: (config: { vite: { plugins: Plugin[] } }) => plugins.push(...config.vite.plugins),
  });
  return plugins;
}

describe('reading the content store from its file', () => {
  it('targets the module id Astro gives its data store', async () => {
    // Astro's internal constant: if a new Astro renames it, the store would be bundled again.
    const consts = await import(
      pathToFileURL(path.resolve('node_modules/astro/dist/content/consts.js')).href
    );
    expect(consts.RESOLVED_DATA_STORE_VIRTUAL_ID).toBe(DATA_STORE_MODULE_ID);
  });

  it('gives the same value as the store file, read when the module is imported', () => {
    const dir = makeTempDir('store');
    const storeFile = path.join(dir, 'data-store.json');
    const store = [['articles', 1], { id: 'a' }];
    writeFileSync(storeFile, JSON.stringify(store));
    const source = createStoreModuleSource(storeFile);
    expect(source).not.toContain('"articles"');
    expect(importSource(source)).toEqual(store);
  });

  it('gives an empty store when the build wrote no store file, as Astro does', () => {
    const source = createStoreModuleSource(path.join(tmpdir(), 'no-such-folder', 'store.json'));
    expect(importSource(source)).toBe('a Map of 0');
  });

  it('replaces only the data store module, and only in a static build', async () => {
    const cacheDir = makeTempDir('cache');
    const [plugin] = setUp('build', 'static', cacheDir);
    const load = plugin!.load as { order: string; handler: (id: string) => string | null };
    expect(load.order).toBe('pre');
    expect(load.handler(DATA_STORE_MODULE_ID)).toContain(path.join(cacheDir, 'data-store.json'));
    expect(load.handler('/src/pages/index.astro')).toBeNull();
    expect(setUp('dev', 'static', cacheDir)).toEqual([]);
    expect(setUp('build', 'server', cacheDir)).toEqual([]);
  });
});
