import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestInto, type IngestRun } from '../helpers/ingest.ts';
import { ROOT, seedFacts } from '../helpers/seeds.ts';

let run: IngestRun;
beforeAll(async () => {
  run = await ingestInto(path.join(ROOT, 'seeds'));
});

function articleFor(seed: string) {
  const article = run.articles.find((a) => a.data.seedFile === seed);
  if (!article) throw new Error(`no article for ${seed}`);
  return article;
}

/** The body's words, with Markdown's emphasis and escapes removed. */
function plainBody(body: string): string {
  return body
    .replace(/\\([\\`*_{}[\]()#+\-.!<>&])/g, '$1')
    .replace(/\*\*?|__?/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

describe.each(seedFacts.articles)('the seed $seed', (facts) => {
  it('has the headline and dek a reader sees', () => {
    const { data } = articleFor(facts.seed);
    expect(data.title).toBe(facts.title);
    expect(data.dek).toBe(facts.dek ?? null);
  });

  it('has its publication date, precision and inferred flag', () => {
    const { data } = articleFor(facts.seed);
    expect(data.date).toBe(facts.date);
    expect(data.datePrecision).toBe(facts.datePrecision);
    expect(data.dateInferred).toBe(facts.dateInferred);
    expect(data.updated).toBe(facts.updated ?? null);
  });

  it('names its outlet and author only when the page shows them', async () => {
    const { data } = articleFor(facts.seed);
    const outlets = (
      await import('../../content/knowledge/outlets.json', { with: { type: 'json' } })
    ).default as Array<{ id: string; name: string }>;
    const outletName = data.outlet
      ? (outlets.find((o) => o.id === data.outlet)?.name ?? data.outlet)
      : null;
    expect(outletName).toBe(facts.outlet);
    expect(data.author).toBe(facts.author);
  });

  it('starts and ends its body where the article does', () => {
    const body = plainBody(articleFor(facts.seed).body);
    expect(body.startsWith(facts.bodyStarts)).toBe(true);
    expect(body.endsWith(facts.bodyEnds)).toBe(true);
  });

  it('keeps the section headings and nothing else as headings', () => {
    expect(articleFor(facts.seed).data.headings.map((h) => h.text)).toEqual(facts.headings);
  });

  it('leaves the site chrome out of the body', () => {
    const body = plainBody(articleFor(facts.seed).body);
    const { data } = articleFor(facts.seed);
    // The headline appears once, as the title, never again inside the body.
    expect(body.includes(data.title)).toBe(false);
    for (const chrome of [
      'Home >',
      'Privacy Policy',
      'You Might Also Like',
      'originally published',
      'publishes opinions',
      'Last news in',
      'Contents',
      'Share',
    ]) {
      expect(body).not.toContain(chrome);
    }
  });

  it('records the section, kind and categories where the page shows them', () => {
    const { data } = articleFor(facts.seed);
    if (facts.section) expect(data.section).toBe(facts.section);
    if (facts.kind) expect(data.kind).toBe(facts.kind.toLowerCase());
    if (facts.categories) expect(data.categories).toEqual(facts.categories);
  });
});

describe('the ingest report', () => {
  it('accounts for every seed, with the lines it removed and why', () => {
    expect(run.report.inputs.map((i) => i.file)).toEqual(seedFacts.articles.map((a) => a.seed));
    for (const input of run.report.inputs) {
      expect(input.article).not.toBeNull();
      expect(input.removed.length).toBeGreaterThan(0);
      for (const removed of input.removed) expect(removed.reason).not.toBe('');
    }
  });

  it('drops the view counter glued to a date and the byline left at the end', () => {
    const removed = run.report.inputs.flatMap((i) => i.removed.map((r) => r.text));
    expect(removed).toContain('03 July 18419 10 minutes');
    expect(removed).toContain('Jul 5, 2025 10:01 375');
    expect(removed).toContain('Eduard Arakelyan');
  });
});
