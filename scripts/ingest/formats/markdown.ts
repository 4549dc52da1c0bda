import matter from 'gray-matter';
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import {
  describeType,
  readStatedDate,
  readStatedKind,
  readStatedLanguage,
  readStatedUrl,
  tidyStatedText,
  type FormatReading,
  type HintField,
  type MetadataHints,
} from './hints.ts';

/** The front matter keys read for each field, first match wins; keys are compared case-insensitively. */
const FRONT_MATTER_KEYS: Array<[HintField, string[]]> = [
  ['title', ['title', 'headline']],
  ['dek', ['dek', 'standfirst', 'subtitle', 'description', 'summary']],
  ['date', ['date', 'published', 'pubdate', 'publishdate', 'published_at', 'publishedat']],
  ['updated', ['updated', 'modified', 'lastmod', 'updated_at', 'updatedat']],
  ['author', ['author', 'authors', 'byline']],
  ['outlet', ['outlet', 'publisher', 'source', 'site']],
  ['section', ['section']],
  ['categories', ['categories', 'tags']],
  ['kind', ['kind', 'type']],
  ['language', ['language', 'lang']],
  ['url', ['url', 'canonical', 'link', 'original']],
];

const FRONT_MATTER = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Splits off the front matter; invalid YAML is reported and the block skipped, never fatal. */
function splitFrontMatter(
  raw: string,
  warnings: string[],
): { data: Record<string, unknown>; content: string; offset: number } {
  const block = FRONT_MATTER.exec(raw);
  if (!block) return { data: {}, content: raw, offset: 0 };
  const offset = block[0].split('\n').length - 1;
  const content = raw.slice(block[0].length);
  let data: unknown;
  try {
    // An options object turns off gray-matter's cache, which would hand back shared objects.
    data = matter(block[0], {}).data;
  } catch (error) {
    const reason = (error as { reason?: string }).reason ?? (error as Error).message.split('\n')[0];
    const line = (error as { mark?: { line?: number } }).mark?.line;
    warnings.push(
      `front matter is not valid YAML (${reason}${line !== undefined ? ` at line ${line + 1}` : ''}): ignored, metadata read from the text`,
    );
    return { data: {}, content, offset };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    warnings.push(`front matter is ${describeType(data)}, not a set of fields: ignored`);
    return { data: {}, content, offset };
  }
  return { data: data as Record<string, unknown>, content, offset };
}

/** Reads one front matter field into a hint, or explains why its value cannot be used. */
function readField(
  field: HintField,
  value: unknown,
): { value?: MetadataHints[HintField]; problem?: string } {
  const shown = typeof value === 'string' ? `"${value.slice(0, 60)}"` : describeType(value);
  switch (field) {
    case 'date':
    case 'updated': {
      const date = readStatedDate(value);
      return date ? { value: date } : { problem: `${shown} is not a date` };
    }
    case 'categories': {
      const list =
        typeof value === 'string'
          ? value.split(',')
          : Array.isArray(value) && value.every((v) => typeof v === 'string')
            ? (value as string[])
            : null;
      if (!list) return { problem: `should be a list of words, but is ${describeType(value)}` };
      return { value: list.map(tidyStatedText).filter((v): v is string => v !== null) };
    }
    case 'kind': {
      const kind = readStatedKind(value);
      return kind
        ? { value: kind }
        : {
            problem: `${shown} is not a kind the site knows (news, analysis, opinion, commentary, review, interview, explainer)`,
          };
    }
    case 'language': {
      const language = readStatedLanguage(value);
      return language ? { value: language } : { problem: `${shown} is not a language code` };
    }
    case 'url': {
      const url = readStatedUrl(value);
      return url ? { value: url } : { problem: `${shown} is not an http(s) address` };
    }
    default: {
      const text =
        typeof value === 'string'
          ? tidyStatedText(value)
          : field === 'author' &&
              Array.isArray(value) &&
              value.length > 0 &&
              value.every((v) => typeof v === 'string')
            ? tidyStatedText(value.join(', '))
            : undefined;
      if (text === undefined) return { problem: `should be text, but is ${describeType(value)}` };
      return text ? { value: text } : { problem: 'is empty' };
    }
  }
}

/** Turns the front matter into hints, reporting every field it cannot use by name. */
function readFrontMatter(data: Record<string, unknown>, reading: FormatReading): void {
  const byKey = new Map(Object.entries(data).map(([k, v]) => [k.toLowerCase(), [k, v] as const]));
  for (const [field, keys] of FRONT_MATTER_KEYS) {
    const key = keys.find((k) => byKey.has(k));
    if (!key) continue;
    const [name, value] = byKey.get(key)!;
    if (value === null || value === undefined || value === '') continue;
    const read = readField(field, value);
    if (read.problem) {
      reading.warnings.push(
        `front matter field "${name}": ${read.problem}; the value read from the text is used instead`,
      );
      continue;
    }
    (reading.hints as Record<string, unknown>)[field] = read.value;
    reading.sources[field] =
      `front matter "${name}" (the user's own metadata, wins over extraction)`;
  }
}

/** Renders one Markdown block as the text lines the text pipeline reads; raw HTML is dropped. */
function blockLines(node: RootContent): string[] {
  const text = (n: RootContent) =>
    toString(n, { includeHtml: false, includeImageAlt: false }).replace(/\s*\n\s*/g, ' ');
  switch (node.type) {
    case 'html':
    case 'thematicBreak':
    case 'definition':
      return [];
    case 'list':
      return node.children.map((item) => `• ${item.children.map(text).join(' ')}`);
    case 'blockquote':
      return node.children.flatMap(blockLines);
    case 'code':
      return node.value.split('\n');
    default:
      return [text(node)];
  }
}

/**
 * Reads a Markdown input: its front matter as the user's own metadata (which wins over what the
 * text suggests), its blocks as text lines. Raw HTML and link targets never reach the output.
 */
export function readMarkdownInput(raw: string): FormatReading {
  const reading: FormatReading = { lines: [], hints: {}, sources: {}, warnings: [], removed: [] };
  const { data, content, offset } = splitFrontMatter(raw.replace(/^\uFEFF/, ''), reading.warnings);
  readFrontMatter(data, reading);
  const tree = unified().use(remarkParse).parse(content) as Root;
  visit(tree, 'html', (node) => {
    reading.removed.push({
      line: (node.position?.start.line ?? 0) + offset,
      text: node.value.slice(0, 200),
      reason: 'raw HTML in Markdown (never rendered)',
    });
  });
  for (const node of tree.children) {
    const lines = blockLines(node);
    if (lines.length) reading.lines.push(...lines, '');
  }
  return reading;
}
