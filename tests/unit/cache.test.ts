import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeCacheKey, openArticleCache } from '../../scripts/ingest/cache.ts';
import {
  currentPipelineVersion,
  loadKnowledge,
  PARALLEL_MIN_INPUTS,
  runIngest,
} from '../../scripts/ingest/pipeline.ts';
import { extractArticle } from '../../scripts/ingest/extract.ts';
import { packExtractResult } from '../../scripts/ingest/extract-output.ts';
import { listFiles } from '../helpers/ingest.ts';
import { extractSeed, ROOT, seedFiles } from '../helpers/seeds.ts';
import { packStructure, unpackStructure } from '../../scripts/ingest/structure.ts';
import { generateCorpus } from '../../scripts/bench/generate-corpus.ts';
import { makeTempDir } from '../helpers/temp.ts';

const temp = (name: string) => makeTempDir(name);

describe('the per-article cache', () => {
  const bytes = new TextEncoder().encode(
    'Title\n\nSome article text that is long enough to be a paragraph.',
  );

  it('finds an entry stored under the same file, bytes and pipeline version', () => {
    const cache = openArticleCache(temp('cache'));
    cache.write(computeCacheKey('a.txt', bytes, 'v1'), { ok: true });
    expect(cache.read(computeCacheKey('a.txt', bytes, 'v1'))).toEqual({ ok: true });
    expect(cache.stats).toEqual({ hits: 1, misses: 0 });
  });

  it('misses when the article content changes', () => {
    const cache = openArticleCache(temp('cache'));
    cache.write(computeCacheKey('a.txt', bytes, 'v1'), { ok: true });
    const edited = new TextEncoder().encode(
      'Title\n\nSome article text that was corrected after publication.',
    );
    expect(cache.read(computeCacheKey('a.txt', edited, 'v1'))).toBeUndefined();
    expect(cache.stats.misses).toBe(1);
  });

  it('misses when the pipeline version changes', () => {
    const cache = openArticleCache(temp('cache'));
    cache.write(computeCacheKey('a.txt', bytes, 'v1'), { ok: true });
    expect(cache.read(computeCacheKey('a.txt', bytes, 'v2'))).toBeUndefined();
  });

  it('treats a torn pack as a miss rather than an error', () => {
    const dir = temp('cache');
    const cache = openArticleCache(dir);
    const key = computeCacheKey('a.txt', bytes, 'v1');
    cache.write(key, { ok: true });
    cache.close();
    const [pack] = readdirSync(dir).filter((name) => name.endsWith('.jsonl'));
    writeFileSync(path.join(dir, pack!), '[{"torn');
    const reopened = openArticleCache(dir);
    expect(reopened.read(key)).toBeUndefined();
    expect(reopened.stats.misses).toBe(1);
  });

  it("finds an entry again after it is closed and opened, and reads this run's entries before closing", () => {
    const dir = temp('cache');
    const cache = openArticleCache(dir);
    const keys = ['a.txt', 'b.txt', 'c.txt'].map((name) => computeCacheKey(name, bytes, 'v1'));
    keys.forEach((key, i) => cache.write(key, { i }));
    expect(cache.read(keys[1]!)).toEqual({ i: 1 });
    cache.close();
    const reopened = openArticleCache(dir);
    expect(keys.map((key) => reopened.read(key))).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }]);
  });

  it('keeps what the last run used, dropping the rest once it is most of the cache', () => {
    const dir = temp('cache');
    const first = openArticleCache(dir);
    const keys = ['a.txt', 'b.txt', 'c.txt'].map((name) => computeCacheKey(name, bytes, 'v1'));
    keys.forEach((key, i) => first.write(key, { i }));
    first.close();
    // A run that needs one of the three, as after the pipeline's version changed for the others.
    const second = openArticleCache(dir);
    expect(second.read(keys[0]!)).toEqual({ i: 0 });
    second.close();
    const third = openArticleCache(dir);
    expect(keys.map((key) => third.read(key))).toEqual([{ i: 0 }, undefined, undefined]);
    expect(readdirSync(dir).filter((name) => name.endsWith('.jsonl'))).toHaveLength(1);
  });

  it("removes the folders of the cache's earlier one-file-per-entry layout", () => {
    const dir = temp('cache');
    mkdirSync(path.join(dir, 'ab'));
    writeFileSync(path.join(dir, 'ab', 'ab12.json'), '{}');
    openArticleCache(dir).close();
    expect(existsSync(path.join(dir, 'ab'))).toBe(false);
  });

  it('merges the packs of many runs into one', () => {
    const dir = temp('cache');
    const keys: string[] = [];
    for (let run = 0; run < 12; run++) {
      const cache = openArticleCache(dir);
      for (const key of keys) cache.read(key);
      const key = computeCacheKey(`${run}.txt`, bytes, 'v1');
      cache.write(key, { run });
      keys.push(key);
      cache.close();
    }
    expect(readdirSync(dir).filter((name) => name.endsWith('.jsonl')).length).toBeLessThanOrEqual(
      8,
    );
    const last = openArticleCache(dir);
    expect(keys.map((key) => last.read(key))).toEqual(keys.map((_, run) => ({ run })));
  });
});

