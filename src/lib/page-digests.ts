import { createHash } from 'node:crypto';
import { selectOtherReports } from './other-reports.ts';
import type { SiteIndex } from './site-index.ts';

/** One digest per page of an entry: equal digests mean the page would render the same bytes. */
export interface PageDigests {
  article: (id: string) => string;
  actor: (id: string) => string;
  event: (id: string) => string;
  source: (id: string) => string;
  topic: (id: string) => string;
  /** The timeline pages of an actor or a topic, which also show the timeline's menu. */
  timelineActor: (id: string) => string;
  timelineTopic: (id: string) => string;
  /** What the timeline's menu shows, which every timeline page carries. */
  timelineMenu: string;
}

/**
 * The content digest Astro's content layer keeps with each entry (of its file's text, for cards).
 * Astro's entry types leave it out; an entry without one fails the build rather than leave a page stale.
 */
function entryDigest(entry: { id: string } | undefined): string | undefined {
  if (!entry) return undefined;
  const digest = (entry as { digest?: string | number }).digest;
  if (digest === undefined)
    throw new Error(
      `${entry.id}: the content layer gave no digest, so an incremental build cannot tell whether it changed`,
    );
  return String(digest);
}

function hashOf(parts: Iterable<string | null | undefined>): string {
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part ?? '\u0001').update('\u0000');
  return hash.digest('base64url');
}

/**
 * The digest of one page of a listing: what the page says of the whole (counts, its number) and,
 * for each entry it lists, the entry's own digest and whatever else the row shows of it.
 */
export function digestListingPage<T extends { id: string }>(
  header: Array<string | number>,
  items: T[],
  describe: (item: T) => string | null | undefined = () => '',
): string {
  return hashOf([
    ...header.map(String),
    ...items.map((item) => `${item.id}|${entryDigest(item)}|${describe(item)}`),
  ]);
}

/**
 * Computes page digests from the site index. A page of an entry shows that entry, the articles
 * connected to it, and the names of whatever those articles link to; so its digest covers the
 * entry's own digest, the whole text of each connected article (Astro's digest of its file), and
 * the name, kind and side of every entry the articles link. Over-inclusion only costs a render;
 * omission would leave a stale page, which the incremental build test compares against.
 */
export function createPageDigests(index: SiteIndex): PageDigests {
  const citedByArticle = new Map<string, Set<string>>();
  for (const [source, refs] of index.citedBySource) {
    for (const ref of refs) {
      const set = citedByArticle.get(ref.article) ?? new Set<string>();
      citedByArticle.set(ref.article, set);
      set.add(source);
    }
  }
  const actorLabel = (id: string | null) => {
    const actor = id ? index.actorById.get(id) : undefined;
    if (!actor) return id;
    const side = actor.data.affiliation ? index.actorById.get(actor.data.affiliation) : undefined;
    return `${actor.id}|${actor.data.name}|${actor.data.kind}|${actor.data.affiliation}|${side?.data.name}`;
  };
  const sourceLabel = (id: string | null) =>
    id ? `${id}|${index.sourceById.get(id)?.data.name}` : id;
  const topicLabel = (id: string) => `${id}|${index.topicById.get(id)?.data.name}`;
  const eventDigest = (id: string) => `${id}|${entryDigest(index.eventById.get(id))}`;
  // What a list of events shows of each: see EventList.astro.
  const eventLabel = (id: string) => {
    const event = index.eventById.get(id);
    if (!event) return id;
    const { title, date, datePrecision, approximate, kind, articles } = event.data;
    return `${id}|${title}|${date}|${datePrecision}|${approximate}|${kind}|${articles.length}`;
  };

  // An article as other pages see it, with everything it links to; computed once per article.
  const contexts = new Map<string, string>();
  const articleContext = (id: string): string => {
    let context = contexts.get(id);
    if (context !== undefined) return context;
    const article = index.articleById.get(id);
    if (!article) return id;
    const { data } = article;
    context = hashOf([
      id,
      entryDigest(article),
      ...data.actors.map(actorLabel),
      ...(index.quotesByArticle.get(id) ?? []).flatMap((q) => [
        actorLabel(q.speaker),
        sourceLabel(q.medium),
      ]),
      ...data.topics.map((t) => topicLabel(t.topic)),
      ...(index.eventsByArticle.get(id) ?? []).map((e) => eventLabel(e.id)),
      sourceLabel(data.outlet),
      ...[...(citedByArticle.get(id) ?? [])].map(sourceLabel),
      data.duplicateOf,
    ]);
    contexts.set(id, context);
    return context;
  };

  const timelineMenu = hashOf([
    ...index.timelineMenuActors.map((a) => actorLabel(a.id)),
    ...index.timelineMenuTopics.map((t) => topicLabel(t.id)),
    String(index.timelineActors.length),
    String(index.timelineTopics.length),
  ]);

  // A timeline page: the menu, its subject, and each event with the articles that report it.
  const timelineDigest = (subject: string | null, events: SiteIndex['events'] = []) =>
    hashOf([
      timelineMenu,
      subject,
      ...events.flatMap((e) => [eventDigest(e.id), ...e.data.articles.map(articleContext)]),
    ]);

  return {
    article: (id) =>
      hashOf([
        articleContext(id),
        // The other reports of its events that the page lists, at the paragraphs each event records.
        ...selectOtherReports(index, id).flatMap(({ event, shown, more }) => [
          eventDigest(event.id),
          ...shown.map(({ other }) => articleContext(other.id)),
          String(more),
        ]),
      ]),
    actor: (id) => {
      const actor = index.actorById.get(id);
      return hashOf([
        entryDigest(actor),
        actorLabel(id),
        ...(index.articlesByActor.get(id) ?? []).map(articleContext),
        ...(index.quotesBySpeaker.get(id) ?? []).map((q) => articleContext(q.article.id)),
        ...(index.eventsByActor.get(id) ?? []).map((e) => eventLabel(e.id)),
      ]);
    },
    event: (id) => {
      const event = index.eventById.get(id);
      return hashOf([
        entryDigest(event),
        ...(event?.data.articles ?? []).map(articleContext),
        ...(event?.data.actors ?? []).map(actorLabel),
        ...(event?.data.topics ?? []).map(topicLabel),
      ]);
    },
    source: (id) => {
      const source = index.sourceById.get(id);
      return hashOf([
        entryDigest(source),
        actorLabel(source?.data.country ?? null),
        ...(index.articlesByOutlet.get(id) ?? []).map((a) => articleContext(a.id)),
        ...(index.citedBySource.get(id) ?? []).map((ref) => articleContext(ref.article)),
        ...(index.citesBySource.get(id) ?? []).flatMap((c) => [
          sourceLabel(c.source),
          ...c.refs.map((ref) => articleContext(ref.article)),
        ]),
      ]);
    },
    topic: (id) => {
      const topic = index.topicById.get(id);
      return hashOf([
        entryDigest(topic),
        ...(index.articlesByTopic.get(id) ?? []).map(({ article }) => articleContext(article.id)),
        ...(index.eventsByTopic.get(id) ?? []).map((e) => eventLabel(e.id)),
        ...(index.actorsByTopic.get(id) ?? []).map(
          ({ actor, count }) => `${actorLabel(actor.id)}|${count}`,
        ),
      ]);
    },
    timelineActor: (id) => timelineDigest(actorLabel(id), index.eventsByActor.get(id)),
    timelineTopic: (id) => timelineDigest(topicLabel(id), index.eventsByTopic.get(id)),
    timelineMenu,
  };
}
