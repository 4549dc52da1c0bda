import { getCollection, type CollectionEntry } from 'astro:content';
import { actorKindSchema, type ActorMention, type Article } from '../schema.ts';
import { countActorPairs, type ActorPair } from './actor-pairs.ts';
import { compareNames } from './format.ts';
import { readLinkIndexes } from './link-indexes.ts';
import { TIMELINE_MENU_ACTORS, TIMELINE_MENU_TOPICS } from './limits.ts';
import { createPageDigests, type PageDigests } from './page-digests.ts';

type ArticleEntry = CollectionEntry<'articles'>;
type ActorEntry = CollectionEntry<'actors'>;
type EventEntry = CollectionEntry<'events'>;
type SourceEntry = CollectionEntry<'sources'>;
type TopicEntry = CollectionEntry<'topics'>;

/** One mention of an actor; the sentence it sits in is read from the actor's file by its own page. */
export type MentionRef = ActorMention & { sentence?: string };

/** A quotation together with the article it was read from. */
export interface QuoteRef {
  article: ArticleEntry;
  quote: Article['quotes'][number];
}

/** A paragraph pointer: the unit every fact links back to. */
export interface ParagraphRef {
  article: string;
  paragraph: string;
}

/** A cited source and the paragraphs that cite it. */
export interface CitedSource {
  source: string;
  refs: ParagraphRef[];
}

/** Every collection of the site, loaded once, with the lookups and derived indexes pages need. */
export interface SiteIndex {
  articles: ArticleEntry[];
  actors: ActorEntry[];
  events: EventEntry[];
  sources: SourceEntry[];
  topics: TopicEntry[];
  /** Articles newest first; undated ones last. */
  articlesByDate: ArticleEntry[];
  articleById: Map<string, ArticleEntry>;
  actorById: Map<string, ActorEntry>;
  eventById: Map<string, EventEntry>;
  sourceById: Map<string, SourceEntry>;
  topicById: Map<string, TopicEntry>;
  /** The earliest and latest article dates. */
  dateRange: { first: string | null; last: string | null };
  /** Sources that publish articles, most articles first. */
  outlets: SourceEntry[];
  /** Each outlet's articles, newest first. */
  articlesByOutlet: Map<string, ArticleEntry[]>;
  /** Events oldest first. */
  eventsByDate: EventEntry[];
  eventsByActor: Map<string, EventEntry[]>;
  eventsByTopic: Map<string, EventEntry[]>;
  eventsByArticle: Map<string, EventEntry[]>;
  mentionsByActor: Map<string, MentionRef[]>;
  /** The ids of the articles that mention each actor, in id order. */
  articlesByActor: Map<string, string[]>;
  /** Each article's quotes, in paragraph order. */
  quotesByArticle: Map<string, Array<Article['quotes'][number]>>;
  /** Actors, most mentioned first. */
  actorsByMentions: ActorEntry[];
  /** Actors by kind (in the schema's order of kinds), most mentioned first within a kind. */
  actorsByKind: ActorEntry[];
  quotesBySpeaker: Map<string, QuoteRef[]>;
  /** Quotes from a topic's paragraphs (or whole articles when no paragraphs are given). */
  quotesByTopic: Map<string, QuoteRef[]>;
  /** A topic's articles with their scores, most relevant first. */
  articlesByTopic: Map<string, Array<{ article: ArticleEntry; score: number }>>;
  /** Topics, most articles first. */
  topicsBySize: TopicEntry[];
  /** Actors most mentioned in a topic's paragraphs, with their counts. */
  actorsByTopic: Map<string, Array<{ actor: ActorEntry; count: number }>>;
  /** For each actor, the actors sharing a paragraph with them, by paragraphs shared. */
  coActors: Map<string, Array<{ actor: ActorEntry; weight: number }>>;
  /** All co-occurring pairs, heaviest first. */
  actorPairs: ActorPair[];
  /** For each publishing outlet, the sources its articles cite. */
  citesBySource: Map<string, CitedSource[]>;
  /** For each source, the paragraphs of other articles that cite it. */
  citedBySource: Map<string, ParagraphRef[]>;
  /** Topics that have events, for the timeline's menu and pages. */
  timelineTopics: TopicEntry[];
  /** Actors that have events, most mentioned first, for the timeline's menu and pages. */
  timelineActors: ActorEntry[];
  /** Every actor and topic with an event has a timeline page; the menu offers the busiest ones. */
  timelineMenuActors: ActorEntry[];
  timelineMenuTopics: TopicEntry[];
}

let cached: Promise<SiteIndex> | undefined;

/**
 * Whether an actor has its own RSS feed: only when it is mentioned in two articles or more, since a
 * feed of one article never brings news (most names in a large corpus appear once).
 */
export function hasActorFeed(index: SiteIndex, actor: ActorEntry): boolean {
  return (index.articlesByActor.get(actor.id)?.length ?? 0) >= 2;
}

