import { getCollection, type CollectionEntry } from 'astro:content';
import type { Article } from '../schema.ts';

type ArticleEntry = CollectionEntry<'articles'>;
type ActorEntry = CollectionEntry<'actors'>;
type EventEntry = CollectionEntry<'events'>;
type SourceEntry = CollectionEntry<'sources'>;
type TopicEntry = CollectionEntry<'topics'>;

/** One mention of an actor, with the sentence it sits in when the ingest kept it. */
export interface MentionRef {
  article: string;
  paragraph: string;
  surface: string;
  sentence: string;
}

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

/** Two actors and how many paragraphs mention both. */
export interface ActorPair {
  a: string;
  b: string;
  weight: number;
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
  /** Actors, most mentioned first. */
  actorsByMentions: ActorEntry[];
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
}

let cached: Promise<SiteIndex> | undefined;

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
  return a.data.date === b.data.date ? a.data.title.localeCompare(b.data.title) : a.data.date < b.data.date ? -1 : 1;
}

/** Adds each event under every key it belongs to, once, keeping the lists in time order. */
function groupEvents(events: EventEntry[], keysOf: (event: EventEntry) => Iterable<string>): Map<string, EventEntry[]> {
  const map = new Map<string, EventEntry[]>();
  for (const event of events) for (const key of new Set(keysOf(event))) push(map, key, event);
  return map;
}

/** Each actor's mentions: from its own entry, or from the articles when the entry lists none. */
function buildMentions(actors: ActorEntry[], articles: ArticleEntry[]): Map<string, MentionRef[]> {
  const map = new Map<string, MentionRef[]>();
  for (const actor of actors) for (const m of actor.data.mentions) push(map, actor.id, m);
  const listed = new Set(map.keys());
  for (const article of articles) {
    for (const m of article.data.mentions) {
      if (!listed.has(m.actor)) push(map, m.actor, { article: article.id, paragraph: m.paragraph, surface: m.surface, sentence: '' });
    }
  }
  return map;
}

