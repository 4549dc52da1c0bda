import { getCollection, type CollectionEntry } from 'astro:content';

/** Every collection of the site, loaded once, with the lookups pages need. */
export interface SiteIndex {
  articles: CollectionEntry<'articles'>[];
  actors: CollectionEntry<'actors'>[];
  events: CollectionEntry<'events'>[];
  sources: CollectionEntry<'sources'>[];
  topics: CollectionEntry<'topics'>[];
  /** Articles newest first; undated ones last. */
  articlesByDate: CollectionEntry<'articles'>[];
  articleById: Map<string, CollectionEntry<'articles'>>;
  actorById: Map<string, CollectionEntry<'actors'>>;
  eventById: Map<string, CollectionEntry<'events'>>;
  sourceById: Map<string, CollectionEntry<'sources'>>;
  topicById: Map<string, CollectionEntry<'topics'>>;
}

let cached: Promise<SiteIndex> | undefined;

function byId<T extends { id: string }>(entries: T[]): Map<string, T> {
  return new Map(entries.map((e) => [e.id, e]));
}

async function buildSiteIndex(): Promise<SiteIndex> {
  const [articles, actors, events, sources, topics] = await Promise.all([
    getCollection('articles'),
    getCollection('actors'),
    getCollection('events'),
    getCollection('sources'),
    getCollection('topics'),
  ]);
  const articlesByDate = [...articles].sort((a, b) => {
    const da = a.data.date ?? '';
    const db = b.data.date ?? '';
    return da === db ? (a.id < b.id ? -1 : 1) : da < db ? 1 : -1;
  });
  return {
    articles,
    actors,
    events,
    sources,
    topics,
    articlesByDate,
    articleById: byId(articles),
    actorById: byId(actors),
    eventById: byId(events),
    sourceById: byId(sources),
    topicById: byId(topics),
  };
}

/** Returns the site index, built on first use and shared by every page of the build. */
export function getSiteIndex(): Promise<SiteIndex> {
  cached ??= buildSiteIndex();
  return cached;
}
