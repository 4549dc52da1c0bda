import { findDates, isRealDay, MONTH_NAMES } from '../dates.ts';

/** A calendar point, as precise as the text makes it. */
export interface DatePoint {
  year: number;
  month: number | null;
  day: number | null;
  approximate: 'early' | 'mid' | 'late' | null;
}

/** A date read from a sentence, with how it is used. */
export interface ReadDate extends DatePoint {
  start: number;
  end: number;
  text: string;
  /** `point`: when something happened; `span`: a bound ("since 2022", "until September 2023", "by 2026"). */
  use: 'point' | 'span';
  /**
   * A year before a noun ("the 2020 war", "the 1951 Mutual Defense Treaty"): it dates that
   * thing, not the passage, so a month named after it is not placed in its year.
   */
  attributive: boolean;
}

/** What a sentence's dates are read against: the article's date and the year the passage is in. */
export interface DateContext {
  published: DatePoint | null;
  /** The last year the paragraph named explicitly ("in March of that year"). */
  paragraphYear: number | null;
  /** The last point date read, for "a day later". */
  last: DatePoint | null;
}

const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December)';
const APPROX =
  '(?:(early|mid|late|the end of|the beginning of|the start of|the middle of|end of|beginning of|start of)[-\\s]+)?';
// "by" is left out: "By June, access was blocked" dates a past event; "by 2026" is caught as a future date.
const SPAN_BEFORE =
  /\b(?:since|until|till|through|throughout|from|before|after|between|over the past|compared (?:to|with)|as of)\s+(?:the\s+)?(?:(?:early|mid|late|end of|beginning of)[-\s]+)?$/i;

const MONTH_RELATIVE = new RegExp(`\\b${APPROX}${MONTH}\\s+(last|this|next)\\s+year\\b`, 'g');
const MONTH_ALONE = new RegExp(
  `\\b${APPROX}${MONTH}\\b(?!\\s*\\d)(\\s+of\\s+(?:that|this|the same)\\s+year)?`,
  'g',
);
/**
 * What every date this module reads holds somewhere: a digit, a month's name, or "year", "month"
 * or "day". Most sentences hold none, and are passed over without running the patterns.
 */
const MAY_HOLD_DATE =
  /\d|year|month|day|night|january|february|march|april|may|june|july|august|september|october|november|december/i;

function approximateOf(word: string | undefined): DatePoint['approximate'] {
  if (!word) return null;
  const w = word.toLowerCase();
  if (w.includes('end') || w === 'late') return 'late';
  if (w.includes('beginning') || w.includes('start') || w === 'early') return 'early';
  return 'mid';
}

/** Words that put a sentence's happening ahead of publication ("the summit in November is expected to …"). */
const AHEAD =
  /\b(?:will|is|are) (?:expected|due|scheduled|set) to\b|\b(?:will|shall)\b|\bupcoming\b|\bahead of\b|\ba prelude to\b|\bnext (?:month|week)\b/i;

/** How many days before publication a day without its year is taken to be that recent day. */
const RECENT_DAYS = 90;

/**
 * The year a month without one belongs to: the passage's year, else the latest not after
 * publication, or the first after it in a sentence about what is ahead.
 */
function yearForMonth(
  month: number,
  day: number | null,
  context: DateContext,
  ahead: boolean,
): number | null {
  if (context.paragraphYear) {
    // A day a few weeks before publication ("opened an investigation on Feb. 3") is that
    // recent day, even after a sentence about an older year ("a law passed in October 2023").
    const recent =
      day !== null ? yearForMonth(month, day, { ...context, paragraphYear: null }, ahead) : null;
    const p = context.published;
    if (recent !== null && p?.month && p.day) {
      const days =
        (Date.UTC(p.year, p.month - 1, p.day) - Date.UTC(recent, month - 1, day!)) / 864e5;
      if (days >= -31 && days <= RECENT_DAYS) return recent;
    }
    // "In December" in a paragraph of this year's days, published in February, is last December:
    // a month still to come is not what a sentence that does not look ahead reports.
    if (!ahead && day === null && p?.month && context.paragraphYear === p.year && month > p.month)
      return p.year - 1;
    return context.paragraphYear;
  }
  const p = context.published;
  if (!p) return null;
  const after =
    p.month !== null &&
    (month > p.month || (month === p.month && day !== null && p.day !== null && day > p.day));
  if (ahead && p.month !== null) return after ? p.year : p.year + 1;
  // A day a few weeks after publication is one still to come ("to reopen the bridge on 20 May"),
  // not that day a year before.
  if (after && day !== null && p.day !== null) {
    const days = (Date.UTC(p.year, month - 1, day) - Date.UTC(p.year, p.month! - 1, p.day)) / 864e5;
    if (days <= 31) return p.year;
  }
  return after ? p.year - 1 : p.year;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY =
  /\b(?:(?:late|early)\s+)?on\s+(sunday|monday|tuesday|wednesday|thursday|friday|saturday)(?:\s+(?:morning|afternoon|evening|night))?\b/gi;
/** A weekday said of what is still to come ("would vote on Thursday", "to resume on Monday"). */
const WEEKDAY_AHEAD = /\b(?:would|to resume|is to|are to|plans? to|due)\b/i;

/** The day a number of days away from a point with a day. */
function shiftDay(point: DatePoint, by: number): DatePoint {
  const d = new Date(Date.UTC(point.year, point.month! - 1, point.day! + by));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    approximate: null,
  };
}

