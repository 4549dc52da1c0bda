import { describe, expect, it } from 'vitest';
import { isQuickPageLine, summarizePageLines, type LogEvent } from '../../../src/lib/page-log.ts';

const info = (message: string, label: string | null = null): LogEvent => ({
  label,
  level: 'info',
  message,
  newLine: true,
});

/** Runs events through the summary and returns the messages that reach the real destination. */
function written(events: LogEvent[]): string[] {
  const out: string[] = [];
  const summary = summarizePageLines({ write: (e) => (out.push(e.message), true) });
  for (const event of events) summary.write(event);
  summary.flush();
  return out;
}

describe('the build log', () => {
  it.each([
    ['a page rendered in milliseconds', '  ├─ /actors/x/index.html (+3ms) ', true],
    ['the last page of a route', '  └─ /index.html (+12ms)', true],
    [
      'a page line in colour',
      '  \x1b[34m├─\x1b[39m \x1b[2m/a/index.html\x1b[22m \x1b[2m(+5ms)\x1b[22m ',
      true,
    ],
    ['a page that took over a second', '  ├─ /slow/index.html (+1.20s) ', false],
    [
      'a page Astro did not write',
      '  ├─ /empty/index.html (+2ms) (file not created, response body was empty)',
      false,
    ],
    ['a route heading', '▶ src/pages/actors/[id].astro', false],
    ['a summary of the build', '24531 page(s) built in 99.57s', false],
  ])('tells %s (%j): counted %s', (_, message, counted) => {
    expect(isQuickPageLine(info(message))).toBe(counted);
  });

  it('never counts a warning, whatever it says', () => {
    expect(isQuickPageLine({ ...info('  ├─ /a/index.html (+3ms)'), level: 'warn' })).toBe(false);
  });

  it('replaces the quick pages of each route with their count, before the next line', () => {
    expect(
      written([
        info('▶ src/pages/a.astro'),
        info('  ├─ /a/1/index.html (+2ms)'),
        info('  ├─ /a/2/index.html (+3ms)'),
        info('  ├─ /a/3/index.html (+2.50s)'),
        info('  └─ /a/4/index.html (+1ms)'),
        info('▶ src/pages/b.astro'),
        info('  └─ /b/index.html (+1ms)'),
        info('✓ Completed in 914ms.'),
      ]),
    ).toEqual([
      '▶ src/pages/a.astro',
      '  └─ 2 pages',
      '  ├─ /a/3/index.html (+2.50s)',
      '  └─ 1 page',
      '▶ src/pages/b.astro',
      '  └─ 1 page',
      '✓ Completed in 914ms.',
    ]);
  });

  it('writes the count of the last route when it is flushed, and only once', () => {
    const out: string[] = [];
    const summary = summarizePageLines({ write: (e) => (out.push(e.message), true) });
    summary.write(info('▶ src/pages/c.astro'));
    summary.write(info('  └─ /c/index.html (+4ms)'));
    expect(out).toEqual(['▶ src/pages/c.astro']);
    summary.flush();
    summary.flush();
    expect(out).toEqual(['▶ src/pages/c.astro', '  └─ 1 page']);
    expect(written([info('▶ src/pages/d.astro')])).toEqual(['▶ src/pages/d.astro']);
  });
});
