import { findDates, MONTH_NAMES } from './dates.ts';
import { splitSentences } from './text.ts';

/** The minimum an article must offer for its missing year to be inferred. */
export interface YearlessArticle {
  seedFile: string;
  sentences: string[];
}

/** A year worked out from the text, with the reasoning kept for the report. */
export interface InferredYear {
  year: number;
  rule: string;
}

const RELATIVE_MONTH = new RegExp(
  `\\b(?:(${MONTH_NAMES.join('|')})\\s+(?:of\\s+)?(last|this|next) year|(last|this|next) (${MONTH_NAMES.join('|')}))\\b`,
  'i',
);
const FUTURE_YEAR =
  /\b(?:by|until|till|through|before|in the next|target(?:ed)? for|plans? for)\s+((?:19|20)\d{2})\b/gi;
const COMMON = new Set(
  'that this with from have were been their there which would about after before while where when into than them they also more most such only over under between other these those said says will could should'.split(
    ' ',
  ),
);

/** The content words of a sentence, cut to a short stem so "crash" and "crashed" meet. */
function contentStems(sentence: string): Set<string> {
  const stems = new Set<string>();
  for (const word of sentence.toLowerCase().match(/\p{L}{4,}/gu) ?? []) {
    if (COMMON.has(word) || MONTH_NAMES.includes(word)) continue;
    stems.add(word.slice(0, 6));
  }
  return stems;
}

/** An index of every sentence in the corpus that carries a full date, by month. */
export type DatedSentenceIndex = Map<
  number,
  Array<{ seedFile: string; year: number; stems: Set<string> }>
>;

// Every year a date can have is written like this (dates.ts), so text without it dates nothing.
const WRITTEN_YEAR = /(?:19|20)\d{2}/;

/**
 * Builds, once per corpus, the index of dated sentences that year inference searches. Only the
 * paragraphs that write a year are split into sentences and searched for dates: at 10,000
 * articles, doing so for every paragraph took about a second of the ingest's one-threaded step.
 */
export function indexDatedSentences(
  articles: Array<{ seedFile: string; paragraphs: string[] }>,
): DatedSentenceIndex {
  const index: DatedSentenceIndex = new Map();
  for (const article of articles) {
    const dated = article.paragraphs.filter((p) => WRITTEN_YEAR.test(p));
    for (const sentence of sentencesOf(dated)) {
      if (!WRITTEN_YEAR.test(sentence)) continue;
      for (const date of findDates(sentence)) {
        if (date.year === null || date.month === null || !date.valid) continue;
        const list = index.get(date.month) ?? [];
        list.push({ seedFile: article.seedFile, year: date.year, stems: contentStems(sentence) });
        index.set(date.month, list);
      }
    }
  }
  return index;
}

/** Day-and-month mentions without a year ("on 14 May"), by `month-day`, in articles whose year is known. */
export type DayMentionIndex = Map<
  string,
  Array<{ seedFile: string; year: number; stems: Set<string> }>
>;

/**
 * Indexes the yearless day-and-month mentions of dated articles, each given the year it has in
 * its article: the publication's year, or the year before for a day after the publication's.
 * It reads every sentence, so the ingest builds it only when some article needs it.
 */
export function indexDayMentions(
  articles: Array<{
    seedFile: string;
    published: { year: number; month: number; day: number | null };
    paragraphs: string[];
  }>,
): DayMentionIndex {
  const index: DayMentionIndex = new Map();
  for (const { seedFile, published, paragraphs } of articles) {
    for (const sentence of sentencesOf(paragraphs)) {
      for (const date of findDates(sentence)) {
        if (date.year !== null || date.month === null || date.day === null || !date.valid) continue;
        const later =
          date.month > published.month ||
          (date.month === published.month && date.day > (published.day ?? 31));
        const key = `${date.month}-${date.day}`;
        const list = index.get(key) ?? [];
        list.push({
          seedFile,
          year: later ? published.year - 1 : published.year,
          stems: contentStems(sentence),
        });
        index.set(key, list);
      }
    }
  }
  return index;
}

/** What the page shows of its own date besides the year, and the corpus around it. */
export interface YearClues {
  month: number;
  day: number | null;
  /** The weekday the page prints with its date (0 is Sunday), if it prints one. */
  weekday: number | null;
  /** The latest publication year among the articles whose year is known, if any. */
  latestKnownYear: number | null;
  /** The day-and-month mentions of the dated articles, built on first use. */
  mentions: () => DayMentionIndex;
}

