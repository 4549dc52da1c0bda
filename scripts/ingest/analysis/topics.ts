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

/** A topic's terms as folded word sequences, indexed by their first word for a one-pass scan. */
interface CompiledTopic {
  topic: KnownTopic;
  byFirstWord: Map<string, Array<{ index: number; words: string[] }>>;
}

const compiled = new WeakMap<KnownTopic[], CompiledTopic[]>();

function compile(topics: KnownTopic[]): CompiledTopic[] {
  const cached = compiled.get(topics);
  if (cached) return cached;
  const out = topics.map((topic) => {
    const byFirstWord = new Map<string, Array<{ index: number; words: string[] }>>();
    topic.terms.forEach((term, index) => {
      const words = foldName(term).split(' ').filter(Boolean);
      if (words.length === 0) return;
      byFirstWord.set(words[0]!, [...(byFirstWord.get(words[0]!) ?? []), { index, words }]);
    });
    return { topic, byFirstWord };
  });
  compiled.set(topics, out);
  return out;
}

/** Counts the hits of each term of a topic in a folded paragraph's words (a one-pass scan). */
function countTermHits(
  words: string[],
  byFirstWord: CompiledTopic['byFirstWord'],
  termsSeen: Set<number>,
): number {
  let hits = 0;
  for (let i = 0; i < words.length; i++) {
    for (const term of byFirstWord.get(words[i]!) ?? []) {
      if (term.words.every((w, k) => words[i + k] === w)) {
        hits++;
        termsSeen.add(term.index);
      }
    }
  }
  return hits;
}

/**
 * Scores each curated topic on an article by the evidence of its terms, paragraph by paragraph:
 * the score is term hits per hundred words, and the paragraphs are those where the terms occur.
 * Broad topics are kept only when no specific one fits, and that case is flagged.
 */
export function assignTopics(
  paragraphs: Array<{ id: string; text: string }>,
  topics: KnownTopic[],
): TopicAssignment {
  const folded = paragraphs.map((p) => ({ id: p.id, words: foldName(p.text).split(' ') }));
  const words = Math.max(
    1,
    folded.reduce((n, p) => n + p.words.length, 0),
  );
  const scored: Array<{ topic: KnownTopic; hits: number; terms: number; paragraphs: string[] }> =
    [];
  for (const { topic, byFirstWord } of compile(topics)) {
    let hits = 0;
    const termsSeen = new Set<number>();
    const where: string[] = [];
    for (const p of folded) {
      const inParagraph = countTermHits(p.words, byFirstWord, termsSeen);
      if (inParagraph) where.push(p.id);
      hits += inParagraph;
    }
    if (hits >= MIN_HITS && termsSeen.size >= MIN_TERMS)
      scored.push({ topic, hits, terms: termsSeen.size, paragraphs: where });
  }
  const specific = scored.filter((s) => !s.topic.broad);
  const chosen = specific.length ? specific : scored;
  return {
    unknownTheme: specific.length === 0,
    topics: chosen
      .map((s) => ({
        topic: s.topic.id,
        score: Math.round((s.hits / words) * 10000) / 100,
        paragraphs: s.paragraphs,
      }))
      .sort((a, b) => b.score - a.score || compareStrings(a.topic, b.topic)),
  };
}
