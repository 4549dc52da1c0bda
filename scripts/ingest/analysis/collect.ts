import type { Actor, Event, KnownTopic, Source, Topic } from '../../../src/schema.ts';
import type { Knowledge } from '../extract.ts';
import { compareStrings } from '../text.ts';
import type { ArticleAnalysis } from './analyze.ts';

/** One analysed article with its id. */
export interface AnalysedArticle {
  id: string;
  analysis: ArticleAnalysis;
}

/** How many letters of a name carry marks ("Sané" has one). */
function countMarked(name: string): number {
  return (name.normalize('NFD').match(/\p{M}/gu) ?? []).length;
}

/** Builds one actor entry per actor id across all articles, with every mention. */
export function collectActors(articles: AnalysedArticle[]): Map<string, Actor> {
  const actors = new Map<string, Actor>();
  for (const { id: article, analysis } of articles) {
    const named = new Map(analysis.actors.map((a) => [a.id, a]));
    for (const m of analysis.mentions) {
      const info = named.get(m.actor)!;
      const entry =
        actors.get(m.actor) ??
        ({
          name: info.name,
          kind: info.kind,
          aliases: [...info.aliases],
          description: info.description,
          affiliation: info.affiliation,
          reviewed: info.reviewed,
          articles: [],
          mentions: [],
        } satisfies Actor);
      // One name written with and without its marks ("Sané", "Sane" in a wire's copy): the
      // page shows it with them.
      if (info.name !== entry.name && countMarked(info.name) > countMarked(entry.name))
        entry.name = info.name;
      // An article's mentions come together, so it is new to the actor unless it was the last.
      if (entry.articles.at(-1) !== article) entry.articles.push(article);
      entry.mentions.push({
        article,
        paragraph: m.paragraph,
        surface: m.surface,
        sentence: m.sentence,
      });
      actors.set(m.actor, entry);
    }
  }
  for (const actor of actors.values()) {
    actor.articles.sort(compareStrings);
    // Spellings seen in the text become aliases, so a search for any of them finds the page.
    const surfaces = new Set(actor.aliases);
    for (const m of actor.mentions)
      if (m.surface !== actor.name && /^\p{Lu}/u.test(m.surface)) surfaces.add(m.surface);
    actor.aliases = [...surfaces].sort(compareStrings);
    actor.mentions.sort(
      (a, b) =>
        compareStrings(a.article, b.article) ||
        Number(a.paragraph.slice(2)) - Number(b.paragraph.slice(2)) ||
        compareStrings(a.surface, b.surface),
    );
  }
  return actors;
}

/** Adds the cited media and institutions to the sources, marking publishers that are also cited. */
export function collectCitedSources(
  articles: AnalysedArticle[],
  sources: Map<string, Source>,
  knowledge: Knowledge,
): void {
  const outlets = new Map(knowledge.outlets.map((o) => [o.id, o]));
  const cited = new Set<string>();
  for (const { id: article, analysis } of articles) {
    const named = new Map(analysis.actors.map((a) => [a.id, a]));
    for (const c of analysis.citations) {
      const outlet = outlets.get(c.source);
      const info = named.get(c.source);
      const entry =
        sources.get(c.source) ??
        ({
          name: outlet?.name ?? info?.name ?? c.surface,
          fullName: outlet?.fullName ?? null,
          kind: 'cited',
          homepage: outlet?.homepage ?? null,
          country: outlet?.country ?? info?.affiliation ?? null,
          reviewed: outlet !== undefined || info?.reviewed === true,
          articles: [],
          citedBy: [],
        } satisfies Source);
      if (entry.kind === 'publisher') entry.kind = 'both';
      const key = `${c.source}\u0000${article}\u0000${c.paragraph}`;
      if (!cited.has(key)) entry.citedBy.push({ article, paragraph: c.paragraph });
      cited.add(key);
      sources.set(c.source, entry);
    }
  }
  for (const s of sources.values())
    s.citedBy.sort(
      (a, b) =>
        compareStrings(a.article, b.article) ||
        Number(a.paragraph.slice(2)) - Number(b.paragraph.slice(2)),
    );
}

/** Builds the topic entries: articles with scores, the events and the actors in their paragraphs. */
export function collectTopics(
  articles: AnalysedArticle[],
  events: Map<string, Event>,
  knownTopics: KnownTopic[],
): Map<string, Topic> {
  const topics = new Map<string, Topic>();
  const paragraphsOf = new Map<string, Set<string>>();
  const actorCounts = new Map<string, Map<string, number>>();
  const knownById = new Map(knownTopics.map((k) => [k.id, k]));
  for (const { id: article, analysis } of articles) {
    for (const t of analysis.topics) {
      const known = knownById.get(t.topic)!;
      const entry = topics.get(t.topic) ?? {
        name: known.name,
        description: known.description,
        terms: known.terms,
        articles: [],
        events: [],
        actors: [],
      };
      entry.articles.push({ article, score: t.score });
      topics.set(t.topic, entry);
      const set = paragraphsOf.get(t.topic) ?? new Set<string>();
      for (const p of t.paragraphs) set.add(`${article}#${p}`);
      paragraphsOf.set(t.topic, set);
      const counts = actorCounts.get(t.topic) ?? new Map<string, number>();
      for (const m of analysis.mentions)
        if (set.has(`${article}#${m.paragraph}`))
          counts.set(m.actor, (counts.get(m.actor) ?? 0) + 1);
      actorCounts.set(t.topic, counts);
    }
  }
  // Each paragraph's topics, so that an event looks up its own paragraphs instead of every topic.
  const topicsOfParagraph = new Map<string, string[]>();
  for (const [topicId, set] of paragraphsOf)
    for (const key of set) {
      const list = topicsOfParagraph.get(key);
      if (list) list.push(topicId);
      else topicsOfParagraph.set(key, [topicId]);
    }
  for (const [eventId, event] of events) {
    const eventTopics = new Set<string>();
    for (const p of event.paragraphs)
      for (const topicId of topicsOfParagraph.get(`${p.article}#${p.paragraph}`) ?? [])
        eventTopics.add(topicId);
    event.topics = [...eventTopics].sort(compareStrings);
    for (const topicId of event.topics) topics.get(topicId)!.events.push(eventId);
  }
  for (const [topicId, topic] of topics) {
    topic.articles.sort((a, b) => b.score - a.score || compareStrings(a.article, b.article));
    topic.events.sort(compareStrings);
    topic.actors = [...(actorCounts.get(topicId) ?? new Map<string, number>()).entries()]
      .sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))
      .slice(0, 20)
      .map(([id]) => id)
      .sort(compareStrings);
  }
  return topics;
}
