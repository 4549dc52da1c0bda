import { readdir, readFile } from 'node:fs/promises';
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

/**
 * A content loader that keeps only a card of each entry in Astro's data store, with the file it
 * came from, and skips files whose text is unchanged since the last build. The collection's schema
 * is the card: zod drops every key it does not name, and pages read the rest from `filePath`. Astro bundles its whole
 * data store into the build as one module, so keeping bodies and per-paragraph detail out of it is
 * what bounds the build's memory as the corpus grows.
 */
export function cardLoader({ base, extension }: CardLoaderOptions): Loader {
  return {
    name: 'parallax-card-loader',
    async load({ store, parseData, generateDigest, config, logger }) {
      const root = fileURLToPath(config.root);
      const folder = path.resolve(root, base);
      const names = (await readdir(folder).catch(() => [] as string[]))
        .filter((n) => n.endsWith(extension))
        .sort();
      const seen = new Set<string>();
      for (const name of names) {
        const id = name.slice(0, -extension.length);
        const file = path.join(folder, name);
        const text = await readFile(file, 'utf8');
        const digest = generateDigest(text);
        seen.add(id);
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
    },
  };
}
