import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { actorSchema, articleSchema, type Actor, type Article } from '../schema.ts';
import { parseEntryFile } from './card-loader.ts';

/** An entry of the content layer, which keeps a card and the file the whole entry lives in. */
export interface CardEntry {
  id: string;
  filePath?: string | undefined;
}

function fileOf(entry: CardEntry): string {
  if (!entry.filePath) throw new Error(`${entry.id}: the content layer did not record its file`);
  // Relative to the project's root, which is not the working folder of a split build's processes.
  return path.resolve(process.env.PARALLAX_ROOT ?? '', entry.filePath);
}

function parseArticle(text: string): { data: Article; body: string } {
  const { data, body } = parseEntryFile(text, '.md');
  return { data: articleSchema.parse(data), body };
}

/** Reads an article's whole front matter and Markdown body from its file, validated by its schema. */
export async function readArticle(entry: CardEntry): Promise<{ data: Article; body: string }> {
  return parseArticle(await readFile(fileOf(entry), 'utf8'));
}

/** Reads an article as `readArticle` does, for a worker that answers its messages in order. */
export function readArticleSync(entry: CardEntry): { data: Article; body: string } {
  return parseArticle(readFileSync(fileOf(entry), 'utf8'));
}

/** Reads an actor's whole entry, with the sentence of each mention, from its file. */
export async function readActor(entry: CardEntry): Promise<Actor> {
  return actorSchema.parse(parseEntryFile(await readFile(fileOf(entry), 'utf8'), '.json').data);
}
