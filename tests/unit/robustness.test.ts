import {
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  closeSync,
  ftruncateSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReportTable } from '../../scripts/ingest/report.ts';
import { ingestInto, listFiles } from '../helpers/ingest.ts';
import { ROOT } from '../helpers/seeds.ts';
import { makeTempDir } from '../helpers/temp.ts';

/**
 * Every class of bad or hostile input from issue 7, each ingested beside one good article: the
 * report must account for it with a clear message, the exit status must follow the rules
 * (default: fail only when nothing was ingested; --strict: fail on any error), and the good
 * article must always be built.
 */
const BAD = path.join(ROOT, 'tests/fixtures/bad-inputs');
const GOOD_NAME = 'good-article.txt';
const GOOD = `Harbour cranes return after a long winter repair
April 14, 2025
By Ines Moreau
The three old cranes of the northern harbour went back to work on Monday after a winter of repairs that cost the port authority more than it had planned for.

Dock workers said the queue of ships outside the breakwater had grown to eleven during the last week of the repairs, and that the night shifts would continue until it was gone.

The port authority expects the new electric cranes ordered last year to arrive in the autumn, when the old ones will be kept only as a reserve.
`;

type Status = 'ok' | 'warning' | 'error' | 'skipped';

interface BadCase {
  /** The input class, as the issue names it. */
  name: string;
  /** The file name placed in the seeds folder. */
  file: string;
  /** Copies a committed fixture, or makes the input in the folder (for what cannot be committed). */
  make: { fixture: string } | ((dir: string, file: string) => void);
  status: Status;
  /** What the report's message must say, as a pattern. */
  message?: RegExp;
  /** Further checks on the built articles. */
  check?: (run: Awaited<ReturnType<typeof ingestInto>>) => void;
}

const fixture = (name: string): { fixture: string } => ({ fixture: name });
const bodyOf = (run: Awaited<ReturnType<typeof ingestInto>>, seedFile: string) =>
  run.articles.find((a) => a.data.seedFile === seedFile)?.body ?? '';

