import type { AstroIntegration } from 'astro';
import { summarizePageLines } from '../lib/page-log.ts';

/**
 * Shortens the build log to one count of pages per route (src/lib/page-log.ts). `astro build
 * --verbose` keeps Astro's line for every page.
 */
export default function pageLog(): AstroIntegration {
  let restore: (() => void) | null = null;
  return {
    name: 'parallax-page-log',
    hooks: {
      'astro:build:start': ({ logger }) => {
        // The integration's logger shares its options with Astro's own, so its destination is theirs.
        const options = logger.options;
        if (options.level === 'debug') return;
        const original = options.dest;
        const summary = summarizePageLines(original);
        options.dest = summary;
        restore = () => {
          summary.flush();
          options.dest = original;
        };
      },
      'astro:build:generated': () => {
        restore?.();
        restore = null;
      },
    },
  };
}
