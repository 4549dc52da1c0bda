import type { Article, KnownTopic } from '../../../src/schema.ts';
import { compareStrings } from '../text.ts';
import { foldName } from './tokens.ts';

/** The topics an article is assigned, and whether none of the specific ones fit. */
export interface TopicAssignment {
  topics: Article['topics'];
  /** True when only broad, catch-all topics (or none) matched: a theme the taxonomy lacks. */
  unknownTheme: boolean;
}

/** An article needs this many term hits, from at least two different terms, to be about a topic. */
const MIN_HITS = 3;
const MIN_TERMS = 2;

const compiled = new WeakMap<KnownTopic[], Array<{ topic: KnownTopic; res: RegExp[] }>>();

function compile(topics: KnownTopic[]): Array<{ topic: KnownTopic; res: RegExp[] }> {
  const cached = compiled.get(topics);
  if (cached) return cached;
  const out = topics.map((topic) => ({
    topic,
    res: topic.terms.map((term) => new RegExp(`(?<![\\p{L}\\p{N}])${foldName(term).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'gu')),
  }));
  compiled.set(topics, out);
  return out;
}

/**
 * Scores each curated topic on an article by the evidence of its terms, paragraph by paragraph:
 * the score is term hits per hundred words, and the paragraphs are those where the terms occur.
 * Broad topics are kept only when no specific one fits, and that case is flagged.
 */
export function assignTopics(paragraphs: Array<{ id: string; text: string }>, topics: KnownTopic[]): TopicAssignment {
  const folded = paragraphs.map((p) => ({ id: p.id, text: foldName(p.text) }));
  const words = Math.max(1, folded.reduce((n, p) => n + p.text.split(' ').length, 0));
  const scored: Array<{ topic: KnownTopic; hits: number; terms: number; paragraphs: string[] }> = [];
  for (const { topic, res } of compile(topics)) {
    let hits = 0;
    const termsSeen = new Set<number>();
    const where: string[] = [];
    for (const p of folded) {
      let inParagraph = 0;
      res.forEach((re, i) => {
        const n = p.text.match(re)?.length ?? 0;
        if (n) termsSeen.add(i);
        inParagraph += n;
      });
      if (inParagraph) where.push(p.id);
      hits += inParagraph;
    }
    if (hits >= MIN_HITS && termsSeen.size >= MIN_TERMS) scored.push({ topic, hits, terms: termsSeen.size, paragraphs: where });
  }
  const specific = scored.filter((s) => !s.topic.broad);
  const chosen = specific.length ? specific : scored;
  return {
    unknownTheme: specific.length === 0,
    topics: chosen
      .map((s) => ({ topic: s.topic.id, score: Math.round((s.hits / words) * 10000) / 100, paragraphs: s.paragraphs }))
      .sort((a, b) => b.score - a.score || compareStrings(a.topic, b.topic)),
  };
}