const KNOWLEDGE = path.join(ROOT, 'content/knowledge');

/** A copy of the project's seeds to change freely. */
function copySeeds(): string {
  const seeds = temp('seeds');
  cpSync(path.join(ROOT, 'seeds'), seeds, { recursive: true });
  return seeds;
}

/** Adds a paragraph at the end of a seed, as a correction after publication would. */
function appendCorrection(file: string): void {
  writeFileSync(
    file,
    `${readFileSync(file, 'utf8')}\n\nA correction was added after publication to clarify the figures given above.\n`,
  );
}

/** Expects two content folders to hold the same files with the same bytes. */
function expectSameContent(actual: string, expected: string): void {
  expect(listFiles(actual).filter((f) => !f.startsWith('.'))).toEqual(listFiles(expected));
  for (const file of listFiles(expected))
    expect(readFileSync(path.join(actual, file), 'utf8'), file).toBe(
      readFileSync(path.join(expected, file), 'utf8'),
    );
}

describe("a draft's body in the cache", () => {
  it.each(seedFiles())('comes back whole from %s, each paragraph written once', (seed) => {
    const { structure } = extractSeed(seed);
    const stored = JSON.stringify(packStructure(structure));
    expect(unpackStructure(JSON.parse(stored))).toEqual(structure);
    const first = structure.paragraphs[0]!.text;
    expect(stored.split(JSON.stringify(first)).length - 1).toBe(1);
  });
});

describe('an incremental ingest', () => {
  it('writes content/ byte-identical to a full ingest after one article is changed and one added', async () => {
    const seeds = copySeeds();
    const cacheDir = temp('cache');
    const warm = temp('warm');
    await runIngest({ seedsDir: seeds, outDir: warm, knowledgeDir: KNOWLEDGE, cacheDir });

    const [first] = listFiles(seeds);
    appendCorrection(path.join(seeds, first!));
    cpSync(path.join(seeds, first!), path.join(seeds, 'zz-added-copy.txt'));
    const incremental = await runIngest({
      seedsDir: seeds,
      outDir: warm,
      knowledgeDir: KNOWLEDGE,
      cacheDir,
    });
    const full = temp('full');
    await runIngest({ seedsDir: seeds, outDir: full, knowledgeDir: KNOWLEDGE });

    expect(incremental.report.totals.articles).toBe(6);
    expectSameContent(warm, full);
  });
});

