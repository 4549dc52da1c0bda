import { readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { beforeAll, describe, expect, it } from 'vitest';
import { actorSchema, articleSchema, eventSchema, sourceSchema, topicSchema } from '../../src/schema.ts';
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

  it('comes out byte-identical from two runs of the ingest', async () => {
    const again = await ingestInto(path.join(ROOT, 'seeds'));
    for (const file of generatedFiles(fresh.outDir)) {
      expect(readFileSync(path.join(again.outDir, file), 'utf8'), file).toBe(readFileSync(path.join(fresh.outDir, file), 'utf8'));
    }
  });
});