function shiftMonth(point: DatePoint, by: number): DatePoint {
  const index = point.year * 12 + (point.month ?? 1) - 1 + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: null, approximate: null };
}

/**
 * Reads the dates of a sentence: full and partial calendar dates, months without a year (placed
 * by the passage's year or the publication date), bare years, and dates relative to publication
 * ("December last year", "at the end of last month", "a day later", "yesterday", "on Friday"). Bounds such as "since 2022"
 * are returned as spans, which set the context but are not when anything happened.
 */
export function readDates(sentence: string, context: DateContext): ReadDate[] {
  if (!MAY_HOLD_DATE.test(sentence)) return [];
  // What a quotation says will happen ("We will appeal," he told reporters on 4 May) does not
  // put the sentence's own happening ahead.
  const ahead = AHEAD.test(sentence.replace(/“[^”]*”|"[^"]*"/g, ' '));
  const out: ReadDate[] = [];
  const taken: Array<[number, number]> = [];
  const free = (s: number, e: number) => !taken.some(([a, b]) => s < b && e > a);
  const push = (start: number, end: number, point: DatePoint | null) => {
    if (!point || !free(start, end)) return;
    taken.push([start, end]);
    const before = sentence.slice(Math.max(0, start - 30), start);
    const future = context.published !== null && point.year > context.published.year;
    const range =
      SPAN_BEFORE.test(before) ||
      /\b(?:from\s+[\p{L}\d ,]{1,25}\s+(?:to|until|till)|between\s+[\p{L}\d ,]{1,25}\s+and)\s+$/iu.test(
        before,
      );
    out.push({
      ...point,
      start,
      end,
      text: sentence.slice(start, end),
      use: range || future ? 'span' : 'point',
      attributive:
        point.month === null &&
        /\bthe\s+$/i.test(before) &&
        /^\s+[\p{L}-]+/u.test(sentence.slice(end, end + 30)) &&
        !/^\s+(?:and|or|to|when|as|was|is)\b/i.test(sentence.slice(end, end + 8)),
    });
  };
  const p = context.published;

  // Relative to publication first, since "December last year" also looks like a plain month.
  for (const m of sentence.matchAll(MONTH_RELATIVE)) {
    if (!p) continue;
    const year = p.year + (m[3] === 'last' ? -1 : m[3] === 'next' ? 1 : 0);
    push(m.index!, m.index! + m[0].length, {
      year,
      month: MONTH_NAMES.indexOf(m[2]!.toLowerCase()) + 1,
      day: null,
      approximate: approximateOf(m[1]),
    });
  }
  for (const m of sentence.matchAll(
    /\b(?:(?:at )?(the end of|the beginning of|the start of|the middle of|early|late|earlier|later) )?(last|this|previous|past) (month|year)\b/gi,
  )) {
    if (!p || p.month === null || /\b(?:over the|of)\s*$/i.test(sentence.slice(0, m.index!)))
      continue;
    const back = m[2]!.toLowerCase() === 'this' ? 0 : -1;
    const point =
      m[3]!.toLowerCase() === 'month'
        ? shiftMonth(p, back)
        : { year: p.year + back, month: null, day: null, approximate: null };
    push(m.index!, m.index! + m[0].length, { ...point, approximate: approximateOf(m[1]) });
  }
  for (const m of sentence.matchAll(/\b(?:a|one) day later\b|\bthe (?:next|following) day\b/gi)) {
    const last = context.last;
    if (!last) continue;
    if (last.day === null) push(m.index!, m.index! + m[0].length, { ...last, approximate: null });
    else {
      const d = new Date(Date.UTC(last.year, last.month! - 1, last.day + 1));
      push(m.index!, m.index! + m[0].length, {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        approximate: null,
      });
    }
  }
  for (const found of findDates(sentence)) {
    if (!found.valid || found.month === null) continue;
    const approxWord = /\b(early|mid|late|end of|beginning of)[-\s]+$/i.exec(
      sentence.slice(Math.max(0, found.index - 20), found.index),
    )?.[1];
    const year = found.year ?? yearForMonth(found.month, found.day, context, ahead);
    if (year === null || (found.day !== null && !isRealDay(year, found.month, found.day))) continue;
    // The first day of "on 8 and 9 March" is a day of its own: talks that opened on the 8th.
    const list =
      found.day !== null
        ? /\b(\d{1,2})\s*(?:and|&|-|–)\s*$/.exec(
            sentence.slice(Math.max(0, found.index - 8), found.index),
          )
        : null;
    if (list && +list[1]! < found.day! && isRealDay(year, found.month, +list[1]!)) {
      push(found.index - list[0].length, found.index, {
        year,
        month: found.month,
        day: +list[1]!,
        approximate: null,
      });
    }
    push(found.index, found.index + found.length, {
      year,
      month: found.month,
      day: found.day,
      approximate: approximateOf(approxWord),
    });
  }
  // "yesterday", "last night": the day before publication, when the article gives its day.
  if (p && p.day !== null)
    for (const m of sentence.matchAll(/\b(?:yesterday|last night)\b/gi))
      push(m.index!, m.index! + m[0].length, shiftDay(p, -1));
  // "On Friday", "late on Tuesday": the last such day on or before publication, when the
  // article gives its day and the weekday is not followed by the date it names.
  if (p && p.day !== null)
    for (const m of sentence.matchAll(WEEKDAY)) {
      const after = sentence.slice(m.index! + m[0].length, m.index! + m[0].length + 16);
      const before = sentence.slice(Math.max(0, m.index! - 12), m.index!);
      // What is still to come is said in the clause before the weekday ("would vote on Thursday").
      const clause = sentence.slice(0, m.index!).split(/[,;:]/).pop()!;
      if (
        /^\s*,?\s*(?:\d|[A-Z][a-z]+ \d)/.test(after) ||
        /\b(?:GMT|UTC|local time)\s*$/.test(before) ||
        AHEAD.test(clause) ||
        WEEKDAY_AHEAD.test(clause)
      )
        continue;
      const weekday = WEEKDAYS.indexOf(m[1]!.toLowerCase());
      const published = new Date(Date.UTC(p.year, p.month! - 1, p.day)).getUTCDay();
      push(m.index!, m.index! + m[0].length, shiftDay(p, -((published - weekday + 7) % 7)));
    }
  // A month with neither day nor year: "In May", "By June", "in March of that year".
  for (const m of sentence.matchAll(MONTH_ALONE)) {
    const before = sentence.slice(Math.max(0, m.index! - 12), m.index!);
    if (!m[1] && !/\b(?:in|by|on|since|until|from|during|of|to|and)\s+$/i.test(before)) continue;
    const month = MONTH_NAMES.indexOf(m[2]!.toLowerCase()) + 1;
    const year =
      m[3] && context.paragraphYear
        ? context.paragraphYear
        : yearForMonth(month, null, context, ahead);
    if (year === null) continue;
    push(m.index!, m.index! + m[0].length, {
      year,
      month,
      day: null,
      approximate: approximateOf(m[1]),
    });
  }
  // Bare years: "In 2014,", "the 2020 war", "at the end of 2024".
  for (const m of sentence.matchAll(
    /\b(?:(?:at )?(the end of|the beginning of|the start of|early|mid|late)[-\s]+)?((?:19|20)\d{2})\b(?![\d.,]?\d|\s*(?:%|percent|million|billion|people|km))/gi,
  )) {
    push(m.index!, m.index! + m[0].length, {
      year: +m[2]!,
      month: null,
      day: null,
      approximate: approximateOf(m[1]),
    });
  }
  // "the same day" is the day named before it in the sentence, or else, in a sentence that names
  // none ("The same day, 4 May, …" restates one), the last one read.
  for (const m of sentence.matchAll(/\b(?:on\s+)?the same day\b/gi)) {
    const earlier = out
      .filter((d) => d.end <= m.index! && d.use === 'point')
      .sort((a, b) => b.start - a.start)[0];
    const point = earlier ?? (out.length ? null : context.last);
    if (point && point.day !== null)
      push(m.index!, m.index! + m[0].length, {
        year: point.year,
        month: point.month,
        day: point.day,
        approximate: null,
      });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Formats a point as ISO at its precision. */
export function toIso(point: DatePoint): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (point.month === null) return String(point.year);
  if (point.day === null) return `${point.year}-${pad(point.month)}`;
  return `${point.year}-${pad(point.month)}-${pad(point.day)}`;
}

/** The precision of a point: day, month or year. */
export function precisionOf(point: DatePoint): 'day' | 'month' | 'year' {
  return point.day !== null ? 'day' : point.month !== null ? 'month' : 'year';
}
