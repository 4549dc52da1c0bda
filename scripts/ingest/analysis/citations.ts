import type { Article } from '../../../src/schema.ts';
import { compareStrings } from '../text.ts';
import type { FoundQuote } from './quotes.ts';
import type { ActorInfo, Mention } from './types.ts';

const CITED_BEFORE =
  /\b(?:told|interview with|interview to|according to|reported by|cited by|quoted by|published by|wrote in|writing in|writing for|speaking to|in comments to|commentator for|columnist for)\s*(?:the\s+)?["“*\\]*$/i;
const CITED_AFTER =
  /^["”*\\]*\s*(?:reported|reports|wrote|writes|said|says|quoted|cited|published|claimed|noted)\b/i;

/**
 * Finds the media and institutions an article cites: a medium someone spoke to, a source
 * introduced by "according to" or "told", and an outlet that "reported" something.
 */
export function findCitations(
  paragraphs: Array<{ id: string; text: string }>,
  mentions: Mention[],
  actors: Map<string, ActorInfo>,
  quotes: FoundQuote[],
): Article['citations'] {
  const out = new Map<string, Article['citations'][number]>();
  const add = (source: string, paragraph: string, surface: string) =>
    out.set(`${paragraph}|${source}|${surface}`, { source, paragraph, surface });
  const byId = new Map(paragraphs.map((p, i) => [p.id, { text: p.text, index: i }]));
  for (const m of mentions) {
    const kind = actors.get(m.actor)?.kind;
    if (kind !== 'media' && kind !== 'organisation') continue;
    const text = byId.get(m.paragraph)!.text;
    if (
      CITED_BEFORE.test(text.slice(Math.max(0, m.start - 40), m.start)) ||
      (kind === 'media' && CITED_AFTER.test(text.slice(m.end, m.end + 20)))
    )
      add(m.actor, m.paragraph, m.surface);
  }
  for (const q of quotes) {
    if (!q.quote.medium) continue;
    const name = actors.get(q.quote.medium)?.name ?? q.quote.medium;
    if (
      ![...out.values()].some(
        (c) => c.source === q.quote.medium && c.paragraph === q.quote.paragraph,
      )
    )
      add(q.quote.medium, q.quote.paragraph, name);
  }
  return [...out.values()].sort(
    (a, b) =>
      byId.get(a.paragraph)!.index - byId.get(b.paragraph)!.index ||
      compareStrings(a.source, b.source) ||
      compareStrings(a.surface, b.surface),
  );
}
