import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestInto } from '../../helpers/ingest.ts';
import { ROOT } from '../../helpers/seeds.ts';
import { makeTempDir } from '../../helpers/temp.ts';

/**
 * Table-driven fixtures in shapes the seeds do not have: each folder under
 * tests/fixtures/ingest holds one input and the fields it must yield. Only the fields an
 * expected.json names are checked; "share of fields right" is printed at the end.
 */
const FIXTURES = path.join(ROOT, 'tests/fixtures/ingest');
const ARTICLE_FIELDS = [
  'title',
  'dek',
  'date',
  'datePrecision',
  'dateInferred',
  'updated',
  'author',
  'outlet',
  'section',
  'categories',
  'kind',
  'language',
  'url',
] as const;

interface Check {
  field: string;
  ok: boolean;
  expected: unknown;
  actual: unknown;
}

/** The body's words, with Markdown's emphasis and escapes removed. */
function plainBody(body: string): string {
  return body
    .replace(/\\([\\`*_{}[\]()#+\-.!<>&])/g, '$1')
    .replace(/\*\*?|__?/g, '')
    .replace(/^#+ /gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Ingests one fixture folder's input alone and compares every field its expected.json names. */
async function checkFixture(name: string): Promise<Check[]> {
  const dir = path.join(FIXTURES, name);
  const input = readdirSync(dir).find((f) => f.startsWith('input.'))!;
  const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const seeds = makeTempDir('fixture');
  const seedFile = `${name}${path.extname(input)}`;
  copyFileSync(path.join(dir, input), path.join(seeds, seedFile));
  const run = await ingestInto(seeds);
  const article = run.articles[0];
  const entry = run.report.inputs.find((i) => i.file === seedFile);
  const data = (article?.data ?? {}) as Record<string, unknown>;
  const body = article ? plainBody(article.body) : '';
  const checks: Check[] = [];
  const add = (field: string, ok: boolean, want: unknown, actual: unknown) =>
    checks.push({ field, ok, expected: want, actual });
  for (const field of ARTICLE_FIELDS) {
    if (field in expected)
      add(
        field,
        JSON.stringify(data[field] ?? null) === JSON.stringify(expected[field]),
        expected[field],
        data[field] ?? null,
      );
  }
  if ('bodyStarts' in expected)
    add(
      'bodyStarts',
      body.startsWith(expected.bodyStarts as string),
      expected.bodyStarts,
      body.slice(0, 80),
    );
  if ('bodyEnds' in expected)
    add('bodyEnds', body.endsWith(expected.bodyEnds as string), expected.bodyEnds, body.slice(-80));
  for (const text of (expected.notInBody as string[] | undefined) ?? [])
    add(
      `notInBody ${text}`,
      !!article && !body.includes(text),
      'absent',
      body.includes(text) ? 'present' : 'absent',
    );
  if ('headings' in expected) {
    const headings = ((data.headings as Array<{ text: string }> | undefined) ?? []).map(
      (h) => h.text,
    );
    add(
      'headings',
      JSON.stringify(headings) === JSON.stringify(expected.headings),
      expected.headings,
      headings,
    );
  }
  if ('outletName' in expected || 'outletFullName' in expected) {
    // The outlet's entry, as its page shows it: the name, and the full name under it.
    const file = path.join(run.outDir, 'sources', `${String(data.outlet)}.json`);
    const source = data.outlet ? JSON.parse(readFileSync(file, 'utf8')) : {};
    for (const [field, key] of [
      ['outletName', 'name'],
      ['outletFullName', 'fullName'],
    ] as const)
      if (field in expected)
        add(field, source[key] === expected[field], expected[field], source[key] ?? null);
  }
  if ('encoding' in expected)
    add('encoding', entry?.encoding === expected.encoding, expected.encoding, entry?.encoding);
  for (const warning of (expected.warnings as string[] | undefined) ?? []) {
    add(
      `warning ${warning}`,
      !!entry?.warnings.some((w) => w.includes(warning)),
      warning,
      entry?.warnings,
    );
  }
  for (const [field, source] of Object.entries(
    (expected.evidence as Record<string, string> | undefined) ?? {},
  )) {
    add(
      `evidence ${field}`,
      !!entry?.evidence[field]?.includes(source),
      source,
      entry?.evidence[field],
    );
  }
  return checks;
}

const names = readdirSync(FIXTURES).sort();
const tally = { right: 0, total: 0, wrong: [] as string[] };

describe.each(names)('the fixture %s', (name) => {
  it('yields every field its expected.json names', async () => {
    const checks = await checkFixture(name);
    tally.total += checks.length;
    tally.right += checks.filter((c) => c.ok).length;
    for (const c of checks)
      if (!c.ok)
        tally.wrong.push(
          `${name}: ${c.field}: expected ${JSON.stringify(c.expected)}, got ${JSON.stringify(c.actual)}`,
        );
    expect(checks.filter((c) => !c.ok)).toEqual([]);
  });
});

afterAll(() => {
  const share = tally.total ? ((100 * tally.right) / tally.total).toFixed(1) : '0';
  console.log(
    `ingest fixtures: ${tally.right}/${tally.total} fields right (${share}%) over ${names.length} fixtures${tally.wrong.length ? `\n  ${tally.wrong.join('\n  ')}` : ''}`,
  );
});

it('has at least twenty fixtures, each with an input and an expectation', () => {
  expect(names.length).toBeGreaterThanOrEqual(20);
});
