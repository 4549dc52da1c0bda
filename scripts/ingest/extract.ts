import { createHash } from 'node:crypto';
import path from 'node:path';
import type { KnownActor, KnownOutlet, KnownTopic } from '../../src/schema.ts';
import { decideBodyLines, findBodySpan } from './body.ts';
import type { FormatReading, HintField } from './formats/hints.ts';
import { readHtmlInput } from './formats/html.ts';
import { readMarkdownInput } from './formats/markdown.ts';
import { describeLines } from './lines.ts';
import { chooseOutlet, readMetadata, type PageMetadata } from './metadata.ts';
import { decodeBytes, normalizeText } from './read.ts';
import { buildStructure, paragraphText, toMarkdown, type BodyStructure } from './structure.ts';
import { countWords, detectLanguage, normalizeKey } from './text.ts';

/** What the ingest knows besides the article itself: the curated knowledge files. */
export interface Knowledge {
  outlets: KnownOutlet[];
  /** Curated people, organisations, countries and places, with aliases and metonyms. */
  actors: KnownActor[];
  /** The curated taxonomy of themes, with the terms that signal each. */
  topics: KnownTopic[];
}

/** A line the ingest dropped, with the rule that dropped it, for the report. */
export interface RemovedLine {
  line: number;
  text: string;
  reason: string;
}

/** Everything read from one input file, before anything is compared across articles. */
export interface ArticleDraft {
  seedFile: string;
  encoding: string;
  meta: PageMetadata;
  language: string;
  structure: BodyStructure;
  markdown: string;
  wordCount: number;
  /** The address of the original article, when the input states one (http(s) only). */
  url: string | null;
  removed: RemovedLine[];
  warnings: string[];
  /** Hashes of the folded body and of its first two paragraphs, by which copies are found. */
  fingerprint: { body: string; lead: string };
}

/** The outcome of reading one input: a draft, or the reason there is none. */
export type ExtractResult =
  { ok: true; draft: ArticleDraft } | { ok: false; seedFile: string; problem: string };

/** The input formats the ingest reads, by file extension. */
export const INPUT_FORMATS: Record<string, 'text' | 'markdown' | 'html'> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
};

/** Reads the decoded text of an input in its format: plain lines, Markdown with front matter, or a saved page. */
function readFormat(seedFile: string, text: string): FormatReading {
  const format = INPUT_FORMATS[path.extname(seedFile).toLowerCase()] ?? 'text';
  if (format === 'markdown') return readMarkdownInput(text);
  if (format === 'html') return readHtmlInput(text);
  return { lines: text.split('\n'), hints: {}, sources: {}, warnings: [], removed: [] };
}

/** Reads one article from its bytes: decode, read its format, strip chrome, read metadata and structure. */
export function extractArticle(
  seedFile: string,
  bytes: Uint8Array,
  knowledge: Knowledge,
): ExtractResult {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { ok: false, seedFile, problem: decoded.problem };
  if (!normalizeText(decoded.text).trim())
    return { ok: false, seedFile, problem: 'the file has no text (only whitespace)' };
  const reading = readFormat(seedFile, decoded.text);
  const text = normalizeText(reading.lines.join('\n'));
  if (!text.trim())
    return {
      ok: false,
      seedFile,
      problem: 'the file has no article text once its markup is removed',
    };
  return extractFromText(
    seedFile,
    text,
    decoded.encoding,
    [...decoded.warnings, ...reading.warnings],
    knowledge,
    reading,
  );
}

/** The warning each stated field makes unnecessary. */
const SETTLED_WARNINGS: Partial<Record<HintField, RegExp>> = {
  title: /^no title shown/,
  date: /^no (publication date|dateline) shown|^relative date|^impossible date/,
  author: /^no author shown/,
  outlet: /^no outlet shown/,
};

/** Lets the metadata an input states outright (front matter, meta tags) overrule what was read from its text. */
function applyStatedMetadata(
  meta: PageMetadata,
  reading: FormatReading,
  outlets: KnownOutlet[],
): void {
  const { hints, sources } = reading;
  const settle = (field: HintField) => {
    meta.evidence[field] = sources[field]!;
    const settled = SETTLED_WARNINGS[field];
    if (settled) meta.warnings = meta.warnings.filter((w) => !settled.test(w));
  };
  if (hints.title) ((meta.title = hints.title), settle('title'));
  if (hints.dek) ((meta.dek = hints.dek), settle('dek'));
  if (hints.date) ((meta.date = { ...hints.date, rule: sources.date! }), settle('date'));
  if (hints.updated)
    ((meta.updated = { ...hints.updated, rule: sources.updated! }), settle('updated'));
  if (hints.author) ((meta.author = hints.author), settle('author'));
  if (hints.section) ((meta.section = hints.section), settle('section'));
  if (hints.categories) ((meta.categories = hints.categories), settle('categories'));
  if (hints.kind) ((meta.kind = hints.kind), settle('kind'));
  if (hints.outlet) {
    const outlet = chooseOutlet(
      [{ name: hints.outlet, fullName: null, weight: 10, rule: sources.outlet! }],
      outlets,
    );
    if (outlet) ((meta.outlet = outlet), settle('outlet'));
  }
}

