import type { APIRoute } from 'astro';
import { keepOwnPages } from '../../lib/build-shards.ts';
import { paths } from '../../lib/format.ts';
import { getSiteIndex, type SiteIndex } from '../../lib/site-index.ts';

/** Shapes each collection for the machine-readable export: every item has `id` and `url`. */
const exporters: Record<string, (index: SiteIndex) => unknown[]> = {
  articles: (index) =>
    index.articlesByDate.map(({ id, data }) => ({
      id,
      url: paths.article(id),
      seedFile: data.seedFile,
      title: data.title,
      dek: data.dek,
      date: data.date,
      datePrecision: data.datePrecision,
      dateInferred: data.dateInferred,
      updated: data.updated,
      outlet: data.outlet ? (index.sourceById.get(data.outlet)?.data.name ?? null) : null,
      outletId: data.outlet,
      author: data.author,
      section: data.section,
      categories: data.categories,
      kind: data.kind,
      language: data.language,
      headings: data.headings.map((h) => h.text),
      paragraphCount: data.paragraphCount,
      wordCount: data.wordCount,
      duplicateOf: data.duplicateOf,
      actors: data.actors,
      topics: data.topics.map((t) => t.topic),
      events: data.events,
      quotes: (index.quotesByArticle.get(id) ?? []).map((q) => ({
        text: q.text,
        speaker: q.speaker,
        speakerName: q.speakerName,
        paragraph: q.paragraph,
        medium: q.medium,
      })),
    })),
  actors: (index) =>
    index.actors.map(({ id, data }) => ({
      id,
      url: paths.actor(id),
      ...data,
      articles: index.articlesByActor.get(id) ?? [],
      mentions: index.mentionsByActor.get(id) ?? [],
    })),
  events: (index) => index.events.map(({ id, data }) => ({ id, url: paths.event(id), ...data })),
  sources: (index) => index.sources.map(({ id, data }) => ({ id, url: paths.source(id), ...data })),
  topics: (index) => index.topics.map(({ id, data }) => ({ id, url: paths.topic(id), ...data })),
};

export function getStaticPaths() {
  return keepOwnPages(Object.keys(exporters), (collection) => `/data/${collection}.json`).map(
    (collection) => ({ params: { collection } }),
  );
}

export const GET: APIRoute = async ({ params }) => {
  const index = await getSiteIndex();
  const items = exporters[params.collection!]!(index);
  return new Response(`${JSON.stringify(items, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json' },
  });
};
