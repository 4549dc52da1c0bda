import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  mentionIndexSchema,
  quoteIndexSchema,
  type MentionIndex,
  type QuoteIndex,
} from '../schema.ts';

/** The content folder the site is built from: the benchmark and some tests build another one. */
export function resolveContentDir(): string {
  // A split build's processes work in folders of their own; the project's root is passed on.
  return path.resolve(process.env.PARALLAX_ROOT ?? '', process.env.PARALLAX_CONTENT ?? 'content');
}

/** Where in a content folder the ingest writes each index, and the site reads it. */
export const LINK_INDEX_FILES = {
  quotes: 'indexes/quotes.json',
  mentions: 'indexes/mentions.json',
} as const;

/** Every article's quotes and every actor's mentions, as the ingest wrote them for the whole corpus. */
export interface LinkIndexes {
  quotes: Map<string, QuoteIndex[string]>;
  mentions: Map<string, MentionIndex[string]>;
}

function readIndexFile<T>(dir: string, name: string, parse: (data: unknown) => T): T {
  const file = path.join(dir, name);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`${file}: cannot be read (${(error as Error).message}); run the ingest first`);
  }
  try {
    return parse(JSON.parse(text));
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}

/** Reads the quote and mention indexes of a content folder, validated by their schemas. */
export function readLinkIndexes(dir = resolveContentDir()): LinkIndexes {
  const quotes = readIndexFile(dir, LINK_INDEX_FILES.quotes, (d) => quoteIndexSchema.parse(d));
  const mentions = readIndexFile(dir, LINK_INDEX_FILES.mentions, (d) =>
    mentionIndexSchema.parse(d),
  );
  return { quotes: new Map(Object.entries(quotes)), mentions: new Map(Object.entries(mentions)) };
}