describe('writing content/ again', () => {
  it('keeps the very file of each entry that did not change, and writes the changed and the hand-edited ones', async () => {
    const seeds = copySeeds();
    const cacheDir = temp('cache');
    const out = temp('out');
    const { report } = await runIngest({
      seedsDir: seeds,
      outDir: out,
      knowledgeDir: KNOWLEDGE,
      cacheDir,
    });
    const inodes = new Map(listFiles(out).map((f) => [f, statSync(path.join(out, f)).ino]));
    // A correction keeps the title, so the article keeps its id.
    const articleOf = (seed: string) =>
      `articles/${report.inputs.find((i) => i.file === seed)!.article}.md`;

    const [first, second] = listFiles(seeds);
    appendCorrection(path.join(seeds, first!));
    const changed = articleOf(first!);
    const edited = articleOf(second!);
    // Someone edits a generated file by hand: the next ingest puts the generated text back.
    const editedBytes = readFileSync(path.join(out, edited), 'utf8');
    writeFileSync(path.join(out, edited), editedBytes.replace('---', '---\nnote: edited by hand'));

    const again = await runIngest({
      seedsDir: seeds,
      outDir: out,
      knowledgeDir: KNOWLEDGE,
      cacheDir,
    });
    const kept = listFiles(out).filter((f) => inodes.get(f) === statSync(path.join(out, f)).ino);
    expect(kept.length, 'most files are kept, not rewritten').toBeGreaterThan(100);
    expect(kept).not.toContain(changed);
    expect(kept).not.toContain(edited);
    expect(kept).not.toContain('ingest-report.json');
    expect(readFileSync(path.join(out, edited), 'utf8')).toBe(editedBytes);

    const full = temp('full');
    await runIngest({ seedsDir: seeds, outDir: full, knowledgeDir: KNOWLEDGE });
    expect(again.report.totals.articles).toBe(5);
    expectSameContent(out, full);
  });
});

describe('an ingest on worker threads', () => {
  it('writes content/ byte-identical to an ingest on the main thread alone', async () => {
    const seeds = temp('generated');
    await generateCorpus(seeds, 60);
    const knowledgeDir = KNOWLEDGE;
    const threaded = temp('threaded');
    const single = temp('single');
    const outcome = await runIngest({
      seedsDir: seeds,
      outDir: threaded,
      knowledgeDir,
      threads: 2,
      parallelMinInputs: 10,
    });
    const alone = await runIngest({ seedsDir: seeds, outDir: single, knowledgeDir, threads: 1 });

    expect(outcome.workerThreads).toBe(2);
    expect(alone.workerThreads).toBe(0);
    expect(outcome.report.totals.articles).toBe(60);
    expectSameContent(threaded, single);
  });

  it('reads a corpus too small to pay for starting workers on the main thread', async () => {
    const seeds = temp('generated');
    await generateCorpus(seeds, 60);
    const outcome = await runIngest({
      seedsDir: seeds,
      outDir: temp('out'),
      knowledgeDir: KNOWLEDGE,
      threads: 2,
    });
    expect(PARALLEL_MIN_INPUTS).toBeGreaterThan(60);
    expect(outcome.workerThreads).toBe(0);
    expect(outcome.report.totals.articles).toBe(60);
  });

  it('caches what the workers read as the main thread would, so a rerun reads nothing again', async () => {
    const seeds = temp('generated');
    await generateCorpus(seeds, 60);
    const cacheDir = temp('cache');
    const ingestOnWorkers = (outDir: string) =>
      runIngest({
        seedsDir: seeds,
        outDir,
        knowledgeDir: KNOWLEDGE,
        cacheDir,
        threads: 2,
        parallelMinInputs: 10,
      });
    const threaded = temp('threaded');
    expect((await ingestOnWorkers(threaded)).workerThreads).toBe(2);

    // Each entry the workers sent as JSON text is the extraction this thread makes of that file.
    const version = currentPipelineVersion(KNOWLEDGE);
    const knowledge = loadKnowledge(KNOWLEDGE);
    const cache = openArticleCache(cacheDir);
    const names = readdirSync(seeds).sort();
    for (const name of names) {
      const bytes = readFileSync(path.join(seeds, name));
      const expected = JSON.parse(
        JSON.stringify(packExtractResult(extractArticle(name, bytes, knowledge))),
      ) as unknown;
      expect(cache.read(computeCacheKey(name, bytes, version)), name).toEqual(expected);
    }
    expect(cache.stats).toEqual({ hits: names.length, misses: 0 });
    cache.close();

    const rerun = temp('rerun');
    await ingestOnWorkers(rerun);
    expectSameContent(rerun, threaded);
  });
});
