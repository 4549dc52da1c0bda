/** A date written in a text, with what the text actually says about it. */
export interface FoundDate {
  /** Where the expression starts in the searched text, and its length. */
  index: number;
  length: number;
  text: string;
  year: number | null;
  month: number | null;
  day: number | null;
  /** False when the text names a day that does not exist, such as 31.02.2025. */
  valid: boolean;
}

/** The English month names, lower case, January first. */
export const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** Month names of other languages the ingest meets, in the forms dates use (Russian genitive, etc.). */
const FOREIGN_MONTHS: string[][] = [
  [
    'января',
    'janvier',
    'januar',
    'jänner',
    'enero',
    'gennaio',
    'ocak',
    'yanvar',
    'січня',
    'януари',
    'stycznia',
    'januari',
    'janeiro',
  ],
  [
    'февраля',
    'février',
    'fevrier',
    'februar',
    'febrero',
    'febbraio',
    'şubat',
    'fevral',
    'лютого',
    'февруари',
    'lutego',
    'februari',
    'fevereiro',
  ],
  [
    'марта',
    'mars',
    'märz',
    'marzo',
    'mart',
    'березня',
    'март',
    'marca',
    'maret',
    'maart',
    'março',
    'marco',
  ],
  ['апреля', 'avril', 'abril', 'aprile', 'nisan', 'aprel', 'квітня', 'април', 'kwietnia'],
  ['мая', 'mai', 'mayo', 'maggio', 'mayıs', 'травня', 'май', 'maja', 'mei', 'maio'],
  [
    'июня',
    'juin',
    'juni',
    'junio',
    'giugno',
    'haziran',
    'iyun',
    'червня',
    'юни',
    'czerwca',
    'junho',
  ],
  [
    'июля',
    'juillet',
    'juli',
    'julio',
    'luglio',
    'temmuz',
    'iyul',
    'липня',
    'юли',
    'lipca',
    'julho',
  ],
  [
    'августа',
    'août',
    'aout',
    'agosto',
    'ağustos',
    'avqust',
    'серпня',
    'август',
    'sierpnia',
    'agustus',
    'augustus',
    'ogos',
  ],
  [
    'сентября',
    'septembre',
    'septiembre',
    'settembre',
    'eylül',
    'sentyabr',
    'вересня',
    'септември',
    'września',
    'setembro',
  ],
  [
    'октября',
    'octobre',
    'oktober',
    'octubre',
    'ottobre',
    'ekim',
    'oktyabr',
    'жовтня',
    'октомври',
    'października',
    'outubro',
  ],
  [
    'ноября',
    'novembre',
    'noviembre',
    'kasım',
    'noyabr',
    'листопада',
    'ноември',
    'listopada',
    'novembro',
  ],
  [
    'декабря',
    'décembre',
    'decembre',
    'dezember',
    'diciembre',
    'dicembre',
    'aralık',
    'dekabr',
    'грудня',
    'декември',
    'grudnia',
    'desember',
    'disember',
    'dezembro',
  ],
];
const FOREIGN_MONTH_NUMBER = new Map(
  FOREIGN_MONTHS.flatMap((names, i) => names.map((name) => [name, i + 1] as const)),
);
const FOREIGN_MONTH = `(${[...FOREIGN_MONTH_NUMBER.keys()].sort((a, b) => b.length - a.length).join('|')})`;

// Capitalised month names only, so that the verb "may" and the noun "march" are not dates.
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)';
// A year is four digits not glued to more digits: "18419" after "03 July" is a view counter.
// A time glued to the year ("March 4, 20254:12 PM", as copied from some news sites) still ends it.
const YEAR = '((?:19|20)\\d{2})(?:(?=\\d{1,2}:\\d{2})|(?![\\d.,]?\\d))';

