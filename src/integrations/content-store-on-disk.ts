import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** The id Astro 5 resolves `astro:data-layer-content` (its content layer's data store) to. */
export const DATA_STORE_MODULE_ID = '\0astro:data-layer-content';

/**
 * The source of a module that reads the data store file when the prerender imports it. Astro's
 * loader returns the same parsed JSON (the store's devalue form), so the runtime is unchanged.
 */
export function createStoreModuleSource(storeFile: string): string {
  return [
    `import { existsSync, readFileSync } from 'node:fs';`,
    `const file = ${JSON.stringify(storeFile)};`,
    `export default existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : new Map();`,
  ].join('\n');
}

/**
 * Keeps the content layer's data store out of the build's bundle. Astro 5 turns the whole store into
 * one JavaScript literal that Rollup parses and bundles: at 10,000 articles a 40 MB module costing
 * about 25 s and gigabytes of syntax tree on every build, changed or not. A static build renders
 * its pages on this machine right after bundling, from the store file the same build just wrote,
 * so the module can read that file instead. Server output keeps Astro's own module.
 */
export default function contentStoreOnDisk(): AstroIntegration {
  return {
    name: 'parallax-content-store-on-disk',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        if (command !== 'build' || config.output !== 'static') return;
        const storeFile = fileURLToPath(new URL('data-store.json', config.cacheDir));
        const plugin: Plugin = {
          name: 'parallax-content-store-on-disk',
          apply: 'build',
          // Ahead of Astro's own loader for the module, which would inline the store.
          load: {
            order: 'pre',
            handler: (id) =>
              id === DATA_STORE_MODULE_ID ? createStoreModuleSource(storeFile) : null,
          },
        };
        updateConfig({ vite: { plugins: [plugin] } });
      },
    },
  };
}
