import type { KnownOutlet } from '../../src/schema.ts';
import { decideBodyLines, findBodySpan } from './body.ts';
import { describeLines } from './lines.ts';
import { readMetadata, type PageMetadata } from './metadata.ts';
import { decodeBytes, normalizeText } from './read.ts';
import { buildStructure, paragraphText, toMarkdown, type BodyStructure } from './structure.ts';
import { countWords, detectLanguage } from './text.ts';

/** What the ingest knows besides the article itself: the curated knowledge files. */
export interface Knowledge {
  outlets: KnownOutlet[];
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
  removed: RemovedLine[];
  warnings: string[];
}

/** The outcome of reading one input: a draft, or the reason there is none. */
export type ExtractResult = { ok: true; draft: ArticleDraft } | { ok: false; seedFile: string; problem: string };

/** Reads one plain-text article from its bytes: decode, strip chrome, read metadata and structure. */
export function extractArticle(seedFile: string, bytes: Uint8Array, knowledge: Knowledge): ExtractResult {
  const decoded = decodeBytes(bytes);
  if (!decoded.ok) return { ok: false, seedFile, problem: decoded.problem };
  const text = normalizeText(decoded.text);
  if (!text.trim()) return { ok: false, seedFile, problem: 'the file has no text (only whitespace)' };
  return extractFromText(seedFile, text, decoded.encoding, decoded.warnings, knowledge);
}

/** Reads an article from already-decoded text. */
export function extractFromText(
  seedFile: string,
  text: string,
  encoding: string,
  warnings: string[],
  knowledge: Knowledge,
): ExtractResult {
  const lines = describeLines(text.split('\n'));
  const span = findBodySpan(lines);
  if (!span) return { ok: false, seedFile, problem: 'no article text found: every line looks like site chrome (menus, notices, links)' };
  const decisions = decideBodyLines(lines, span);
  const meta = readMetadata(lines, decisions, span, knowledge.outlets);
  const structure = buildStructure(lines, decisions);
  if (structure.paragraphs.length === 0) return { ok: false, seedFile, problem: 'no paragraphs left once site chrome was removed' };
  const bodyText = structure.paragraphs.map(paragraphText).join('\n');
  const removed: RemovedLine[] = [];
  for (const line of lines) {
    const d = decisions[line.n]!;
    if (d.role === 'chrome' || d.role === 'meta') removed.push({ line: line.n + 1, text: line.text.slice(0, 200), reason: d.reason });
  }
  return {
    ok: true,
    draft: {
      seedFile,
      encoding,
      meta,
      language: detectLanguage(bodyText),
      structure,
      markdown: toMarkdown(structure),
      wordCount: countWords(bodyText),
      removed,
      warnings: [...warnings, ...meta.warnings],
    },
  };
}
