import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import matter from 'gray-matter';

/** One entry file as the ingest wrote it: JSON data, or Markdown with front matter. */
export interface EntryFile {
  data: Record<string, unknown>;
  body: string;
}

const JSON_FENCE = '---json\n';
const CLOSING_FENCE = '\n---\n';

/** Parses an entry file's text by its extension. */
export function parseEntryFile(text: string, extension: '.json' | '.md'): EntryFile {
  if (extension === '.json') return { data: JSON.parse(text) as Record<string, unknown>, body: '' };
  // The ingest writes JSON front matter, whose text never holds a line of three dashes (JSON
  // escapes line breaks in strings), so its first closing fence is the end; every build reads each
  // article twice, and gray-matter's general reader costs more than the JSON it parses.
  const end = text.startsWith(JSON_FENCE) ? text.indexOf(CLOSING_FENCE, JSON_FENCE.length - 1) : -1;
  if (end >= 0)
    return {
      data: JSON.parse(text.slice(JSON_FENCE.length, end + 1)) as Record<string, unknown>,
      body: text.slice(end + CLOSING_FENCE.length),
    };
  // Options are passed so that gray-matter does not keep every parsed file in its module cache.
  const parsed = matter(text, {});
  return { data: parsed.data, body: parsed.content };
}

interface CardLoaderOptions {
  /** The folder of entry files, one per entry, named by id. */
  base: string;
  extension: '.json' | '.md';
}

/** The loader's record, in its meta store, of each file as it last read it. */
const STAMPS_KEY = 'file-stamps';

/** What identifies one state of a file without reading it: size, modification time, inode. */
function stampOf(file: string): string {
  const info = statSync(file);
  return `${info.size}:${info.mtimeMs}:${info.ino}`;
}

/**
 * A content loader that keeps only a card of each entry in Astro's data store, with the file it
 * came from. The collection's schema is the card: zod drops every key it does not name, and pages
 * read the rest from `filePath`. Astro holds its whole data store in memory and serializes it
 * after every change, so keeping bodies and per-paragraph detail out of it is what bounds the
 * build's time and memory as the corpus grows.
 *
 * A file whose size, modification time and inode are those of the last build is not read again
 * (the ingest links unchanged files into a new content folder, and any write changes the time);
 * another is read, and parsed only when its text changed. Files are read synchronously: nothing
 * else runs meanwhile, and tens of thousands of small reads cost several times more as promises.
 * Reading only what changed also keeps a rebuild's load within Astro's half-second save debounce,
 * which otherwise serializes the whole store twice (3.5 s each at 10,000 articles).
 */
export function cardLoader({ base, extension }: CardLoaderOptions): Loader {
  return {
    name: 'parallax-card-loader',
    async load({ store, meta, parseData, generateDigest, config, logger }) {
      const root = fileURLToPath(config.root);
      const folder = path.resolve(root, base);
      const names = (existsSync(folder) ? readdirSync(folder) : [])
        .filter((n) => n.endsWith(extension))
        .sort();
      const known = JSON.parse(meta.get(STAMPS_KEY) ?? '{}') as Record<string, string>;
      const stamps: Record<string, string> = {};
      const seen = new Set<string>();
      for (const name of names) {
        const id = name.slice(0, -extension.length);
        const file = path.join(folder, name);
        const stamp = stampOf(file);
        stamps[name] = stamp;
        seen.add(id);
        if (known[name] === stamp && store.has(id)) continue;
        const text = readFileSync(file, 'utf8');
        const digest = generateDigest(text);
        if (store.get(id)?.digest === digest) continue;
        const filePath = path.relative(root, file).split(path.sep).join('/');
        let entry: EntryFile;
        try {
          entry = parseEntryFile(text, extension);
        } catch (error) {
          logger.error(`${filePath}: ${(error as Error).message}`);
          throw error;
        }
        const data = await parseData({ id, data: entry.data, filePath });
        store.set({ id, data, digest, filePath });
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      meta.set(STAMPS_KEY, JSON.stringify(stamps));
    },
  };
}
