import { describe, expect, it } from 'vitest';
import { mergeEvents } from '../../../scripts/ingest/analysis/merge-events.ts';
import { toIso } from '../../../scripts/ingest/analysis/when.ts';
import { analyseInvented as analyse } from '../../helpers/analyse.ts';

/** The dated events an invented article reports, as "date: title". */
function datedEvents(paragraphs: string[], published = '2025-03-10'): string[] {
  return analyse(paragraphs, published)
    .events.filter((e) => e.date)
    .map((e) => `${toIso(e.date!)}: ${e.title}`);
}

/** Merges invented articles, each given by its id as its publication date and paragraphs. */
function merge(articles: Record<string, [string, string[]]>) {
  const { events } = mergeEvents(
    Object.entries(articles).map(([article, [published, paragraphs]]) => ({
      article,
      published,
      candidates: analyse(paragraphs, published).events,
    })),
  );
  return [...events.values()].map((e) => ({ date: e.date, title: e.title, articles: e.articles }));
}

describe('event titles on texts about other subjects', () => {
  it.each([
    [
      '“We will appeal,” the club’s chairman, Henrik Dahl, told reporters in Malmö on 4 March 2025.',
      'Henrik Dahl told reporters in Malmö',
    ],
    [
      'The city council, which says the budget is too small, cancelled the summer festival on 12 February 2025.',
      'The city council cancelled the summer festival',
    ],
    [
      'Lena Okafor, head of the regional water authority (RWA), met the farmers in Osterby on 9 February 2025.',
      'Lena Okafor met the farmers in Osterby',
    ],
    [
      'The strike began on 3 February 2025, when dock workers walked out over unpaid wages.',
      'Dock workers walked out over unpaid wages',
    ],
    [
      'On 6 February 2025 the ministry expelled one foreign correspondent, the agency’s bureau chief, and not two as first reported.',
      'The ministry expelled one foreign correspondent',
    ],
    ['Two days later, on 8 February 2025, the mayor resigned.', 'The mayor resigned'],
    [
      'TV: The health minister, Olof Berg, resigned on 5 March 2025 citing family reasons.',
      'Olof Berg resigned citing family reasons',
    ],
  ])('titles "%s" by the clause that says what happened, with its subject', (sentence, title) => {
    expect(datedEvents([sentence]).map((e) => e.slice(12))).toEqual([title]);
  });

  it('dates a dateline’s sentence by the day it names, not by the dateline, and not by its closing attribution', () => {
    expect(
      datedEvents(
        [
          'OSTERBY, March 3 (Nordwire) - Floodwater breached a river dike late on Sunday, forcing hundreds from their homes, the regional council said on Monday.',
        ],
        '2025-03-03',
      ),
    ).toEqual(['2025-03-02: Floodwater breached a river dike']);
  });

  it('reads a sentence that dates two happenings as two events, each with its subject', () => {
    expect(
      datedEvents([
        'The bridge closed on 4 February 2025 and reopened on 19 February 2025 after repairs.',
        'Twelve prisoners were released on 2 February 2025 and the last four on 9 February 2025.',
      ]),
    ).toEqual([
      '2025-02-04: The bridge closed',
      '2025-02-19: The bridge reopened',
      '2025-02-02: Twelve prisoners were released',
      '2025-02-09: The last four were released',
    ]);
  });

  it('reads no event from a year that only names a thing or that is counted from publication', () => {
    expect(
      datedEvents([
        'The anger of the previous winter had not cooled when the 2025 harvest began.',
        'She is the third judge to resign this year.',
      ]),
    ).toEqual([]);
  });

  it('dates "on Friday", "last night" and "on 8 and 9 March" from the publication day, but not a weekday still to come', () => {
    expect(
      datedEvents([
        'On Friday, the regulator fined the airline for late refunds.',
        'The minister landed in Osterby last night.',
        'Talks held in Osterby on 8 and 9 March 2025 ended without a deal.',
        'The airline said it would hold a call with investors on Thursday.',
      ]),
    ).toEqual([
      '2025-03-07: The regulator fined the airline for late refunds',
      '2025-03-09: The minister landed in Osterby',
      '2025-03-08: Talks held in Osterby ended without a deal',
    ]);
  });
});

describe('merging one day’s reports across articles', () => {
  it('merges a blockade and a protest that two outlets report on one day', () => {
    const events = merge({
      a: [
        '2025-02-13',
        [
          'On 12 February 2025, farmers protesting over diesel prices blocked the ring road into Lindholm.',
        ],
      ],
      b: [
        '2025-02-14',
        ['Farmers staged a protest over diesel prices in Lindholm on 12 February 2025.'],
      ],
    });
    expect(events.map((e) => [e.date, e.articles])).toEqual([['2025-02-12', ['a', 'b']]]);
  });

  it('merges a recall of an ambassador told plainly and told around a side remark', () => {
    const events = merge({
      a: ['2025-02-03', ['Ostland recalled its ambassador from Ruritania on 2 February 2025.']],
      b: [
        '2025-02-04',
        [
          'Ostland, which says the border closure was illegal, recalled its ambassador from Ruritania for consultations on 2 February 2025.',
        ],
      ],
    });
    expect(events).toEqual([
      {
        date: '2025-02-02',
        title: 'Ostland recalled its ambassador from Ruritania',
        articles: ['a', 'b'],
      },
    ]);
  });

  it('merges a report that names no one into the day’s event of its kind', () => {
    const events = merge({
      a: ['2025-02-21', ['Ruritania released the first group of prisoners on 20 February 2025.']],
      b: [
        '2025-02-22',
        ['The prisoners held at the northern camp were freed on 20 February 2025.'],
      ],
    });
    expect(events.map((e) => [e.date, e.articles])).toEqual([['2025-02-20', ['a', 'b']]]);
  });

  it('titles a merged event by the report that says what happened', () => {
    const events = merge({
      a: ['2025-02-10', ['Residents still remember the floods of 4 February 2025 in Lindholm.']],
      b: [
        '2025-02-05',
        ['On 4 February 2025, floods swept through Lindholm, killing four people.'],
      ],
    });
    expect(events).toEqual([
      { date: '2025-02-04', title: 'Floods swept through Lindholm', articles: ['a', 'b'] },
    ]);
  });

  it('keeps apart different happenings of one day: two in one sentence, a storm in the same town, arrests in two cities', () => {
    const events = merge({
      a: [
        '2025-02-14',
        [
          'On 13 February 2025 the president declared a state of emergency in Osterby, and the ministry suspended the mine’s licence the same day.',
        ],
      ],
      b: ['2025-02-14', ['A storm flooded the old harbour of Osterby on 13 February 2025.']],
      c: ['2025-02-06', ['Police in Lindholm arrested three protesters on 5 February 2025.']],
      d: ['2025-02-06', ['Police in Osterby detained a journalist on 5 February 2025.']],
    });
    expect(events.map((e) => `${e.date} ${e.articles.join(',')}: ${e.title}`).sort()).toEqual([
      '2025-02-05 c: Police in Lindholm arrested three protesters',
      '2025-02-05 d: Police in Osterby detained a journalist',
      '2025-02-13 a: The ministry suspended the mine’s licence',
      '2025-02-13 a: The president declared a state of emergency in Osterby',
      '2025-02-13 b: A storm flooded the old harbour of Osterby',
    ]);
  });
});
