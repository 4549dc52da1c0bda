import type { Article } from '../../../src/schema.ts';
import type { ArticleDraft, Knowledge } from '../extract.ts';
import { paragraphText } from '../structure.ts';
import { compareStrings, normalizeKey } from '../text.ts';
import { findActorMentions } from './actors.ts';
import { findCitations } from './citations.ts';
import { findEventCandidates, type EventCandidate } from './events.ts';
import { getGazetteer } from './gazetteer.ts';
import { findQuotes, type FoundQuote } from './quotes.ts';
import { countVoices } from './sides.ts';
import { assignTopics } from './topics.ts';
import type { ActorInfo } from './types.ts';
import type { DatePoint } from './when.ts';

/** One actor mention as the actor page shows it: where, in which words, in which sentence. */
export interface MentionRecord {
  actor: string;
  paragraph: string;
  surface: string;
  sentence: string;
}

/** Everything the analysis reads from one article, before any comparison with other articles. */
export interface ArticleAnalysis {
  actors: ActorInfo[];
  mentions: MentionRecord[];
  quotes: FoundQuote[];
  events: EventCandidate[];
  topics: Article['topics'];
  unknownTheme: boolean;
  citations: Article['citations'];
  voices: Article['voices'];
}

/** Reads an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) into a date point. */
export function parseIsoDate(iso: string | null): DatePoint | null {
  if (!iso) return null;
  const [y, m, d] = iso.split('-').map(Number);
  return { year: y!, month: m ?? null, day: d ?? null, approximate: null };
}

/**
 * Makes the article's own outlet, named in its text ("LIMA, March 13 (Meridian) -", an interview's
 * "Terra Viva:" labels), a medium: two capitalised words would otherwise pass for a person.
 */
function markOwnOutlet(actors: Map<string, ActorInfo>, outlet: string | null): void {
  if (!outlet) return;
  const key = normalizeKey(outlet).replace(/^the /, '');
  for (const actor of actors.values())
    if (!actor.reviewed && normalizeKey(actor.name).replace(/^the /, '') === key)
      actor.kind = 'media';
}

/**
 * Analyses one article: actors and their mentions, quotes with speakers, event candidates,
 * topics, citations and the breakdown of voices. A pure function of the draft, the knowledge and
 * the publication date (which relative dates are read against), so it can be cached by their hash.
 */
export function analyzeArticle(
  draft: ArticleDraft,
  knowledge: Knowledge,
  published: string | null,
): ArticleAnalysis {
  const gazetteer = getGazetteer(knowledge);
  const paragraphs = draft.structure.paragraphs;
  const names = findActorMentions(paragraphs, gazetteer);
  markOwnOutlet(names.actors, draft.meta.outlet?.name ?? null);
  const quotes = findQuotes(paragraphs, names.sentences, names.mentions, names.actors);
  const events = findEventCandidates(
    paragraphs,
    names.sentences,
    names.mentions,
    names.signals,
    names.actors,
    parseIsoDate(published),
  );
  const plain = paragraphs.map((p) => ({ id: p.id, text: paragraphText(p) }));
  const topics = assignTopics(plain, knowledge.topics);
  const citations = findCitations(plain, names.mentions, names.actors, quotes);
  const voices = countVoices(
    quotes.map((q) => q.quote),
    names.actors,
  );
  const seen = new Set<string>();
  const mentions: MentionRecord[] = [];
  for (const m of names.mentions) {
    const key = `${m.actor}|${m.paragraph}|${m.surface}|${m.sentence}`;
    if (seen.has(key)) continue;
    seen.add(key);
    mentions.push({
      actor: m.actor,
      paragraph: m.paragraph,
      surface: m.surface,
      sentence: names.sentences[m.sentence]!.text,
    });
  }
  return {
    actors: [...names.actors.values()].sort((a, b) => compareStrings(a.id, b.id)),
    mentions,
    quotes,
    events,
    topics: topics.topics,
    unknownTheme: topics.unknownTheme,
    citations,
    voices,
  };
}
