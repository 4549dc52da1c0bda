import { articleKindSchema } from '../../../src/schema.ts';
import { findDates, isRealDay } from '../dates.ts';
import type { PageDate } from '../metadata.ts';

/** Metadata an input states outright (front matter, meta tags), as opposed to what is read from its text. */
export interface MetadataHints {
  title?: string;
  dek?: string;
  date?: PageDate;
  updated?: PageDate;
  author?: string;
  outlet?: string;
  section?: string;
  categories?: string[];
  kind?: string;
  language?: string;
  url?: string;
}

/** A field an input states, with where it came from (for the evidence) and whether it beats extraction. */
export type HintField = keyof MetadataHints;

/** What a format reader makes of an input: text lines for the text pipeline, plus stated metadata. */
export interface FormatReading {
  lines: string[];
  hints: MetadataHints;
  /** Where each hint came from, such as "front matter `date`" or "meta tag og:title". */
  sources: Partial<Record<HintField, string>>;
  warnings: string[];
  /** Input that was dropped before the text pipeline (raw HTML, scripts), for the report. */
  removed: Array<{ line: number; text: string; reason: string }>;
}

/** Describes a value's type in words, for a message about a wrongly typed field. */
export function describeType(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}

/**
 * Reads a stated date: a YAML date, an ISO date or timestamp (its calendar day as written, with
 * no time-zone shift), or any written form the text rules know that includes a year.
 */
export function readStatedDate(value: unknown): PageDate | null {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return {
      year: value.getUTCFullYear(),
      month: value.getUTCMonth() + 1,
      day: value.getUTCDate(),
      rule: '',
    };
  }
  if (typeof value !== 'string') return null;
  const iso = /^\s*(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/.exec(
    value,
  );
  if (iso) {
    const [year, month, day] = [+iso[1]!, +iso[2]!, iso[3] ? +iso[3] : null];
    if (month < 1 || month > 12 || (day !== null && !isRealDay(year, month, day))) return null;
    return { year, month, day, rule: '' };
  }
  const found = findDates(value).find((d) => d.valid && d.year !== null && d.month !== null);
  return found ? { year: found.year, month: found.month!, day: found.day, rule: '' } : null;
}

/** Reads a stated web address, refusing anything but http(s) so that no `javascript:` link is kept. */
export function readStatedUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Reads a stated article kind, if it is one the site knows. */
export function readStatedKind(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const kind = value.trim().toLowerCase();
  return articleKindSchema.safeParse(kind).success ? kind : null;
}

/** Reads a stated language as an ISO 639-1 code ("en-GB" → "en"). */
export function readStatedLanguage(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = /^([a-z]{2,3})(?:[-_][a-z0-9]+)*$/i.exec(value.trim());
  return m ? m[1]!.toLowerCase() : null;
}

/** Collapses the white space of a stated text value, or null when it holds no letters or digits. */
export function tidyStatedText(value: string): string | null {
  const text = value.replace(/\s+/g, ' ').trim();
  return /[\p{L}\p{N}]/u.test(text) ? text : null;
}
