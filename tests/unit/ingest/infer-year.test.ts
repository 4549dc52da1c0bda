import { describe, expect, it } from 'vitest';
import {
  indexDatedSentences,
  indexDayMentions,
  inferYear,
  sentencesOf,
} from '../../../scripts/ingest/infer-year.ts';

const paragraphs = [
  'Talks resumed in Baku. Officials met on 3 March 2024 to sign the grain accord.',
  'No year is written here, though it says March 3 and mentions the accord.',
  'The accord was drafted in 2023. Nothing else here carries a full date.',
];

describe('the index of dated sentences', () => {
  it('holds each sentence that writes a full date, under its month, and nothing else', () => {
    const index = indexDatedSentences([{ seedFile: 'a.txt', paragraphs }]);
    expect([...index.keys()]).toEqual([3]);
    const [entry] = index.get(3)!;
    expect(index.get(3)).toHaveLength(1);
    expect(entry!.seedFile).toBe('a.txt');
    expect(entry!.year).toBe(2024);
    // The content words of "Officials met on 3 March 2024 to sign the grain accord.", cut to six letters.
    expect([...entry!.stems]).toEqual(['offici', 'sign', 'grain', 'accord']);
  });

  it('lets an article dated "March last year" take its year from another article that dates the same happening', () => {
    const index = indexDatedSentences([{ seedFile: 'a.txt', paragraphs }]);
    const yearless = {
      seedFile: 'b.txt',
      sentences: sentencesOf(['Officials signed the grain accord in March last year.']),
    };
    expect(inferYear(yearless, index)?.year).toBe(2025);
  });
});

describe('a yearless page date, from its weekday and the days it names', () => {
  const clues = (weekday: number | null, latestKnownYear: number | null) => ({
    month: 3,
    day: 19,
    weekday,
    latestKnownYear,
    mentions: () => new Map(),
  });
  const article = {
    seedFile: 'b.txt',
    sentences: sentencesOf(['Inspectors flagged the dam in June 2021. It failed on 12 March.']),
  };

  it('takes the first year after those the article writes about in which the printed weekday falls', () => {
    // "Tuesday 19 March": 19 March was a Friday in 2021 and a Tuesday in 2024.
    expect(inferYear(article, new Map(), clues(2, 2024))).toMatchObject({ year: 2024 });
    expect(inferYear(article, new Map(), clues(2, null))).toMatchObject({ year: 2024 });
  });

  it('falls back to the latest year the article writes about when no weekday is printed', () => {
    expect(inferYear(article, new Map(), clues(null, 2024))?.year).toBe(2021);
  });

  it('takes the year of dated articles that name the same days in sentences about the same happening', () => {
    const mentions = indexDayMentions([
      {
        seedFile: 'a.txt',
        published: { year: 2023, month: 6, day: 9 },
        paragraphs: ['Patrol boats seized six fishing boats off the coast on 14 May.'],
      },
    ]);
    const yearless = {
      seedFile: 'b.txt',
      sentences: sentencesOf(['Her inspectors seized the fishing boats off the coast on 14 May.']),
    };
    const found = inferYear(yearless, new Map(), {
      month: 6,
      day: 21,
      weekday: null,
      latestKnownYear: 2023,
      mentions: () => mentions,
    });
    expect(found?.year).toBe(2023);
  });

  it('gives a day named after the dated article was published the year before its own', () => {
    const mentions = indexDayMentions([
      {
        seedFile: 'a.txt',
        published: { year: 2024, month: 1, day: 5 },
        paragraphs: ['The factory burned down on 20 December.'],
      },
    ]);
    expect(mentions.get('12-20')?.[0]?.year).toBe(2023);
  });
});
