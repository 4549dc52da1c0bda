import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { compareStrings } from './text.ts';

/** A store of per-article results, keyed by what they were computed from. */
export interface ArticleCache {
  read: <T>(key: string) => T | undefined;
  write: (key: string, value: unknown) => void;
  /** How many reads found an entry, and how many did not. */
  stats: { hits: number; misses: number };
}

/**
 * Makes the cache key of one input: its file name, its bytes and the pipeline's version, so a
 * change to the article, to the code or to the knowledge files is a miss.
 */
export function computeCacheKey(
  fileName: string,
  bytes: Uint8Array,
  pipelineVersion: string,
): string {
  return createHash('sha256')
    .update(pipelineVersion)
    .update('\0')
    .update(fileName)
    .update('\0')
    .update(bytes)
    .digest('hex');
}

/** Opens (and creates) a cache folder that keeps one JSON file per entry. */
export function openArticleCache(dir: string): ArticleCache {
  const stats = { hits: 0, misses: 0 };
  const fileOf = (key: string) => path.join(dir, key.slice(0, 2), `${key}.json`);
  return {
    stats,
    read<T>(key: string): T | undefined {
      const file = fileOf(key);
      if (!existsSync(file)) {
        stats.misses++;
        return undefined;
      }
      try {
        const value = JSON.parse(readFileSync(file, 'utf8')) as T;
        stats.hits++;
        return value;
      } catch {
        // A torn or corrupt entry is only a miss: the article is read again.
        stats.misses++;
        return undefined;
      }
    },
    write(key: string, value: unknown): void {
      const file = fileOf(key);
      mkdirSync(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(value));
      renameSync(temporary, file);
    },
  };
}

/** Lists the files under a folder (recursively) whose names match, sorted. */
function listSourceFiles(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSourceFiles(full, pattern));
    else if (pattern.test(entry.name)) out.push(full);
  }
  return out.sort(compareStrings);
}

/**
 * Computes the pipeline's version: a hash of the ingest's code, the shared schemas, the
 * knowledge files and the locked dependency versions. Output cached under another version is stale.
 */
export function computePipelineVersion(
  codeDir: string,
  knowledgeDir: string,
  extraFiles: string[] = [],
): string {
  const hash = createHash('sha256');
  const files = [
    ...listSourceFiles(codeDir, /\.ts$/),
    ...listSourceFiles(knowledgeDir, /\.json$/),
    ...extraFiles.filter(existsSync),
  ];
  for (const file of files)
    hash.update(path.basename(file)).update('\0').update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}
