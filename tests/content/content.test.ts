import { readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLinkIndexes } from '../../src/lib/link-indexes.ts';
import { actorSchema, articleSchema, eventSchema, sourceSchema, topicSchema, type Article } from '../../src/schema.ts';
import { GENERATED } from '../../scripts/ingest/write.ts';
import { ingestInto, listFiles, type IngestRun } from '../helpers/ingest.ts';
import { ROOT } from '../helpers/seeds.ts';

const CONTENT = path.join(ROOT, 'content');
const generatedFiles = (dir: string) => listFiles(dir).filter((f) => GENERATED.some((g) => f === g || f.startsWith(`${g}/`)));

let fresh: IngestRun;
beforeAll(async () => {
  fresh = await ingestInto(path.join(ROOT, 'seeds'));
});

describe('the committed content/ folder', () => {
  it('is exactly what the ingest writes from seeds/ today (run `npm run ingest` and commit)', () => {
    const committed = generatedFiles(CONTENT);
    expect(committed).toEqual(generatedFiles(fresh.outDir));
    for (const file of committed) {
      expect(readFileSync(path.join(CONTENT, file), 'utf8'), file).toBe(readFileSync(path.join(fresh.outDir, file), 'utf8'));
    }
  });

  it('holds only entries that pass their schema', () => {
    const schemas = { actors: actorSchema, events: eventSchema, sources: sourceSchema, topics: topicSchema };
    for (const file of generatedFiles(CONTENT)) {
      const [collection] = file.split('/');
      const text = readFileSync(path.join(CONTENT, file), 'utf8');
      if (collection === 'articles') expect(articleSchema.safeParse(matter(text).data).success, file).toBe(true);
      else if (collection && collection in schemas) expect(schemas[collection as keyof typeof schemas].safeParse(JSON.parse(text)).success, file).toBe(true);
    }
  });

  it('has references that resolve: outlets, duplicates, actors, events and topics', () => {
    const ids = (collection: string) => new Set(generatedFiles(CONTENT).filter((f) => f.startsWith(`${collection}/`)).map((f) => path.basename(f).replace(/\.(md|json)$/, '')));
    const [articles, actors, events, sources, topics] = ['articles', 'actors', 'events', 'sources', 'topics'].map(ids) as [Set<string>, Set<string>, Set<string>, Set<string>, Set<string>];
    for (const id of articles) {
      const { data } = matter(readFileSync(path.join(CONTENT, 'articles', `${id}.md`), 'utf8'));
      const article = articleSchema.parse(data);
      if (article.outlet) expect(sources.has(article.outlet), `${id} outlet`).toBe(true);
      if (article.duplicateOf) expect(articles.has(article.duplicateOf), `${id} duplicateOf`).toBe(true);
      for (const actor of article.actors) expect(actors.has(actor), `${id} actor ${actor}`).toBe(true);
      for (const event of article.events) expect(events.has(event), `${id} event ${event}`).toBe(true);
      for (const { topic } of article.topics) expect(topics.has(topic), `${id} topic ${topic}`).toBe(true);
    }
  });

  it('lists every two-way reference from both sides, as the site reads only one side', () => {
    const load = <T>(collection: string, parse: (text: string) => T) =>
      [...new Map(
        generatedFiles(CONTENT)
          .filter((f) => f.startsWith(`${collection}/`))
          .map((f) => [path.basename(f).replace(/\.(md|json)$/, ''), parse(readFileSync(path.join(CONTENT, f), 'utf8'))] as const),
      )];
    const articles = load('articles', (text) => articleSchema.parse(matter(text).data));
    const actors = load('actors', (text) => actorSchema.parse(JSON.parse(text)));
    const events = load('events', (text) => eventSchema.parse(JSON.parse(text)));
    const sources = load('sources', (text) => sourceSchema.parse(JSON.parse(text)));
    const topics = load('topics', (text) => topicSchema.parse(JSON.parse(text)));
    const pairs = <T>(entries: Array<readonly [string, T]>, read: (id: string, entry: T) => string[]) => [...new Set(entries.flatMap(([id, entry]) => read(id, entry)))].sort();

    // Mentions: an article's mention of an actor ⇔ the actor's mention in that article's paragraph.
    const mentions = pairs(articles, (id, a) => a.mentions.map((m) => `${m.actor} ${id} ${m.paragraph}`));
    expect(mentions.length).toBeGreaterThan(0);
    expect(mentions).toEqual(pairs(actors, (id, a) => a.mentions.map((m) => `${id} ${m.article} ${m.paragraph}`)));
    // Events ⇔ the articles that report them.
    expect(pairs(articles, (id, a) => a.events.map((e) => `${e} ${id}`))).toEqual(pairs(events, (id, e) => e.articles.map((a) => `${id} ${a}`)));
    // Citations, and the media that quotes were given to ⇔ the source's citedBy.
    const citing = (id: string, a: Article) => [...a.citations.map((c) => `${c.source} ${id} ${c.paragraph}`), ...a.quotes.flatMap((q) => (q.medium ? [`${q.medium} ${id} ${q.paragraph}`] : []))];
    expect(pairs(articles, citing)).toEqual(pairs(sources, (id, s) => s.citedBy.map((r) => `${id} ${r.article} ${r.paragraph}`)));
    // Topics ⇔ their articles, and topics ⇔ their events.
    expect(pairs(articles, (id, a) => a.topics.map((t) => `${t.topic} ${id}`))).toEqual(pairs(topics, (id, t) => t.articles.map((a) => `${id} ${a.article}`)));
    expect(pairs(events, (id, e) => e.topics.map((t) => `${t} ${id}`))).toEqual(pairs(topics, (id, t) => t.events.map((e) => `${id} ${e}`)));
  });

  it('indexes every quote of every article and every mention of every actor, as their entries give them', () => {
    const links = readLinkIndexes(CONTENT);
    const quotes = generatedFiles(CONTENT)
      .filter((f) => f.startsWith('articles/'))
      .map((f) => [path.basename(f, '.md'), articleSchema.parse(matter(readFileSync(path.join(CONTENT, f), 'utf8')).data).quotes] as const)
      .filter(([, list]) => list.length > 0);
    expect(quotes.length).toBeGreaterThan(0);
    expect([...links.quotes].sort()).toEqual(quotes.sort());
    const mentions = generatedFiles(CONTENT)
      .filter((f) => f.startsWith('actors/'))
      .map((f) => [path.basename(f, '.json'), actorSchema.parse(JSON.parse(readFileSync(path.join(CONTENT, f), 'utf8'))).mentions.map(({ sentence: _, ...m }) => m)] as const)
      .filter(([, list]) => list.length > 0);
    expect(mentions.length).toBeGreaterThan(10);
    expect([...links.mentions].sort()).toEqual(mentions.sort());
  });

  it("gives each actor's articles as the articles of its mentions, in id order, as the site reads them", () => {
    for (const f of generatedFiles(CONTENT).filter((f) => f.startsWith('actors/'))) {
      const actor = actorSchema.parse(JSON.parse(readFileSync(path.join(CONTENT, f), 'utf8')));
      const fromMentions = actor.mentions.map((m) => m.article).filter((id, i, all) => all[i - 1] !== id);
      expect(fromMentions, f).toEqual(actor.articles);
      expect([...actor.articles].sort(), f).toEqual(actor.articles);
    }
  });

  it('comes out byte-identical from two runs of the ingest', async () => {
    const again = await ingestInto(path.join(ROOT, 'seeds'));
    for (const file of generatedFiles(fresh.outDir)) {
      expect(readFileSync(path.join(again.outDir, file), 'utf8'), file).toBe(readFileSync(path.join(fresh.outDir, file), 'utf8'));
    }
  });
});