/** The year, from `from` on, in which a day of a month falls on a weekday; null if none by `to`. */
function findYearOfWeekday(
  month: number,
  day: number,
  weekday: number,
  from: number,
  to: number,
): number | null {
  for (let year = from; year <= to; year++)
    if (new Date(Date.UTC(year, month - 1, day)).getUTCDay() === weekday) return year;
  return null;
}

/**
 * Infers a publication year the page leaves out. First from a relative reference ("in December
 * last year") matched to a sentence of another article that dates the same happening; then from
 * the weekday the page prints ("Tuesday 19 March"); then from the days it names ("on 14 May")
 * that dated articles name in sentences about the same happening; failing that, from the latest
 * past year the article itself mentions.
 */
export function inferYear(
  article: YearlessArticle,
  index: DatedSentenceIndex,
  clues?: YearClues,
): InferredYear | null {
  for (const sentence of article.sentences) {
    const m = RELATIVE_MONTH.exec(sentence);
    if (!m) continue;
    const month = MONTH_NAMES.indexOf((m[1] ?? m[4])!.toLowerCase()) + 1;
    const offset = { last: -1, this: 0, next: 1 }[
      (m[2] ?? m[3])!.toLowerCase() as 'last' | 'this' | 'next'
    ];
    const stems = contentStems(sentence);
    let best: { year: number; shared: number } | null = null;
    for (const other of index.get(month) ?? []) {
      if (other.seedFile === article.seedFile) continue;
      let shared = 0;
      for (const stem of stems) if (other.stems.has(stem)) shared++;
      if (
        shared >= 2 &&
        (!best || shared > best.shared || (shared === best.shared && other.year > best.year))
      )
        best = { year: other.year, shared };
    }
    if (best) {
      return {
        year: best.year - offset,
        rule: `"${m[0]}" matched to a dated report of the same happening in another article (${best.year})`,
      };
    }
  }
  const future = new Set<number>();
  const years: number[] = [];
  const days: Array<{ key: string; sentence: string }> = [];
  for (const sentence of article.sentences) {
    for (const m of sentence.matchAll(FUTURE_YEAR)) future.add(+m[1]!);
    for (const date of findDates(sentence)) {
      if (date.year !== null && date.valid) years.push(date.year);
      else if (date.valid && date.month !== null && date.day !== null)
        days.push({ key: `${date.month}-${date.day}`, sentence });
    }
    for (const m of sentence.matchAll(/\b(?:in|since|from|of|during)\s+((?:19|20)\d{2})\b/g))
      years.push(+m[1]!);
  }
  const past = years.filter((y) => !future.has(y));
  const latestMentioned = past.length ? Math.max(...past) : null;
  if (clues && clues.weekday !== null && clues.day !== null) {
    // A page is not older than the years it writes about, nor much newer than its corpus; alone,
    // it is taken to be from the first matching year after the latest it writes about.
    const from = latestMentioned ?? (clues.latestKnownYear ?? 0) - 1;
    const to = Math.max(from, clues.latestKnownYear ?? from + 5) + 1;
    const year =
      from > 0 ? findYearOfWeekday(clues.month, clues.day, clues.weekday, from, to) : null;
    if (year !== null) return { year, rule: `the weekday printed with the date falls in ${year}` };
  }
  if (clues && days.length > 0) {
    const mentions = clues.mentions();
    const votes = new Map<number, number>();
    for (const { key, sentence } of days) {
      const stems = contentStems(sentence);
      for (const other of mentions.get(key) ?? []) {
        if (other.seedFile === article.seedFile) continue;
        let shared = 0;
        for (const stem of stems) if (other.stems.has(stem)) shared++;
        if (shared >= 2) votes.set(other.year, (votes.get(other.year) ?? 0) + 1);
      }
    }
    const [best] = [...votes.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
    if (best && (latestMentioned === null || best[0] >= latestMentioned))
      return {
        year: best[0],
        rule: `days it names are named by dated articles about the same happenings (${best[0]})`,
      };
  }
  if (latestMentioned === null) return null;
  return {
    year: latestMentioned,
    rule: `latest year the article mentions (${latestMentioned})`,
  };
}

/** Splits paragraphs into sentences for the year index. */
export function sentencesOf(paragraphs: string[]): string[] {
  return paragraphs.flatMap(splitSentences);
}
