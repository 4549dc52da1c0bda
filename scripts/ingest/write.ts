import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Corpus } from './corpus.ts';
import { collectLinkIndexes, formatIndexFile } from './link-indexes.ts';
import {
  createEntryValidator,
  type EntryCollection,
  type ValidationProblem,
  type ValidatorOptions,
} from './validate.ts';

/** The folders and files under content/ that the ingest owns; everything else is left alone. */
export const GENERATED = [
  'articles',
  'actors',
  'events',
  'sources',
  'topics',
  'indexes',
  'ingest-report.json',
] as const;

/** Writes an entry as stable, pretty JSON with a final newline. */
export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Writes an article as Markdown with JSON front matter (`---json`), which gray-matter reads back
 * by itself. JSON rather than YAML because the site reads every article twice per build (the
 * content layer's card, then the page): at 10,000 articles YAML's dump and parse cost about 11 s.
 */
export function formatArticleFile(data: unknown, body: string): string {
  return joinArticleFile(JSON.stringify(data, null, 2), body);
}

/** An article's file from its front matter, already written as JSON, and its body. */
function joinArticleFile(json: string, body: string): string {
  return `---json\n${json}\n---\n${body.endsWith('\n') ? body : `${body}\n`}`;
}

/**
 * What the last ingest wrote into a content folder: for each file, a hash of its text, and the
 * size and time the file had. A file whose text and stat are unchanged is linked into the new
 * content rather than written again.
 */
interface WrittenManifest {
  outDir: string;
  version: string;
  files: Record<string, { entry: string; size: number; mtimeMs: number }>;
}

/** Where and under which pipeline version to remember what was written; none rewrites all. */
export interface WriteMemory {
  manifestFile: string;
  version: string;
}

function readManifest(memory: WriteMemory | undefined, outDir: string): WrittenManifest['files'] {
  if (!memory || !existsSync(memory.manifestFile)) return {};
  try {
    const manifest = JSON.parse(readFileSync(memory.manifestFile, 'utf8')) as WrittenManifest;
    return manifest.outDir === outDir && manifest.version === memory.version ? manifest.files : {};
  } catch {
    // A torn manifest only means every file is written again.
    return {};
  }
}

/** What the write step gives back: its report, and how long it waited for the last checks. */
export interface WriteOutcome<R> {
  report: R;
  validateWaitMs: number;
}

/** How the write step validates and finishes its report. */
export interface WriteOptions<R> {
  memory?: WriteMemory;
  validation?: Omit<ValidatorOptions, 'expected'>;
  /**
   * Makes the report once the entries are checked, the invalid ones already out of the corpus,
   * and says whether to write: `write: false` leaves content/ as it was.
   */
  finish: (problems: ValidationProblem[]) => { report: R; write: boolean };
}

/**
 * Validates every entry with the shared schemas as it is written, and writes the corpus into
 * content/ atomically. Invalid articles are dropped (and reported), so one bad article never stops
 * the others; invalid derived entries are dropped and reported too. The checks read each entry as
 * the JSON it is written as, and run beside the writing (validate.ts).
 *
 * Everything goes to a staging folder first and is then renamed into place, so an interrupted
 * ingest never leaves content/ half-written. Files whose text is unchanged since the last run are
 * hard links to the old file, not rewritten.
 */
export async function writeContent<R>(
  outDir: string,
  corpus: Corpus,
  { memory, validation, finish }: WriteOptions<R>,
): Promise<WriteOutcome<R>> {
  outDir = path.resolve(outDir);
  const staging = path.join(outDir, `.ingest-staging-${process.pid}`);
  const old = path.join(outDir, `.ingest-old-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  await rm(old, { recursive: true, force: true });
  for (const dir of GENERATED.filter((g) => !g.endsWith('.json')))
    await mkdir(path.join(staging, dir), { recursive: true });

  const previous = readManifest(memory, outDir);
  const written: WrittenManifest['files'] = {};
  /**
   * Links the file from the last run when its text and stat are unchanged, else writes it. The
   * file system is called synchronously: nothing else runs meanwhile, and a rerun makes three
   * calls for each of tens of thousands of files, which cost several times more as promises.
   * The text is hashed rather than the entry it is made from, so that each entry is serialized
   * once: that saves a cold run of 10,000 articles about 0.5 s and costs a rerun 0.15 s.
   */
  const put = (name: string, text: string) => {
    const entry = memory ? createHash('sha256').update(text).digest('base64url') : '';
    const last = previous[name];
    const target = path.join(staging, name);
    if (last?.entry === entry) {
      const source = path.join(outDir, name);
      const info = existsSync(source) ? statSync(source) : null;
      if (info && info.size === last.size && info.mtimeMs === last.mtimeMs) {
        // Hard links cost no copy; a file system without them gets a copy.
        try {
          linkSync(source, target);
          // A link shares the old file's size and time.
          written[name] = last;
        } catch {
          copyFileSync(source, target);
          const copied = statSync(target);
          written[name] = { entry, size: copied.size, mtimeMs: copied.mtimeMs };
        }
        return;
      }
    }
    writeFileSync(target, text);
    if (memory) {
      const info = statSync(target);
      written[name] = { entry, size: info.size, mtimeMs: info.mtimeMs };
    }
  };

  const collections: Array<[EntryCollection, Map<string, unknown>]> = [
    ['actors', corpus.actors],
    ['events', corpus.events],
    ['sources', corpus.sources],
    ['topics', corpus.topics],
  ];
  const validator = createEntryValidator({
    ...validation,
    expected: collections.reduce((n, [, entries]) => n + entries.size, corpus.articles.length),
  });
  // Each entry's file, in the order its check was handed over.
  const files: string[] = [];
  let checked: ValidationProblem[][];
  let validateWaitMs: number;
  try {
    for (const article of corpus.articles) {
      const json = JSON.stringify(article.data, null, 2);
      const name = `articles/${article.id}.md`;
      validator.add({ collection: 'articles', entry: `${name} (${article.data.seedFile})`, json });
      files.push(name);
      put(name, joinArticleFile(json, article.body));
    }
    for (const [collection, entries] of collections)
      for (const [id, value] of entries) {
        const name = `${collection}/${id}.json`;
        const text = formatJson(value);
        validator.add({ collection, entry: name, json: text });
        files.push(name);
        put(name, text);
      }
    const waitStart = performance.now();
    checked = await validator.finish();
    validateWaitMs = performance.now() - waitStart;
  } finally {
    // A write that fails (a full disk) must not leave worker threads holding the process open.
    await validator.close();
  }

  const invalid = new Set(files.filter((_, i) => checked[i]!.length > 0));
  for (const name of invalid) {
    rmSync(path.join(staging, name), { force: true });
    delete written[name];
  }
  corpus.articles = corpus.articles.filter((a) => !invalid.has(`articles/${a.id}.md`));
  for (const [collection, entries] of collections)
    for (const id of [...entries.keys()])
      if (invalid.has(`${collection}/${id}.json`)) entries.delete(id);
  const { report, write } = finish(checked.flat());
  if (!write) {
    await rm(staging, { recursive: true, force: true });
    return { report, validateWaitMs };
  }
  for (const [name, value] of collectLinkIndexes(corpus)) put(name, formatIndexFile(value));
  writeFileSync(path.join(staging, 'ingest-report.json'), formatJson(report));

  await mkdir(old, { recursive: true });
  for (const name of GENERATED) {
    const target = path.join(outDir, name);
    if (existsSync(target)) await rename(target, path.join(old, name));
    await rename(path.join(staging, name), target);
  }
  await rm(old, { recursive: true, force: true });
  await rm(staging, { recursive: true, force: true });
  if (memory) {
    const manifest: WrittenManifest = { outDir, version: memory.version, files: written };
    await mkdir(path.dirname(memory.manifestFile), { recursive: true });
    await writeFile(`${memory.manifestFile}.tmp`, JSON.stringify(manifest));
    await rename(`${memory.manifestFile}.tmp`, memory.manifestFile);
  }
  return { report, validateWaitMs };
}