const PATTERNS: Array<{
  re: RegExp;
  read: (m: RegExpExecArray) => [number | null, number | null, number | null];
}> = [
  // 2025-07-03, 2025-07-03T00:31
  {
    re: new RegExp(`\\b${YEAR.replace('(?![\\d.,]?\\d)', '')}-(\\d{1,2})-(\\d{1,2})(?!\\d)`, 'g'),
    read: (m) => [+m[1]!, +m[2]!, +m[3]!],
  },
  // 25.02.2025 (day first) and 02/25/2025 (month first when the first number cannot be a month)
  {
    re: new RegExp(`\\b(\\d{1,2})([./])(\\d{1,2})\\2${YEAR}`, 'g'),
    read: (m) => {
      const a = +m[1]!;
      const b = +m[3]!;
      const y = +m[4]!;
      if (m[2] === '/' && b > 12 && a <= 12) return [y, a, b];
      return [y, b, a];
    },
  },
  // July 21, 2025 · Jul 5, 2025 · February 12 2025 · Oct 10
  {
    re: new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+${YEAR})?`, 'g'),
    read: (m) => [m[3] ? +m[3] : null, MONTHS[m[1]!.toLowerCase()]!, +m[2]!],
  },
  // 15 November 2025 · 03 July · 1st of May 2024
  {
    re: new RegExp(
      `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b\\.?(?:,?\\s+${YEAR})?`,
      'g',
    ),
    read: (m) => [m[3] ? +m[3] : null, MONTHS[m[2]!.toLowerCase()]!, +m[1]!],
  },
  // 12 марта 2025 · 4 mars 2025 · 14. März 2025 · 4 de marzo de 2025: other languages need the day number first
  {
    re: new RegExp(
      `(?<![\\p{L}\\d])(\\d{1,2})\\.?\\s+(?:de\\s+)?${FOREIGN_MONTH}(?![\\p{L}])(?:,?\\s+(?:de\\s+)?${YEAR})?`,
      'giu',
    ),
    read: (m) => [
      m[3] ? +m[3] : null,
      FOREIGN_MONTH_NUMBER.get(m[2]!.toLowerCase()) ?? null,
      +m[1]!,
    ],
  },
  // February 2025 · December of 2024
  {
    re: new RegExp(`\\b${MONTH}\\s+(?:of\\s+)?${YEAR}`, 'g'),
    read: (m) => [+m[2]!, MONTHS[m[1]!.toLowerCase()]!, null],
  },
];

/** Whether year, month and day name a day that exists in the calendar. */
export function isRealDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Finds every calendar date written in a text, longest reading first where two overlap. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [year, month, day] = read(m);
      if (month === null || month < 1 || month > 12) continue;
      if (day !== null && (day < 1 || day > 31)) continue;
      const valid = day === null || isRealDay(year ?? 2000, month, day);
      found.push({ index: m.index, length: m[0].length, text: m[0], year, month, day, valid });
    }
  }
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  const kept: FoundDate[] = [];
  for (const date of found) {
    const last = kept[kept.length - 1];
    if (last && date.index < last.index + last.length) continue;
    kept.push(date);
  }
  return kept;
}

/** Formats a date as ISO at the precision the text gives: `2025-07-03`, `2025-07` or `2025`. */
export function toIsoDate(year: number, month: number | null, day: number | null): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  if (month === null) return String(year);
  if (day === null) return `${year}-${pad(month)}`;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const RELATIVE_DATE =
  /\b(?:(?:\d+|an?|one|two|three|few|several)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago|yesterday|just now)\b/i;

/** Finds a relative date such as "2 days ago", which must never become an absolute date. */
export function findRelativeDate(text: string): string | null {
  return RELATIVE_DATE.exec(text)?.[0] ?? null;
}

/** Finds four-digit years mentioned in a text, for inferring a missing publication year. */
export function findYears(text: string): number[] {
  return [...text.matchAll(/\b((?:19|20)\d{2})\b(?!\s*(?:million|billion|people|km|%))/g)].map(
    (m) => +m[1]!,
  );
}
