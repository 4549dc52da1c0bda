import { describe, expect, it } from 'vitest';
import {
  OTHER_REPORTS_SHOWN,
  selectOtherReports,
  shareBudget,
} from '../../../src/lib/other-reports.ts';

describe('sharing a budget between lists', () => {
  it.each([
    { lengths: [], budget: 12, taken: [] },
    { lengths: [3], budget: 12, taken: [3] },
    { lengths: [20], budget: 12, taken: [12] },
    { lengths: [20, 20], budget: 12, taken: [6, 6] },
    { lengths: [1, 20, 20], budget: 12, taken: [1, 6, 5] },
    { lengths: [5, 5, 5, 5, 5], budget: 12, taken: [3, 3, 2, 2, 2] },
    {
      lengths: [9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9],
      budget: 12,
      taken: [...Array(12).fill(1), 0, 0],
    },
    { lengths: [2, 0, 2], budget: 12, taken: [2, 0, 2] },
  ])('takes $taken from lists of $lengths with $budget to share', ({ lengths, budget, taken }) => {
    expect(shareBudget(lengths, budget)).toEqual(taken);
  });
});

/** A minimal site index: events in order, each with the articles that report it. */
function indexOf(events: Array<{ id: string; articles: string[] }>) {
  const ids = new Set(events.flatMap((e) => e.articles));
  const articleById = new Map([...ids].map((id) => [id, { id, data: { title: id } }]));
  const entries = events.map((e) => ({
    id: e.id,
    data: {
      articles: e.articles,
      paragraphs: e.articles.map((article) => ({ article, paragraph: 'p-2' })),
    },
  }));
  return {
    eventsByArticle: new Map([['me', entries]]),
    articleById,
  } as unknown as Parameters<typeof selectOtherReports>[0];
}

describe('the other reports an article page lists', () => {
  it('lists every other report of every event, at its paragraph, while they fit the budget', () => {
    const index = indexOf([
      { id: 'e1', articles: ['me', 'a', 'b'] },
      { id: 'e2', articles: ['c', 'me'] },
      { id: 'e3', articles: ['me'] },
    ]);
    const reports = selectOtherReports(index, 'me');
    expect(
      reports.map((r) => [r.event.id, r.shown.map((s) => `${s.other.id}#${s.paragraph}`), r.more]),
    ).toEqual([
      ['e1', ['a#p-2', 'b#p-2'], 0],
      ['e2', ['c#p-2'], 0],
    ]);
  });

  it('shows at most the page budget in all, however many events and sources, and counts the rest', () => {
    const many = (n: number, prefix: string) =>
      Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    const events = many(8, 'e').map((id) => ({ id, articles: ['me', ...many(30, `${id}-a`)] }));
    const reports = selectOtherReports(indexOf(events), 'me');
    expect(reports).toHaveLength(8);
    expect(reports.reduce((sum, r) => sum + r.shown.length, 0)).toBe(OTHER_REPORTS_SHOWN);
    for (const r of reports) {
      expect(r.shown.length).toBeGreaterThanOrEqual(1);
      expect(r.shown.length + r.more).toBe(30);
    }
  });
});
