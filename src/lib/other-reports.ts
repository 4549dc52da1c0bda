import type { SiteIndex } from './site-index.ts';

/**
 * How many other reports an article page lists across all its events; each event's page lists
 * them all. A budget per page rather than per event, so that the page does not grow with the
 * number of events it reports times the sources that cover each.
 */
export const OTHER_REPORTS_SHOWN = 12;

type EventEntry = SiteIndex['events'][number];
type ArticleEntry = SiteIndex['articles'][number];

/** The other reports of one event that an article page lists, and how many more there are. */
export interface OtherReports {
  event: EventEntry;
  shown: Array<{ other: ArticleEntry; paragraph: string }>;
  more: number;
}

/**
 * Shares a budget between lists, one item at a time in turn, so that every list gets an equal
 * part (a short list leaves its unused part to the others). Returns how many to take from each.
 */
export function shareBudget(lengths: number[], budget: number): number[] {
  const taken = lengths.map(() => 0);
  let left = budget;
  for (let round = 0; left > 0; round++) {
    let tookAny = false;
    for (let i = 0; i < lengths.length && left > 0; i++) {
      if (lengths[i]! > round) {
        taken[i]!++;
        left--;
        tookAny = true;
      }
    }
    if (!tookAny) break;
  }
  return taken;
}

/**
 * For each event an article reports, the other articles that report it, each at its first
 * paragraph on the event, in the event's own order; OTHER_REPORTS_SHOWN in all, shared out
 * between the events, and for each event how many more its own page lists.
 */
export function selectOtherReports(
  index: Pick<SiteIndex, 'eventsByArticle' | 'articleById'>,
  articleId: string,
): OtherReports[] {
  const reports = (index.eventsByArticle.get(articleId) ?? []).flatMap((event) => {
    const others = new Map<string, string>();
    for (const p of event.data.paragraphs)
      if (p.article !== articleId && !others.has(p.article)) others.set(p.article, p.paragraph);
    for (const id of event.data.articles)
      if (id !== articleId && !others.has(id)) others.set(id, '');
    const list = [...others].flatMap(([id, paragraph]) => {
      const other = index.articleById.get(id);
      return other ? [{ other, paragraph }] : [];
    });
    return list.length ? [{ event, list }] : [];
  });
  const shares = shareBudget(
    reports.map((r) => r.list.length),
    OTHER_REPORTS_SHOWN,
  );
  return reports.map(({ event, list }, i) => ({
    event,
    shown: list.slice(0, shares[i]),
    more: list.length - shares[i]!,
  }));
}