/** Puts a stated title on top of the text when the text does not open with it, so it is read as the headline. */
function withStatedTitle(text: string, title: string | undefined): string {
  if (!title) return text;
  const first = text.split('\n').find((l) => l.trim());
  return first && normalizeKey(first) === normalizeKey(title) ? text : `${title}\n\n${text}`;
}

/** Says why a page has no body, in the terms a reader of the report can check. */
function describeMissingBody(lines: ReturnType<typeof describeLines>): string {
  const overlong = lines.find((l) => l.chrome?.startsWith('overlong line'));
  if (overlong)
    return `no article text found: line ${overlong.n + 1} is ${overlong.text.length.toLocaleString('en')} characters long, too long to be a paragraph (a log or data dump, or text without line breaks)`;
  const chrome = lines.filter((l) => l.chrome).length;
  const textLines = lines.filter((l) => l.text).length;
  if (chrome >= textLines / 2)
    return `no article text found: ${chrome} of ${textLines} lines are site chrome (menus, notices, links) and none reads as running text`;
  return `no article text found: none of its ${textLines} line${textLines === 1 ? '' : 's'} reads as running text (a sentence of eight words or more)`;
}

function hashOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Hashes a body's folded text, whole and its opening, once per article when it is read (and
 * cached with it), so that finding copies across the corpus does not fold every body again.
 * Folding never joins across a space, so the paragraphs are folded one by one: the opening's fold
 * is the body's, and an accent in one paragraph sends only that one down the slower Unicode path.
 */
export function fingerprintBody(paragraphs: string[]): ArticleDraft['fingerprint'] {
  const keys = paragraphs.map(normalizeKey);
  const join = (list: string[]) => list.filter((key) => key !== '').join(' ');
  return { body: hashOf(join(keys)), lead: hashOf(join(keys.slice(0, 2))) };
}

/** Reads an article from already-decoded text, with what its format states outright. */
export function extractFromText(
  seedFile: string,
  input: string,
  encoding: string,
  warnings: string[],
  knowledge: Knowledge,
  reading?: FormatReading,
): ExtractResult {
  const text = withStatedTitle(input, reading?.hints.title);
  const lines = describeLines(text.split('\n'));
  const span = findBodySpan(lines);
  if (!span) return { ok: false, seedFile, problem: describeMissingBody(lines) };
  const decisions = decideBodyLines(lines, span);
  const meta = readMetadata(lines, decisions, span, knowledge.outlets);
  if (reading) applyStatedMetadata(meta, reading, knowledge.outlets);
  if (!/[\p{L}\p{N}]/u.test(meta.title)) {
    // Nothing on the page can name it, but an article must have a title: the file name is the user's own.
    meta.title = path.basename(seedFile, path.extname(seedFile)) || seedFile;
    meta.evidence.title = 'no headline or sentence to name the article: its file name';
  }
  const structure = buildStructure(lines, decisions);
  if (structure.paragraphs.length === 0)
    return { ok: false, seedFile, problem: 'no paragraphs left once site chrome was removed' };
  const bodyText = structure.paragraphs.map(paragraphText).join('\n');
  const removed: RemovedLine[] = [...(reading?.removed ?? [])];
  for (const line of lines) {
    const d = decisions[line.n]!;
    if (d.role === 'chrome' || d.role === 'meta')
      removed.push({ line: line.n + 1, text: line.text.slice(0, 200), reason: d.reason });
  }
  return {
    ok: true,
    draft: {
      seedFile,
      encoding,
      meta,
      language: reading?.hints.language ?? detectLanguage(bodyText),
      structure,
      markdown: toMarkdown(structure),
      wordCount: countWords(bodyText),
      url: reading?.hints.url ?? null,
      removed,
      warnings: [...warnings, ...meta.warnings],
      fingerprint: fingerprintBody(structure.paragraphs.map(paragraphText)),
    },
  };
}
