import { compareNames } from './format.ts';

/** Two actors, `a` before `b` in id order, and how many paragraphs mention both. */
export interface ActorPair {
  a: string;
  b: string;
  weight: number;
}

/**
 * Counts, for every pair of actors, the paragraphs that mention both, from each actor's mentions
 * in article order; heaviest pairs first, then by id.
 */
export function countActorPairs(
  mentions: Map<string, ReadonlyArray<{ article: string; paragraph: string }>>,
): ActorPair[] {
  // Actors are numbered in id order, so that a pair is one number rather than a joined string:
  // at 10,000 articles there are hundreds of thousands of paragraph mentions to pair.
  const ids = [...mentions.keys()].sort();
  const count = ids.length;
  const actorsByParagraph = new Map<string, Map<string, number[]>>();
  // Visited in id order, each paragraph's list of actors comes out ascending, as a pair's key needs.
  for (const [n, actor] of ids.entries()) {
    for (const m of mentions.get(actor)!) {
      let paragraphs = actorsByParagraph.get(m.article);
      if (!paragraphs) actorsByParagraph.set(m.article, (paragraphs = new Map()));
      const actors = paragraphs.get(m.paragraph);
      // One actor's mentions are all visited before the next actor's, so a repeat is the last one.
      if (!actors) paragraphs.set(m.paragraph, [n]);
      else if (actors.at(-1) !== n) actors.push(n);
    }
  }
  const weights = new Map<number, number>();
  for (const paragraphs of actorsByParagraph.values()) {
    for (const actors of paragraphs.values()) {
      for (let i = 0; i < actors.length; i++) {
        for (let j = i + 1; j < actors.length; j++) {
          const key = actors[i]! * count + actors[j]!;
          weights.set(key, (weights.get(key) ?? 0) + 1);
        }
      }
    }
  }
  return [...weights]
    .map(([key, weight]) => ({ a: ids[Math.floor(key / count)]!, b: ids[key % count]!, weight }))
    .sort((x, y) => y.weight - x.weight || compareNames(x.a, y.a) || compareNames(x.b, y.b));
}
