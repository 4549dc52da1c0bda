import { LINK_INDEX_FILES } from '../../src/lib/link-indexes.ts';
import type { Actor, MentionIndex, QuoteIndex } from '../../src/schema.ts';
import type { Corpus } from './corpus.ts';
import { compareStrings } from './text.ts';

/**
 * Gathers every article's quotes by article id and every actor's mentions (without their
 * sentences) by actor id, in id order, from a validated corpus, each with the file it goes to.
 * Entries with none are left out.
 */
export function collectLinkIndexes(corpus: Corpus): Array<[string, QuoteIndex | MentionIndex]> {
  const quotes: QuoteIndex = {};
  for (const article of [...corpus.articles].sort((a, b) => compareStrings(a.id, b.id)))
    if (article.data.quotes.length) quotes[article.id] = article.data.quotes;
  const mentions: MentionIndex = {};
  for (const id of [...corpus.actors.keys()].sort(compareStrings)) {
    // writeContent has kept only actors that pass actorSchema.
    const list = (corpus.actors.get(id) as Actor).mentions;
    if (list.length)
      mentions[id] = list.map(({ article, paragraph, surface }) => ({
        article,
        paragraph,
        surface,
      }));
  }
  return [
    [LINK_INDEX_FILES.quotes, quotes],
    [LINK_INDEX_FILES.mentions, mentions],
  ];
}

/**
 * Writes a record of lists as JSON with one key and its list per line: a tenth of the size of
 * indented JSON for files that hold every quote or mention of the corpus, and a diff of one
 * article's change stays on that article's lines.
 */
export function formatIndexFile(record: Record<string, unknown>): string {
  const lines = Object.entries(record).map(
    ([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`,
  );
  return lines.length ? `{\n${lines.join(',\n')}\n}\n` : '{}\n';
}