/** Counts, for every pair of actors, the paragraphs that mention both. */
function buildPairs(mentions: Map<string, MentionRef[]>): ActorPair[] {
  const actorsByParagraph = new Map<string, Set<string>>();
  for (const [actor, list] of mentions) {
    for (const m of list) {
      const key = `${m.article}#${m.paragraph}`;
      const set = actorsByParagraph.get(key);
      if (set) set.add(actor);
      else actorsByParagraph.set(key, new Set([actor]));
    }
  }
  const weights = new Map<string, number>();
  for (const set of actorsByParagraph.values()) {
    const ids = [...set].sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}\u0000${ids[j]}`;
        weights.set(key, (weights.get(key) ?? 0) + 1);
      }
    }
  }
  return [...weights]
    .map(([key, weight]) => {
      const [a, b] = key.split('\u0000') as [string, string];
      return { a, b, weight };
    })
    .sort((x, y) => y.weight - x.weight || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
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
  for (const article of articlesByDate) if (article.data.outlet) push(articlesByOutlet, article.data.outlet, article);
  const outlets = sources
    .filter((s) => s.data.kind !== 'cited' || articlesByOutlet.has(s.id))
    .sort((a, b) => (articlesByOutlet.get(b.id)?.length ?? 0) - (articlesByOutlet.get(a.id)?.length ?? 0) || a.data.name.localeCompare(b.data.name));

  const eventById = byId(events);
  const eventsByDate = [...events].sort(byEventDate);
  const eventsByActor = groupEvents(eventsByDate, (e) => e.data.actors);
  const topicsOfEvent = new Map<string, string[]>();
  for (const topic of topics) for (const id of topic.data.events) push(topicsOfEvent, id, topic.id);
  const eventsByTopic = groupEvents(eventsByDate, (e) => [...e.data.topics, ...(topicsOfEvent.get(e.id) ?? [])]);
  // An event may be listed by the article, by the event, or both; either side is enough.
  const eventsByArticle = groupEvents(eventsByDate, (e) => e.data.articles);
  for (const article of articles) {
    const known = new Set(eventsByArticle.get(article.id));
    const extra = article.data.events.map((id) => eventById.get(id)).filter((e): e is EventEntry => e !== undefined && !known.has(e));
    if (extra.length) eventsByArticle.set(article.id, [...known, ...extra].sort(byEventDate));
  }

  const mentionsByActor = buildMentions(actors, articles);
  const actorsByMentions = [...actors].sort(
    (a, b) => (mentionsByActor.get(b.id)?.length ?? 0) - (mentionsByActor.get(a.id)?.length ?? 0) || a.data.name.localeCompare(b.data.name),
  );

  const quotesBySpeaker = new Map<string, QuoteRef[]>();
  const quotesByTopic = new Map<string, QuoteRef[]>();
  const articlesByTopic = new Map<string, Array<{ article: ArticleEntry; score: number }>>();
  const topicMentionCounts = new Map<string, Map<string, number>>();
  for (const article of articlesByDate) {
    for (const quote of article.data.quotes) if (quote.speaker) push(quotesBySpeaker, quote.speaker, { article, quote });
    for (const t of article.data.topics) {
      push(articlesByTopic, t.topic, { article, score: t.score });
      const inTopic = (paragraph: string) => t.paragraphs.length === 0 || t.paragraphs.includes(paragraph);
      for (const quote of article.data.quotes) if (inTopic(quote.paragraph)) push(quotesByTopic, t.topic, { article, quote });
      const counts = topicMentionCounts.get(t.topic) ?? new Map<string, number>();
      topicMentionCounts.set(t.topic, counts);
      for (const m of article.data.mentions) if (inTopic(m.paragraph)) counts.set(m.actor, (counts.get(m.actor) ?? 0) + 1);
    }
  }
  // A topic's own article list, when the analysis gives one, is the authority for its ranking.
  for (const topic of topics) {
    if (topic.data.articles.length === 0) continue;
    const ranked = topic.data.articles.flatMap(({ article, score }) => {
      const entry = articleById.get(article);
      return entry ? [{ article: entry, score }] : [];
    });
    articlesByTopic.set(topic.id, ranked);
  }
  for (const list of articlesByTopic.values()) list.sort((a, b) => b.score - a.score || a.article.data.title.localeCompare(b.article.data.title));
  const topicsBySize = [...topics].sort(
    (a, b) => (articlesByTopic.get(b.id)?.length ?? 0) - (articlesByTopic.get(a.id)?.length ?? 0) || a.data.name.localeCompare(b.data.name),
  );
  const actorsByTopic = new Map<string, Array<{ actor: ActorEntry; count: number }>>();
  for (const topic of topics) {
    const counts = topicMentionCounts.get(topic.id) ?? new Map<string, number>();
    for (const id of topic.data.actors) if (!counts.has(id)) counts.set(id, 0);
    const ranked = [...counts].flatMap(([id, count]) => {
      const actor = actorById.get(id);
      return actor ? [{ actor, count }] : [];
    });
    actorsByTopic.set(topic.id, ranked.sort((a, b) => b.count - a.count || a.actor.data.name.localeCompare(b.actor.data.name)));
  }

  const actorPairs = buildPairs(mentionsByActor).filter((p) => actorById.has(p.a) && actorById.has(p.b));
  const coActors = new Map<string, Array<{ actor: ActorEntry; weight: number }>>();
  for (const { a, b, weight } of actorPairs) {
    push(coActors, a, { actor: actorById.get(b)!, weight });
    push(coActors, b, { actor: actorById.get(a)!, weight });
  }

  const citesBySource = new Map<string, CitedSource[]>();
  const citedBySource = new Map<string, ParagraphRef[]>();
  for (const source of sources) for (const ref of source.data.citedBy) push(citedBySource, source.id, ref);
  for (const article of articles) {
    const cited = new Map<string, ParagraphRef[]>();
    for (const c of article.data.citations) push(cited, c.source, { article: article.id, paragraph: c.paragraph });
    for (const q of article.data.quotes) if (q.medium) push(cited, q.medium, { article: article.id, paragraph: q.paragraph });
    for (const [source, refs] of cited) {
      if (!sourceById.has(source)) continue;
      // The source's own citedBy list wins; articles fill in sources whose entry lists none.
      if (!sourceById.get(source)!.data.citedBy.length) for (const ref of refs) push(citedBySource, source, ref);
      if (article.data.outlet) {
        const list = citesBySource.get(article.data.outlet) ?? [];
        citesBySource.set(article.data.outlet, list);
        const existing = list.find((c) => c.source === source);
        if (existing) existing.refs.push(...refs);
        else list.push({ source, refs: [...refs] });
      }
    }
  }
  for (const list of citesBySource.values()) list.sort((a, b) => b.refs.length - a.refs.length || a.source.localeCompare(b.source));

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
    actorsByMentions,
    quotesBySpeaker,
    quotesByTopic,
    articlesByTopic,
    topicsBySize,
    actorsByTopic,
    coActors,
    actorPairs,
    citesBySource,
    citedBySource,
  };
}

/** Returns the site index, built on first use and shared by every page of the build. */
export function getSiteIndex(): Promise<SiteIndex> {
  cached ??= buildSiteIndex();
  return cached;
}
