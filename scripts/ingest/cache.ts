import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { compareStrings } from './text.ts';

/** A store of per-article results, keyed by what they were computed from. */
export interface ArticleCache {
  read: <T>(key: string) => T | undefined;
  write: (key: string, value: unknown) => void;
  /** Stores a value given as its JSON text (`JSON.stringify(value)`). */
  writeJson: (key: string, json: string) => void;
  /** Saves what this run wrote, so that the next run finds it; the cache is not used after. */
  close: () => void;
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

/** Where each entry is: its pack's place in `packs`, and its line's byte offset and length. */
interface PackIndex {
  packs: string[];
  entries: Record<string, [pack: number, offset: number, length: number]>;
}

const INDEX_NAME = 'index.json';
const PACK_NAME = /^pack-[\w.-]+\.jsonl$/;
/** A run's new entries are written in batches of about this many bytes. */
const FLUSH_BYTES = 1 << 20;
/** More packs than this are merged into one, so that a cache used every day stays a few files. */
const MAX_PACKS = 8;

function readIndex(dir: string): PackIndex {
  try {
    const index = JSON.parse(readFileSync(path.join(dir, INDEX_NAME), 'utf8')) as PackIndex;
    if (Array.isArray(index.packs) && index.entries && typeof index.entries === 'object')
      return index;
  } catch {
    // No index, or a torn one: the cache starts empty.
  }
  return { packs: [], entries: {} };
}

/** A pack's file name, never one another run (or an earlier cache in this process) has used. */
function newPackName(): string {
  return `pack-${Date.now().toString(36)}-${randomBytes(6).toString('hex')}.jsonl`;
}

/** Reads the packs of one cache folder, each file opened once. */
function openPackReader(dir: string) {
  const fds = new Map<string, number>();
  return {
    /** The bytes of one line, or null when its pack is gone or shorter than the index says. */
    read(pack: string, offset: number, length: number): Buffer | null {
      try {
        let fd = fds.get(pack);
        if (fd === undefined) {
          fd = openSync(path.join(dir, pack), 'r');
          fds.set(pack, fd);
        }
        const buffer = Buffer.allocUnsafe(length);
        return readSync(fd, buffer, 0, length, offset) === length ? buffer : null;
      } catch {
        return null;
      }
    },
    close(): void {
      for (const fd of fds.values()) closeSync(fd);
      fds.clear();
    },
  };
}

/**
 * Opens (and creates) a cache folder that keeps its entries as lines of a few append-only pack
 * files, with an index of where each is. One file per entry cost a file creation and a rename for
 * each of tens of thousands of entries, which on this file system took 3-11 s of a 10,000-article
 * ingest; a run's entries are now one file written in large blocks. Each line holds its key as
 * well, so a line that is torn or not the one the index means is a miss, never a wrong entry.
 * On close, entries no read or write of this run touched are dropped once they are most of the
 * cache: the cache keeps what the last run used.
 */
export function openArticleCache(dir: string): ArticleCache {
  mkdirSync(dir, { recursive: true });
  removeEntryFolders(dir);
  const stats = { hits: 0, misses: 0 };
  const index = readIndex(dir);
  const packs = openPackReader(dir);
  const used = new Set<string>();
  // This run's pack: created on the first write, its lines queued and written in blocks.
  const packName = newPackName();
  const pack = index.packs.length;
  let fd: number | null = null;
  let written = 0;
  let queued: string[] = [];
  let queuedBytes = 0;
  const flush = () => {
    if (!queued.length) return;
    if (fd === null) {
      fd = openSync(path.join(dir, packName), 'wx');
      index.packs.push(packName);
    }
    writeSync(fd, queued.join(''));
    written += queuedBytes;
    queued = [];
    queuedBytes = 0;
  };

  const writeJson = (key: string, json: string): void => {
    // The same line as JSON.stringify([key, value]) makes.
    const line = `[${JSON.stringify(key)},${json}]\n`;
    const length = Buffer.byteLength(line);
    index.entries[key] = [pack, written + queuedBytes, length];
    used.add(key);
    queued.push(line);
    queuedBytes += length;
    if (queuedBytes >= FLUSH_BYTES) flush();
  };

  return {
    stats,
    read<T>(key: string): T | undefined {
      const where = index.entries[key];
      // An entry of this run's may still be queued.
      if (where?.[0] === pack) flush();
      const line = where && packs.read(index.packs[where[0]]!, where[1], where[2]);
      let value: T | undefined;
      try {
        const stored = line ? (JSON.parse(line.toString('utf8')) as [string, T]) : undefined;
        if (stored?.[0] === key) value = stored[1];
      } catch {
        // A torn or corrupt entry is only a miss: the article is read again.
      }
      if (value === undefined) stats.misses++;
      else {
        stats.hits++;
        used.add(key);
      }
      return value;
    },
    write(key: string, value: unknown): void {
      writeJson(key, JSON.stringify(value));
    },
    writeJson,
    close(): void {
      flush();
      if (fd !== null) closeSync(fd);
      const next = shouldCompact(index, used) ? compactPacks(dir, index, used, packs) : index;
      packs.close();
      const temporary = path.join(dir, `${INDEX_NAME}.${process.pid}.tmp`);
      writeFileSync(temporary, JSON.stringify(next));
      renameSync(temporary, path.join(dir, INDEX_NAME));
      // Packs the index no longer names: merged ones, and those of runs that did not close.
      const kept = new Set(next.packs);
      for (const name of readdirSync(dir))
        if (PACK_NAME.test(name) && !kept.has(name)) rmSync(path.join(dir, name), { force: true });
    },
  };
}

/** Whether the cache has more packs than it keeps, or holds at least as many bytes unused by this run as used. */
function shouldCompact(index: PackIndex, used: Set<string>): boolean {
  if (index.packs.length > MAX_PACKS) return true;
  let all = 0;
  let live = 0;
  for (const [key, [, , length]] of Object.entries(index.entries)) {
    all += length;
    if (used.has(key)) live += length;
  }
  return live <= all / 2;
}

/**
 * Keeps only the entries this run used, and returns their index. When they are all in one pack,
 * as after a change of the pipeline's version, that pack is kept as it is; otherwise they are
 * copied into one new pack.
 */
function compactPacks(
  dir: string,
  index: PackIndex,
  used: Set<string>,
  packs: ReturnType<typeof openPackReader>,
): PackIndex {
  const keys = [...used].filter((key) => index.entries[key]).sort(compareStrings);
  const homes = new Set(keys.map((key) => index.entries[key]![0]));
  if (homes.size === 1) {
    const [home] = homes;
    const entries: PackIndex['entries'] = {};
    for (const key of keys) {
      const [, at, length] = index.entries[key]!;
      entries[key] = [0, at, length];
    }
    return { packs: [index.packs[home!]!], entries };
  }
  const name = newPackName();
  const entries: PackIndex['entries'] = {};
  const fd = openSync(path.join(dir, name), 'wx');
  try {
    let offset = 0;
    for (const key of keys) {
      const [pack, at, length] = index.entries[key]!;
      const line = packs.read(index.packs[pack]!, at, length);
      if (!line) continue;
      writeSync(fd, line);
      entries[key] = [0, offset, length];
      offset += length;
    }
  } finally {
    closeSync(fd);
  }
  return { packs: [name], entries };
}

/** Removes the one-file-per-entry folders (`ab/`) of the cache's earlier layout. */
function removeEntryFolders(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }))
    if (entry.isDirectory() && /^[0-9a-f]{2}$/.test(entry.name))
      rmSync(path.join(dir, entry.name), { recursive: true, force: true });
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