const CASES: BadCase[] = [
  {
    name: 'empty file',
    file: 'empty.txt',
    make: fixture('empty.txt'),
    status: 'error',
    message: /the file is empty/,
  },
  {
    name: 'whitespace only',
    file: 'whitespace-only.txt',
    make: fixture('whitespace-only.txt'),
    status: 'error',
    message: /no text \(only whitespace\)/,
  },
  {
    name: 'PNG image',
    file: 'png-image.txt',
    make: fixture('png-image.txt'),
    status: 'error',
    message: /PNG image, not text/,
  },
  {
    name: 'PDF document',
    file: 'pdf-document.txt',
    make: fixture('pdf-document.txt'),
    status: 'error',
    message: /PDF document, not text/,
  },
  {
    name: 'ZIP archive',
    file: 'zip-archive.txt',
    make: fixture('zip-archive.txt'),
    status: 'error',
    message: /ZIP archive/,
  },
  {
    name: 'gzip archive',
    file: 'gzip-archive.txt',
    make: fixture('gzip-archive.txt'),
    status: 'error',
    message: /gzip archive/,
  },
  {
    name: 'NUL byte in text',
    file: 'nul-byte.txt',
    make: fixture('nul-byte.txt'),
    status: 'warning',
    message: /removed 1 NUL byte/,
  },
  {
    name: 'invalid UTF-8',
    file: 'invalid-utf8.txt',
    make: fixture('invalid-utf8.txt'),
    status: 'warning',
    message: /invalid UTF-8 byte sequence was replaced/,
  },
  {
    name: 'UTF-16 with BOM',
    file: 'utf16-le-bom.txt',
    make: fixture('utf16-le-bom.txt'),
    status: 'warning',
    check: (run) =>
      expect(run.articles.map((a) => a.data.title)).toContain(
        'A page saved as UTF-16 with a byte-order mark',
      ),
  },
  {
    name: 'UTF-16 without BOM',
    file: 'utf16-be-no-bom.txt',
    make: fixture('utf16-be-no-bom.txt'),
    status: 'warning',
    check: (run) =>
      expect(run.articles.map((a) => a.data.title)).toContain(
        'A page saved as UTF-16 without a byte-order mark',
      ),
  },
  {
    name: 'Windows-1251 Cyrillic',
    file: 'windows-1251-cyrillic.txt',
    make: fixture('windows-1251-cyrillic.txt'),
    status: 'warning',
    check: (run) => {
      const article = run.articles.find((a) => a.data.seedFile === 'windows-1251-cyrillic.txt')!;
      expect(article.data.title).toBe('Совет проголосовал за закрытие угольных электростанций');
      expect(article.data.date).toBe('2025-03-12');
      expect(run.report.inputs.find((i) => i.file === 'windows-1251-cyrillic.txt')!.encoding).toBe(
        'windows-1251',
      );
    },
  },
  {
    name: 'Windows-1252',
    file: 'windows-1252-latin.txt',
    make: fixture('windows-1252-latin.txt'),
    status: 'warning',
    check: (run) =>
      expect(bodyOf(run, 'windows-1252-latin.txt')).toContain('d’ici la fin de la décennie'),
  },
  {
    name: 'a 50 MB file',
    file: 'server-log.txt',
    make: (dir, file) => {
      // A sparse file: 50 MB on paper, no disk or memory spent making it.
      const fd = openSync(path.join(dir, file), 'w');
      ftruncateSync(fd, 50 * 1024 * 1024);
      closeSync(fd);
    },
    status: 'error',
    message: /too large to be an article \(50\.0 MB; the limit is 5 MB\)/,
  },
  {
    name: 'one line of 1 MB',
    file: 'one-line.txt',
    make: (dir, file) => {
      const sentence =
        'The council voted to close the plants after a long debate about jobs and the climate. ';
      writeFileSync(
        path.join(dir, file),
        `A title for a one-line page\n${sentence.repeat(Math.ceil(1048576 / sentence.length))}`,
      );
    },
    status: 'error',
    message: /line 2 is [\d,]+ characters long, too long to be a paragraph/,
  },
  {
    name: 'no title',
    file: 'no-title.txt',
    make: fixture('no-title.txt'),
    status: 'warning',
    message: /no title shown; title made from the first sentence/,
  },
  {
    name: 'no date',
    file: 'no-date.txt',
    make: fixture('no-date.txt'),
    status: 'warning',
    message: /no publication date shown/,
  },
  {
    name: 'a date in the future',
    file: 'future-date.txt',
    make: fixture('future-date.txt'),
    status: 'warning',
    message: /publication date 2091-03-03 is in the future/,
  },
  {
    name: 'an impossible date',
    file: 'impossible-date.txt',
    make: fixture('impossible-date.txt'),
    status: 'warning',
    message: /impossible date "31\.02\.2025" ignored/,
    check: (run) =>
      expect(
        run.articles.find((a) => a.data.seedFile === 'impossible-date.txt')!.data.date,
      ).toBeNull(),
  },
  {
    name: 'only boilerplate',
    file: 'only-boilerplate.txt',
    make: fixture('only-boilerplate.txt'),
    status: 'error',
    message: /lines are site chrome \(menus, notices, links\) and none reads as running text/,
  },
  {
    name: 'a title and nothing else',
    file: 'title-only.txt',
    make: fixture('title-only.txt'),
    status: 'error',
    message: /none of its 1 line reads as running text/,
  },
  {
    name: 'a page in Russian',
    file: 'russian-page.txt',
    make: fixture('russian-page.txt'),
    status: 'warning',
    check: (run) => {
      const article = run.articles.find((a) => a.data.seedFile === 'russian-page.txt')!;
      expect(article.data.language).toBe('ru');
      expect(article.id).toBe('sovet-progolosoval-za-zakrytie-elektrostantsiy');
    },
  },
  {
    name: 'a page in Azerbaijani',
    file: 'azerbaijani-page.txt',
    make: fixture('azerbaijani-page.txt'),
    status: 'warning',
    check: (run) => {
      const article = run.articles.find((a) => a.data.seedFile === 'azerbaijani-page.txt')!;
      expect(article.data.language).toBe('az');
      expect(article.data.date).toBe('2025-03-05');
    },
  },
  {
    name: 'HTML with script, onerror, javascript: links and iframe',
    file: 'hostile-page.html',
    make: fixture('hostile-page.html'),
    status: 'warning',
    message:
      /active content \(2 <script>, 1 <iframe>, 2 event-handler attributes, 1 script link\): dropped/,
    check: (run) => {
      const body = bodyOf(run, 'hostile-page.html');
      expect(body).toContain('The regional council voted');
      expect(body).not.toMatch(
        /(?<!\\)<(script|iframe|img)|onerror=|javascript:|alert\(1\)|alert\(2\)/i,
      );
      // Text that only looks like markup is kept, escaped, so it shows as text.
      expect(body).toContain('\\<script>alert(4)\\</script>');
    },
  },
  {
    name: 'Markdown with raw HTML and a malicious link',
    file: 'hostile-markdown.md',
    make: fixture('hostile-markdown.md'),
    status: 'warning',
    check: (run) => {
      const body = bodyOf(run, 'hostile-markdown.md');
      expect(body).not.toMatch(/<script|<div|<img|onmouseover|onerror|javascript:|\]\(/i);
      const removed = run.report.inputs.find((i) => i.file === 'hostile-markdown.md')!.removed;
      expect(removed.filter((r) => r.reason.startsWith('raw HTML')).map((r) => r.line)).toEqual([
        5, 6, 8,
      ]);
    },
  },
  {
    name: 'front matter that is invalid YAML',
    file: 'invalid-yaml.md',
    make: fixture('invalid-yaml.md'),
    status: 'warning',
    message: /front matter is not valid YAML \(.+ at line \d+\): ignored/,
  },
  {
    name: 'front matter with wrong types',
    file: 'wrong-types.md',
    make: fixture('wrong-types.md'),
    status: 'warning',
    message:
      /front matter field "title": should be text, but is a number.*front matter field "date": a list is not a date.*front matter field "url": "javascript:alert\(1\)" is not an http\(s\) address/,
    check: (run) => {
      const article = run.articles.find((a) => a.data.seedFile === 'wrong-types.md')!;
      expect(article.data.title).toBe('Front matter with wrongly typed fields');
      expect(article.data.url).toBeNull();
    },
  },
  {
    name: 'a file name with spaces, Unicode and shell characters',
    file: 'it\'s a "test" $(echo x); & ünïcödé — name.txt',
    make: fixture('it\'s a "test" $(echo x); & ünïcödé — name.txt'),
    status: 'warning',
    check: (run) =>
      expect(run.articles.map((a) => a.id)).toContain(
        'a-file-name-with-spaces-unicode-and-shell-characters',
      ),
  },
  {
    name: 'a symlink loop',
    file: 'loop.txt',
    make: (dir, file) => symlinkSync(file, path.join(dir, file)),
    status: 'error',
    message: /symbolic link loop/,
  },
  {
    name: 'a broken symlink',
    file: 'broken.txt',
    make: (dir, file) => symlinkSync('nowhere.txt', path.join(dir, file)),
    status: 'error',
    message: /broken symbolic link/,
  },
  {
    name: 'a folder named like a file',
    file: 'x.txt',
    make: (dir, file) => mkdirSync(path.join(dir, file)),
    status: 'error',
    message: /is a folder named like an article file, not a file/,
  },
  {
    name: 'a hidden file',
    file: '.hidden.txt',
    make: fixture('.hidden.txt'),
    status: 'skipped',
    message: /hidden file/,
  },
  {
    name: 'a file of another type',
    file: 'notes.docx',
    make: fixture('notes.docx'),
    status: 'skipped',
    message: /not an article file \(reads \.txt/,
  },
  {
    name: 'old Mac line ends (CR only)',
    file: 'cr-only-line-ends.txt',
    make: fixture('cr-only-line-ends.txt'),
    status: 'warning',
    check: (run) =>
      expect(run.articles.map((a) => a.data.title)).toContain('Old Mac line ends only'),
  },
  {
    name: 'terminal control characters',
    file: 'control-characters.txt',
    make: fixture('control-characters.txt'),
    status: 'warning',
    check: (run) =>
      expect(bodyOf(run, 'control-characters.txt')).not.toMatch(
        /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/,
      ),
  },
  {
    name: 'an HTML page with no text',
    file: 'html-empty-body.html',
    make: fixture('html-empty-body.html'),
    status: 'error',
    message: /no article text once its markup is removed/,
  },
];

/** Makes a seeds folder holding the good article and one bad input. */
function seedsWith(bad: BadCase): string {
  const dir = makeTempDir('bad');
  writeFileSync(path.join(dir, GOOD_NAME), GOOD);
  if (typeof bad.make === 'function') bad.make(dir, bad.file);
  else copyFileSync(path.join(BAD, bad.make.fixture), path.join(dir, bad.file));
  return dir;
}

describe.each(CASES)('a bad input: $name', (bad) => {
  it('is accounted for in the report, and the good article beside it is built', async () => {
    const dir = seedsWith(bad);
    const run = await ingestInto(dir);
    const entry = run.report.inputs.find((i) => i.file === bad.file);
    expect(entry, `no report entry for ${bad.file}`).toBeDefined();
    expect(entry!.status).toBe(bad.status);
    const messages = [...entry!.problems, ...entry!.warnings].join('; ');
    if (bad.message) expect(messages).toMatch(bad.message);
    // The terminal table names the file and the problem on one line.
    if (bad.status === 'error' || bad.status === 'skipped') {
      const line = formatReportTable(run.report)
        .split('\n')
        .find((l) => l.includes(bad.file));
      expect(line).toContain(entry!.problems[0]);
    }
    expect(run.exitCode).toBe(0);
    expect(run.articles.map((a) => a.data.seedFile)).toContain(GOOD_NAME);
    expect(run.articles.find((a) => a.data.seedFile === GOOD_NAME)!.data.author).toBe(
      'Ines Moreau',
    );
    if (bad.status === 'error' || bad.status === 'skipped')
      expect(run.articles.map((a) => a.data.seedFile)).not.toContain(bad.file);
    bad.check?.(run);

    const strict = await ingestInto(dir, { strict: true });
    expect(strict.exitCode).toBe(bad.status === 'error' ? 1 : 0);
  });
});

describe('the ingest as a whole', () => {
  it('covers at least thirty classes of bad input', () => {
    expect(new Set(CASES.map((c) => c.name)).size).toBeGreaterThanOrEqual(30);
  });

  it('fails, and writes nothing, when no article could be ingested', async () => {
    const dir = makeTempDir('bad');
    for (const file of ['empty.txt', 'png-image.txt', 'only-boilerplate.txt'])
      copyFileSync(path.join(BAD, file), path.join(dir, file));
    const run = await ingestInto(dir);
    expect(run.exitCode).toBe(1);
    expect(run.report.totals).toMatchObject({ inputs: 3, articles: 0, error: 3 });
    expect(readdirSync(run.outDir)).toEqual([]);
  });

  it('links the same article saved twice, and keeps two articles with one title apart', async () => {
    const dir = makeTempDir('bad');
    for (const file of [
      'same-article-a.txt',
      'same-article-b copy.txt',
      'same-title-1.txt',
      'same-title-2.txt',
    ])
      copyFileSync(path.join(BAD, file), path.join(dir, file));
    const run = await ingestInto(dir);
    const bySeed = new Map(run.articles.map((a) => [a.data.seedFile, a]));
    expect(bySeed.get('same-article-b copy.txt')!.data.duplicateOf).toBe(
      bySeed.get('same-article-a.txt')!.id,
    );
    expect(
      run.report.inputs.find((i) => i.file === 'same-article-b copy.txt')!.warnings.join(' '),
    ).toMatch(/repeats same-article-a\.txt/);
    const one = bySeed.get('same-title-1.txt')!;
    const two = bySeed.get('same-title-2.txt')!;
    expect(one.data.title).toBe(two.data.title);
    expect(one.id).not.toBe(two.id);
    expect(two.data.duplicateOf).toBeNull();
  });

  it('writes content/ atomically: a failed run leaves it as it was, and no staging folder remains', async () => {
    const good = makeTempDir('good');
    writeFileSync(path.join(good, GOOD_NAME), GOOD);
    const first = await ingestInto(good);
    const before = listFiles(first.outDir).map((f) => [
      f,
      readFileSync(path.join(first.outDir, f), 'utf8'),
    ]);
    const { runIngest } = await import('../../scripts/ingest/pipeline.ts');
    const empty = makeTempDir('bad');
    copyFileSync(path.join(BAD, 'empty.txt'), path.join(empty, 'empty.txt'));
    await runIngest({
      seedsDir: empty,
      outDir: first.outDir,
      knowledgeDir: path.join(ROOT, 'content/knowledge'),
    });
    expect(
      listFiles(first.outDir).map((f) => [f, readFileSync(path.join(first.outDir, f), 'utf8')]),
    ).toEqual(before);
    expect(readdirSync(first.outDir).filter((f) => f.startsWith('.ingest-'))).toEqual([]);
    expect(existsSync(path.join(first.outDir, 'articles'))).toBe(true);
  });

  it('gives byte-identical output from two runs over every bad input', async () => {
    const dir = makeTempDir('bad');
    for (const bad of CASES)
      if (typeof bad.make !== 'function' || bad.file === 'x.txt')
        typeof bad.make === 'function'
          ? bad.make(dir, bad.file)
          : copyFileSync(path.join(BAD, bad.make.fixture), path.join(dir, bad.file));
    writeFileSync(path.join(dir, GOOD_NAME), GOOD);
    const a = await ingestInto(dir);
    const b = await ingestInto(dir);
    const files = listFiles(a.outDir);
    expect(listFiles(b.outDir)).toEqual(files);
    for (const file of files)
      expect(readFileSync(path.join(b.outDir, file), 'utf8'), file).toBe(
        readFileSync(path.join(a.outDir, file), 'utf8'),
      );
  });
});
