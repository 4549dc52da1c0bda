import type { SiteIndex } from './site-index.ts';

/** How many other reports an article page lists per event; the event's page lists them all. */
export const OTHER_REPORTS_SHOWN = 6;

type EventEntry = SiteIndex['events'][number];
type ArticleEntry = SiteIndex['articles'][number];

/** The other reports of one event that an article page lists, and how many more there are. */
export interface OtherReports {
  event: EventEntry;
  shown: Array<{ other: ArticleEntry; paragraph: string }>;
  more: number;
}

/**
 * For each event an article reports, the other articles that report it, each at its first
 * paragraph on the event, in the event's own order; at most OTHER_REPORTS_SHOWN each, so that an
 * article page does not grow with the number of sources that cover the same event.
 */
export function selectOtherReports(
  index: Pick<SiteIndex, 'eventsByArticle' | 'articleById'>,
  articleId: string,
): OtherReports[] {
  return (index.eventsByArticle.get(articleId) ?? []).flatMap((event) => {
    const others = new Map<string, string>();
    for (const p of event.data.paragraphs)
      if (p.article !== articleId && !others.has(p.article)) others.set(p.article, p.paragraph);
    for (const id of event.data.articles)
      if (id !== articleId && !others.has(id)) others.set(id, '');
    const list = [...others].flatMap(([id, paragraph]) => {
      const other = index.articleById.get(id);
      return other ? [{ other, paragraph }] : [];
    });
    return list.length
      ? [
          {
            event,
            shown: list.slice(0, OTHER_REPORTS_SHOWN),
            more: Math.max(0, list.length - OTHER_REPORTS_SHOWN),
          },
        ]
      : [];
  });
}