function byId<T extends { id: string }>(entries: T[]): Map<string, T> {
  return new Map(entries.map((e) => [e.id, e]));
}

/** Appends to the list stored under a key, creating it on first use. */
function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function byEventDate(a: EventEntry, b: EventEntry): number {
  return a.data.date === b.data.date
    ? compareNames(a.data.title, b.data.title)
    : a.data.date < b.data.date
      ? -1
      : 1;
}

/** Adds each event under every key it belongs to, once, keeping the lists in time order. */
function groupEvents(
  events: EventEntry[],
  keysOf: (event: EventEntry) => Iterable<string>,
): Map<string, EventEntry[]> {
  const map = new Map<string, EventEntry[]>();
  for (const event of events) for (const key of new Set(keysOf(event))) push(map, key, event);
  return map;
}

function sortById<T extends { id: string }>(entries: T[]): T[] {
  return entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function buildSiteIndex(): Promise<SiteIndex> {
  // The content layer loads files concurrently, so its order varies from build to build: every
  // list on the site starts from id order, so that two builds give the same bytes.
  const [articles, actors, events, sources, topics] = await Promise.all([
    getCollection('articles').then(sortById),
    getCollection('actors').then(sortById),
    getCollection('events').then(sortById),
    getCollection('sources').then(sortById),
    getCollection('topics').then(sortById),
  ]);
  const articlesByDate = [...articles].sort((a, b) => {
    const da = a.data.date ?? '';
    const db = b.data.date ?? '';
    return da === db ? (a.id < b.id ? -1 : 1) : da < db ? 1 : -1;
  });
  const articleById = byId(articles);
  const actorById = byId(actors);
  const topicById = byId(topics);
  const sourceById = byId(sources);
  const dated = articlesByDate.filter((a) => a.data.date);

  const articlesByOutlet = new Map<string, ArticleEntry[]>();
  for (const article of articlesByDate)
    if (article.data.outlet) push(articlesByOutlet, article.data.outlet, article);
  const outlets = sources
    .filter((s) => s.data.kind !== 'cited' || articlesByOutlet.has(s.id))
    .sort(
      (a, b) =>
        (articlesByOutlet.get(b.id)?.length ?? 0) - (articlesByOutlet.get(a.id)?.length ?? 0) ||
        compareNames(a.data.name, b.data.name),
    );

  const eventById = byId(events);
  const eventsByDate = [...events].sort(byEventDate);
  // The ingest writes every reference in both directions (tests/content checks it), so each
  // index reads one side only.
  const eventsByActor = groupEvents(eventsByDate, (e) => e.data.actors);
  const eventsByTopic = groupEvents(eventsByDate, (e) => e.data.topics);
  const eventsByArticle = groupEvents(eventsByDate, (e) => e.data.articles);

  // Quotes and mentions are not in the content layer's cards: the ingest indexes them for the corpus.
  const links = readLinkIndexes();
  const mentionsByActor = new Map<string, MentionRef[]>(
    actors.map((actor) => [actor.id, links.mentions.get(actor.id) ?? []]),
  );
  // An actor's mentions are in article order (tests/content checks them against its entry).
  const articlesByActor = new Map<string, string[]>();
  for (const [actor, mentions] of mentionsByActor) {
    const ids: string[] = [];
    for (const m of mentions) if (ids.at(-1) !== m.article) ids.push(m.article);
    articlesByActor.set(actor, ids);
  }
  const quotesByArticle = new Map(
    articles.map((article) => [article.id, links.quotes.get(article.id) ?? []]),
  );
  const actorsByMentions = [...actors].sort(
    (a, b) =>
      (mentionsByActor.get(b.id)?.length ?? 0) - (mentionsByActor.get(a.id)?.length ?? 0) ||
      compareNames(a.data.name, b.data.name),
  );

  const quotesBySpeaker = new Map<string, QuoteRef[]>();
  const quotesByTopic = new Map<string, QuoteRef[]>();
  for (const article of articlesByDate) {
    const quotes = quotesByArticle.get(article.id)!;
    for (const quote of quotes)
      if (quote.speaker) push(quotesBySpeaker, quote.speaker, { article, quote });
    for (const t of article.data.topics) {
      const inTopic = (paragraph: string) =>
        t.paragraphs.length === 0 || t.paragraphs.includes(paragraph);
      for (const quote of quotes)
        if (inTopic(quote.paragraph)) push(quotesByTopic, t.topic, { article, quote });
    }
  }
  // Each actor's mentions are counted under the topics of the paragraphs they sit in.
  const topicMentionCounts = new Map<string, Map<string, number>>();
  for (const [actor, mentions] of mentionsByActor) {
    for (const m of mentions) {
      for (const t of articleById.get(m.article)?.data.topics ?? []) {
        if (t.paragraphs.length > 0 && !t.paragraphs.includes(m.paragraph)) continue;
        const counts = topicMentionCounts.get(t.topic) ?? new Map<string, number>();
        topicMentionCounts.set(t.topic, counts);
        counts.set(actor, (counts.get(actor) ?? 0) + 1);
      }
    }
  }
  const articlesByTopic = new Map<string, Array<{ article: ArticleEntry; score: number }>>();
  for (const topic of topics) {
    const ranked = topic.data.articles.flatMap(({ article, score }) => {
      const entry = articleById.get(article);
      return entry ? [{ article: entry, score }] : [];
    });
    articlesByTopic.set(
      topic.id,
      ranked.sort(
        (a, b) => b.score - a.score || compareNames(a.article.data.title, b.article.data.title),
      ),
    );
  }
  const topicsBySize = [...topics].sort(
    (a, b) =>
      (articlesByTopic.get(b.id)?.length ?? 0) - (articlesByTopic.get(a.id)?.length ?? 0) ||
      compareNames(a.data.name, b.data.name),
  );
  const actorsByTopic = new Map<string, Array<{ actor: ActorEntry; count: number }>>();
  for (const topic of topics) {
    const counts = topicMentionCounts.get(topic.id) ?? new Map<string, number>();
    for (const id of topic.data.actors) if (!counts.has(id)) counts.set(id, 0);
    const ranked = [...counts].flatMap(([id, count]) => {
      const actor = actorById.get(id);
      return actor ? [{ actor, count }] : [];
    });
    actorsByTopic.set(
      topic.id,
      ranked.sort(
        (a, b) => b.count - a.count || compareNames(a.actor.data.name, b.actor.data.name),
      ),
    );
  }

  const actorPairs = countActorPairs(mentionsByActor).filter(
    (p) => actorById.has(p.a) && actorById.has(p.b),
  );
  const coActors = new Map<string, Array<{ actor: ActorEntry; weight: number }>>();
  for (const { a, b, weight } of actorPairs) {
    push(coActors, a, { actor: actorById.get(b)!, weight });
    push(coActors, b, { actor: actorById.get(a)!, weight });
  }

  const citedBySource = new Map<string, ParagraphRef[]>(
    sources.map((source) => [source.id, source.data.citedBy]),
  );
  // What each outlet's articles cite, gathered through one map per outlet.
  const citedByOutlet = new Map<string, Map<string, ParagraphRef[]>>();
  for (const [source, refs] of citedBySource) {
    for (const ref of refs) {
      const outlet = articleById.get(ref.article)?.data.outlet;
      if (!outlet) continue;
      const cited = citedByOutlet.get(outlet) ?? new Map<string, ParagraphRef[]>();
      citedByOutlet.set(outlet, cited);
      push(cited, source, ref);
    }
  }
  const citesBySource = new Map<string, CitedSource[]>();
  for (const [outlet, cited] of citedByOutlet) {
    const list = [...cited].map(([source, refs]) => ({ source, refs }));
    citesBySource.set(
      outlet,
      list.sort((a, b) => b.refs.length - a.refs.length || compareNames(a.source, b.source)),
    );
  }

  const timelineActors = actorsByMentions.filter((a) => eventsByActor.has(a.id));
  const timelineTopics = topicsBySize.filter((t) => eventsByTopic.has(t.id));
  return {
    articles,
    actors,
    events,
    sources,
    topics,
    articlesByDate,
    articleById,
    actorById,
    eventById,
    sourceById,
    topicById,
    dateRange: { first: dated.at(-1)?.data.date ?? null, last: dated[0]?.data.date ?? null },
    outlets,
    articlesByOutlet,
    eventsByDate,
    eventsByActor,
    eventsByTopic,
    eventsByArticle,
    mentionsByActor,
    articlesByActor,
    quotesByArticle,
    actorsByMentions,
    actorsByKind: actorKindSchema.options.flatMap((kind) =>
      actorsByMentions.filter((a) => a.data.kind === kind),
    ),
    quotesBySpeaker,
    quotesByTopic,
    articlesByTopic,
    topicsBySize,
    actorsByTopic,
    coActors,
    actorPairs,
    citesBySource,
    citedBySource,
    timelineTopics,
    timelineActors,
    timelineMenuActors: timelineActors.slice(0, TIMELINE_MENU_ACTORS),
    timelineMenuTopics: timelineTopics.slice(0, TIMELINE_MENU_TOPICS),
  };
}

let digests: Promise<PageDigests> | undefined;

/** Returns the digest of every entry page, computed once from the site index. */
export function getPageDigests(): Promise<PageDigests> {
  digests ??= getSiteIndex().then(createPageDigests);
  return digests;
}

/** Returns the site index, built on first use and shared by every page of the build. */
export function getSiteIndex(): Promise<SiteIndex> {
  cached ??= buildSiteIndex();
  return cached;
}
