import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { actorSchema, articleSchema, type Actor, type Article } from '../schema.ts';
import { parseEntryFile } from './card-loader.ts';

/** An entry of the content layer, which keeps a card and the file the whole entry lives in. */
interface CardEntry {
  id: string;
  filePath?: string | undefined;
}

async function readEntryFile(entry: CardEntry, extension: '.json' | '.md') {
  if (!entry.filePath) throw new Error(`${entry.id}: the content layer did not record its file`);
  return parseEntryFile(await readFile(path.resolve(entry.filePath), 'utf8'), extension);
}

/** Reads an article's whole front matter and Markdown body from its file, validated by its schema. */
export async function readArticle(entry: CardEntry): Promise<{ data: Article; body: string }> {
  const { data, body } = await readEntryFile(entry, '.md');
  return { data: articleSchema.parse(data), body };
}

/** Reads an actor's whole entry, with the sentence of each mention, from its file. */
export async function readActor(entry: CardEntry): Promise<Actor> {
  return actorSchema.parse((await readEntryFile(entry, '.json')).data);
}
