import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Corpus } from '../../../scripts/ingest/corpus.ts';
import { checkEntry, createEntryValidator } from '../../../scripts/ingest/validate.ts';
import { writeContent } from '../../../scripts/ingest/write.ts';
import { parseEntryFile } from '../../../src/lib/card-loader.ts';
import type { Article, Source } from '../../../src/schema.ts';
import { listFiles } from '../../helpers/ingest.ts';
import { ROOT } from '../../helpers/seeds.ts';
import { makeTempDir } from '../../helpers/temp.ts';

/** The project's own ingested seeds, read back as a corpus: valid entries to spoil one by one. */
function readSeedCorpus(): Corpus {
  const content = path.join(ROOT, 'content');
  const read = (collection: string) =>
    new Map(
      readdirSync(path.join(content, collection))
        .sort()
        .map((file) => [
          file.replace(/\.json$/, ''),
          JSON.parse(readFileSync(path.join(content, collection, file), 'utf8')) as unknown,
        ]),
    );
  return {
    articles: readdirSync(path.join(content, 'articles'))
      .sort()
      .map((file) => {
        const { data, body } = parseEntryFile(
          readFileSync(path.join(content, 'articles', file), 'utf8'),
          '.md',
        );
        return { id: file.replace(/\.md$/, ''), data: data as Article, body };
      }),
    actors: read('actors'),
    events: read('events'),
    sources: read('sources') as Map<string, Source>,
    topics: read('topics'),
    notes: new Map(),
  };
}

/** Writes a corpus with validation here or on a worker thread; what was written and reported. */
async function writeCorpus(corpus: Corpus, onWorkers: boolean) {
  const outDir = makeTempDir('validate');
  const outcome = await writeContent(outDir, corpus, {
    validation: onWorkers ? { threads: 1, minEntries: 1 } : { threads: 0 },
    finish: (problems) => ({ report: problems, write: true }),
  });
  const files = listFiles(outDir);
  return {
    outDir,
    files,
    problems: outcome.report,
    read: (f: string) => readFileSync(path.join(outDir, f)),
  };
}

describe('checking an entry against its schema', () => {
  it('finds nothing wrong with a valid entry', () => {
    const [id, actor] = [...readSeedCorpus().actors][0]!;
    expect(
      checkEntry({ collection: 'actors', entry: `actors/${id}.json`, json: JSON.stringify(actor) }),
    ).toEqual([]);
  });

  it('names the entry, the field path and the problem', () => {
    const [id, actor] = [...readSeedCorpus().actors][0]!;
    const spoiled = { ...(actor as object), kind: 'planet', mentions: [{ article: 7 }] };
    const problems = checkEntry({
      collection: 'actors',
      entry: `actors/${id}.json`,
      json: JSON.stringify(spoiled),
    });
    expect(problems.map((p) => [p.entry, p.field])).toEqual(
      expect.arrayContaining([
        [`actors/${id}.json`, 'kind'],
        [`actors/${id}.json`, 'mentions.0.article'],
      ]),
    );
    expect(problems.every((p) => p.message.length > 0)).toBe(true);
  });
});

describe('validating entries while they are written', () => {
  it('gives the problems of each entry in the order the entries came, on workers as here', async () => {
    const [id, actor] = [...readSeedCorpus().actors][0]!;
    const checks = Array.from({ length: 150 }, (_, i) => ({
      collection: 'actors' as const,
      entry: `actors/${id}-${i}.json`,
      json: JSON.stringify(i % 37 === 5 ? { ...(actor as object), name: i } : actor),
    }));
    const results = [];
    for (const [threads, minEntries] of [
      [0, 1],
      [1, 1],
      [2, 1],
    ] as const) {
      const validator = createEntryValidator({ expected: checks.length, threads, minEntries });
      for (const check of checks) validator.add(check);
      results.push(await validator.finish());
      await validator.close();
    }
    const bad = results[0]!.flatMap((problems, i) => (problems.length ? [i] : []));
    expect(bad).toEqual([5, 42, 79, 116]);
    expect(results[0]![42]![0]).toMatchObject({ entry: `actors/${id}-42.json`, field: 'name' });
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  it('leaves out an invalid article and an invalid actor, reports each by file and field, and writes the rest', async () => {
    const corpus = readSeedCorpus();
    // An article with quotes, so that the quote index is seen to leave it out.
    const dropped = corpus.articles.find((a) => a.data.quotes.length > 0);
    const kept = corpus.articles.find((a) => a !== dropped);
    (dropped!.data as unknown as Record<string, unknown>).wordCount = -3;
    const [actorId, actor] = [...corpus.actors][1]!;
    corpus.actors.set(actorId, { ...(actor as object), kind: 'planet' });
    const articleCount = corpus.articles.length;
    const here = await writeCorpus(corpus, false);

    expect(here.problems).toEqual([
      expect.objectContaining({
        entry: `articles/${dropped!.id}.md (${dropped!.data.seedFile})`,
        field: 'wordCount',
      }),
      expect.objectContaining({ entry: `actors/${actorId}.json`, field: 'kind' }),
    ]);
    expect(here.files).not.toContain(`articles/${dropped!.id}.md`);
    expect(here.files).toContain(`articles/${kept!.id}.md`);
    expect(here.files.filter((f) => f.startsWith('articles/'))).toHaveLength(articleCount - 1);
    expect(here.files).not.toContain(`actors/${actorId}.json`);
    expect(existsSync(path.join(here.outDir, 'ingest-report.json'))).toBe(true);
    // The link indexes are made from what was kept.
    const index = (name: string) =>
      Object.keys(JSON.parse(here.read(`indexes/${name}`).toString()));
    expect(index('quotes.json')).not.toContain(dropped!.id);
    expect(index('quotes.json')).toContain(
      corpus.articles.find((a) => a.data.quotes.length > 0)!.id,
    );
    const seedMentions = readFileSync(path.join(ROOT, 'content/indexes/mentions.json'), 'utf8');
    expect(Object.keys(JSON.parse(seedMentions))).toContain(actorId);
    expect(index('mentions.json')).not.toContain(actorId);
  });

  it('writes the same files and reports the same problems whether the checks run here or on a worker', async () => {
    const spoil = () => {
      const corpus = readSeedCorpus();
      (corpus.articles[2]!.data as unknown as Record<string, unknown>).title = 12;
      return corpus;
    };
    const here = await writeCorpus(spoil(), false);
    const there = await writeCorpus(spoil(), true);
    expect(there.problems).toEqual(here.problems);
    expect(there.problems).toHaveLength(1);
    expect(there.files).toEqual(here.files);
    for (const file of here.files) expect(there.read(file).equals(here.read(file))).toBe(true);
  });
});
