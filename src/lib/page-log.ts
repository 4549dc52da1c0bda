import type { AstroIntegrationLogger } from 'astro';
import { plural } from './format.ts';

/** Where Astro's logger writes its lines. */
export type LogDestination = AstroIntegrationLogger['options']['dest'];
/** One line of Astro's build log, as its logger hands it to its destination. */
export type LogEvent = Parameters<LogDestination['write']>[0];

// Colour codes, which Astro adds when it writes to a terminal.
const ANSI = /\x1b\[[0-9;]*m/g;
// "  ├─ /actors/x/index.html (+3ms)": a page that took under a second (slower ones read "(+1.20s)").
const QUICK_PAGE = /^ {2}[├└]─ \S.* \(\+\d+ms\)\s*$/;

/** Whether a log line is Astro's note of one page rendered in under a second. */
export function isQuickPageLine(event: LogEvent): boolean {
  return event.level === 'info' && QUICK_PAGE.test(event.message.replace(ANSI, ''));
}

/**
 * Wraps a log destination so that Astro's line per page becomes one count per route. At 10,000
 * articles that is 32,000 lines, which cost the build's one busy thread 2.2 s (timestamps, colours,
 * the pipe) and bury the lines a reader looks for; a page that took a second or more keeps its line.
 */
export function summarizePageLines(dest: LogDestination): LogDestination & { flush(): void } {
  let quiet = 0;
  const flush = () => {
    if (quiet === 0) return;
    dest.write({
      label: null,
      level: 'info',
      message: `  └─ ${plural(quiet, 'page')}`,
      newLine: true,
    });
    quiet = 0;
  };
  return {
    write(event) {
      if (isQuickPageLine(event)) {
        quiet++;
        return true;
      }
      flush();
      return dest.write(event);
    },
    flush,
  };
}
