import type { Article, KnownTopic } from '../../../src/schema.ts';
import { compareStrings } from '../text.ts';
import { foldName, foldText } from './tokens.ts';

/** The topics an article is assigned, and whether none of the specific ones fit. */
export interface TopicAssignment {
  topics: Article['topics'];
  /** True when only broad, catch-all topics (or none) matched: a theme the taxonomy lacks. */
  unknownTheme: boolean;
}

/** An article needs this many term hits, from at least two different terms, to be about a topic. */
const MIN_HITS = 3;
const MIN_TERMS = 2;

/** A term of a topic as a folded word sequence. */
interface CompiledTerm {
  /** The topic's position in the list. */
  topic: number;
  /** The term's position in its topic's terms. */
  index: number;
  words: string[];
}

const compiled = new WeakMap<KnownTopic[], Map<string, CompiledTerm[]>>();

/** Every topic's terms indexed by their first word, so that one pass over an article finds them all. */
function compile(topics: KnownTopic[]): Map<string, CompiledTerm[]> {
  const cached = compiled.get(topics);
  if (cached) return cached;
  const byFirstWord = new Map<string, CompiledTerm[]>();
  topics.forEach((topic, t) => {
    topic.terms.forEach((term, index) => {
      const words = foldName(term).split(' ').filter(Boolean);
      if (words.length === 0) return;
      byFirstWord.set(words[0]!, [
        ...(byFirstWord.get(words[0]!) ?? []),
        { topic: t, index, words },
      ]);
    });
  });
  compiled.set(topics, byFirstWord);
  return byFirstWord;
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
  const folded = paragraphs.map((p) => ({ id: p.id, words: foldText(p.text).split(' ') }));
  const words = Math.max(
    1,
    folded.reduce((n, p) => n + p.words.length, 0),
  );
  // Tallies only the topics an article names: a taxonomy of thousands would otherwise cost every
  // article a pass over all of them.
  const tally = new Map<number, { hits: number; termsSeen: Set<number>; where: string[] }>();
  const byFirstWord = compile(topics);
  for (const p of folded) {
    for (let i = 0; i < p.words.length; i++) {
      const terms = byFirstWord.get(p.words[i]!);
      if (!terms) continue;
      for (const term of terms) {
        if (!term.words.every((w, k) => p.words[i + k] === w)) continue;
        let t = tally.get(term.topic);
        if (!t) tally.set(term.topic, (t = { hits: 0, termsSeen: new Set(), where: [] }));
        t.hits++;
        t.termsSeen.add(term.index);
        if (t.where.at(-1) !== p.id) t.where.push(p.id);
      }
    }
  }
  const scored = [...tally]
    .sort((a, b) => a[0] - b[0])
    .flatMap(([i, { hits, termsSeen, where }]) =>
      hits >= MIN_HITS && termsSeen.size >= MIN_TERMS
        ? [{ topic: topics[i]!, hits, terms: termsSeen.size, paragraphs: where }]
        : [],
    );
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
