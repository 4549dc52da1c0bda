import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import matter from 'gray-matter';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cardLoader, parseEntryFile } from '../../../src/lib/card-loader.ts';
import { readActor, readArticle } from '../../../src/lib/entry-files.ts';
import { actorCardSchema, articleCardSchema } from '../../../src/schema.ts';
import { makeTempDir } from '../../helpers/temp.ts';

const CONTENT = path.resolve('content');

interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  digest?: string;
  filePath?: string;
}

/** The parts of Astro's loader context the card loader uses, over a plain Map. */
function createContext(root: string, schema: typeof articleCardSchema | typeof actorCardSchema) {
  const entries = new Map<string, StoredEntry>();
  const metaEntries = new Map<string, string>();
  const parsed: string[] = [];
  const context = {
    meta: {
      get: (key: string) => metaEntries.get(key),
      set: (key: string, value: string) => void metaEntries.set(key, value),
    },
    store: {
      get: (id: string) => entries.get(id),
      has: (id: string) => entries.has(id),
      set: (entry: StoredEntry) => (entries.set(entry.id, entry), true),
      keys: () => [...entries.keys()],
      delete: (id: string) => void entries.delete(id),
    },
    parseData: async ({ id, data }: { id: string; data: Record<string, unknown> }) => {
      parsed.push(id);
      return schema.parse(data);
    },
    generateDigest: (text: string) => createHash('sha1').update(text).digest('hex'),
    config: { root: pathToFileURL(`${root}/`) },
    logger: { error: () => {} },
  };
  return { entries, parsed, context };
}

let root: string;
beforeEach(() => {
  root = makeTempDir('cards');
  cpSync(path.join(CONTENT, 'articles'), path.join(root, 'articles'), { recursive: true });
  cpSync(path.join(CONTENT, 'actors'), path.join(root, 'actors'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the card loader', () => {
  it('keeps an article card without its per-paragraph detail or quotes, and the file it came from', async () => {
    const { entries, context } = createContext(root, articleCardSchema);
    await cardLoader({ base: 'articles', extension: '.md' }).load(context as never);
    const ids = readdirSync(path.join(root, 'articles')).map((n) => n.replace(/\.md$/, ''));
    expect([...entries.keys()].sort()).toEqual(ids.sort());
    const first = entries.get(ids[0]!)!;
    const whole = matter(
      readFileSync(path.join(root, 'articles', `${ids[0]}.md`), 'utf8'),
      {},
    ).data;
    expect(first.data.title).toBe(whole.title);
    expect(whole.mentions.length).toBeGreaterThan(0);
    for (const detail of ['mentions', 'citations', 'voices', 'evidence', 'quotes'])
      expect(first.data).not.toHaveProperty(detail);
    expect(first.filePath).toBe(`articles/${ids[0]}.md`);
  });

  it('keeps an actor card without its mentions and articles, which the mention index gives', async () => {
    const { entries, context } = createContext(root, actorCardSchema);
    await cardLoader({ base: 'actors', extension: '.json' }).load(context as never);
    const [id, card] = [...entries].find(([, e]) => e.data.description)!;
    const whole = JSON.parse(readFileSync(path.join(root, 'actors', `${id}.json`), 'utf8'));
    expect(whole.mentions.length).toBeGreaterThan(0);
    expect(card.data).not.toHaveProperty('mentions');
    expect(card.data).not.toHaveProperty('articles');
    expect(card.data.description).toBe(whole.description);
  });

  it('parses again only the files whose text changed, and drops entries whose files are gone', async () => {
    const { entries, parsed, context } = createContext(root, articleCardSchema);
    const loader = cardLoader({ base: 'articles', extension: '.md' });
    await loader.load(context as never);
    const [changed, removed] = readdirSync(path.join(root, 'articles')).sort();
    parsed.length = 0;
    await loader.load(context as never);
    expect(parsed).toEqual([]);

    const file = path.join(root, 'articles', changed!);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/^  "readingMinutes": \d+,$/m, '  "readingMinutes": 99,'),
    );
    rmSync(path.join(root, 'articles', removed!));
    await loader.load(context as never);
    const changedId = changed!.replace(/\.md$/, '');
    expect(parsed).toEqual([changedId]);
    expect(entries.get(changedId)!.data.readingMinutes).toBe(99);
    expect(entries.has(removed!.replace(/\.md$/, ''))).toBe(false);
  });

  it('reads a file written again, and parses it only if its text changed, even at the same size', async () => {
    const { entries, parsed, context } = createContext(root, articleCardSchema);
    const loader = cardLoader({ base: 'articles', extension: '.md' });
    await loader.load(context as never);
    const [same, edited] = readdirSync(path.join(root, 'articles')).sort();
    const sameFile = path.join(root, 'articles', same!);
    writeFileSync(sameFile, readFileSync(sameFile));
    const editedFile = path.join(root, 'articles', edited!);
    const text = readFileSync(editedFile, 'utf8');
    const swapped = text.replace(
      /"readingMinutes": (\d)/,
      (_, d) => `"readingMinutes": ${(Number(d) + 1) % 10}`,
    );
    expect(swapped.length).toBe(text.length);
    expect(swapped).not.toBe(text);
    writeFileSync(editedFile, swapped);
    parsed.length = 0;
    await loader.load(context as never);
    expect(parsed).toEqual([edited!.replace(/\.md$/, '')]);
    expect(entries.size).toBe(readdirSync(path.join(root, 'articles')).length);
  });
});

describe('reading a whole entry from its card', () => {
  it('reads an article back with its mentions and its Markdown body', async () => {
    const name = readdirSync(path.join(CONTENT, 'articles'))[0]!;
    const whole = matter(readFileSync(path.join(CONTENT, 'articles', name), 'utf8'), {});
    const article = await readArticle({ id: 'x', filePath: path.join('content/articles', name) });
    expect(article.data.mentions).toEqual(whole.data.mentions);
    expect(article.body).toBe(whole.content);
  });

  it('reads an actor back with the sentence of every mention', async () => {
    const name = readdirSync(path.join(CONTENT, 'actors'))[0]!;
    const actor = await readActor({ id: 'x', filePath: path.join('content/actors', name) });
    expect(actor.mentions.every((m) => typeof m.sentence === 'string')).toBe(true);
  });

  it('says which entry had no file recorded', async () => {
    await expect(readArticle({ id: 'lost' })).rejects.toThrow(/lost/);
  });
});

describe('parsing an entry file', () => {
  it('reads every committed article as gray-matter does', () => {
    const dir = path.join(CONTENT, 'articles');
    for (const name of readdirSync(dir)) {
      const text = readFileSync(path.join(dir, name), 'utf8');
      const expected = matter(text, {});
      expect(parseEntryFile(text, '.md'), name).toEqual({
        data: expected.data,
        body: expected.content,
      });
    }
  });

  it.each([
    ['JSON front matter and a body with a rule in it', '---json\n{"a": 1}\n---\nText\n---\nMore\n'],
    ['JSON front matter and no body', '---json\n{"a": "x\\n---\\ny"}\n---\n'],
    ['YAML front matter written by hand', '---\ntitle: Hand made\n---\nBody\n'],
    ['no front matter at all', 'Just text\n'],
  ])('reads %s as gray-matter does', (_, text) => {
    const expected = matter(text, {});
    expect(parseEntryFile(text, '.md')).toEqual({ data: expected.data, body: expected.content });
  });
});
