import { createRequire } from 'node:module';
import { Readability } from '@mozilla/readability';
import type * as Linkedom from 'linkedom';
import { isPersonName } from '../metadata.ts';
import {
  readStatedDate,
  readStatedLanguage,
  readStatedUrl,
  tidyStatedText,
  type FormatReading,
  type HintField,
  type MetadataHints,
} from './hints.ts';

type ParsedPage = ReturnType<typeof Linkedom.parseHTML>;
type PageDocument = ParsedPage['document'];

let linkedom: typeof Linkedom | undefined;
/**
 * Parses a page with linkedom, loaded on the first page to parse: most corpora have no HTML
 * input, and loading it cost the main thread and every worker a quarter of a second at start.
 */
function parseHTML(html: string): ParsedPage {
  linkedom ??= createRequire(import.meta.url)('linkedom') as typeof Linkedom;
  return linkedom.parseHTML(html);
}

/** Elements that start a new line of text when a page is flattened. */
const BLOCK_TAGS = new Set(
  'address article aside blockquote dd details div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td th thead tr ul br'.split(
    ' ',
  ),
);
/** Elements whose content is never text of the article, and never rendered. */
const DROPPED_TAGS = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'frame',
  'frameset',
  'svg',
  'canvas',
  'form',
  'button',
  'select',
  'textarea',
];

type Element = PageDocument['body'];
type Node = Element['childNodes'][number];

/** Flattens an element into text lines: one per block, list items as bullets, markup gone. */
function collectLines(root: Element): string[] {
  const lines: string[] = [''];
  const walk = (node: Node): void => {
    for (const child of Array.from(node.childNodes) as Node[]) {
      if (child.nodeType === 3) {
        lines[lines.length - 1] += (child.textContent ?? '').replace(/\s+/g, ' ');
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = (child as Element).tagName.toLowerCase();
      if (DROPPED_TAGS.includes(tag)) continue;
      const block = BLOCK_TAGS.has(tag);
      if (block) lines.push(tag === 'li' ? '• ' : '');
      walk(child);
      if (block) lines.push('');
    }
  };
  walk(root as unknown as Node);
  const out: string[] = [];
  for (const line of lines.map((l) => l.trim())) {
    if (line === '•') continue;
    if (line || out.at(-1) !== '') out.push(line);
  }
  return out;
}

/** Counts the active content an HTML page carries, so the report can say what was dropped. */
function countActiveContent(document: PageDocument): string[] {
  const found: string[] = [];
  for (const tag of ['script', 'iframe', 'object', 'embed']) {
    const n = document.querySelectorAll(tag).length;
    if (n) found.push(`${n} <${tag}>`);
  }
  let handlers = 0;
  let scriptLinks = 0;
  for (const el of Array.from(document.querySelectorAll('*'))) {
    for (const attr of Array.from((el as Element).attributes)) {
      if (/^on/i.test(attr.name)) handlers++;
      if (
        /^(href|src|action|formaction)$/i.test(attr.name) &&
        /^\s*(javascript|vbscript|data):/i.test(attr.value)
      )
        scriptLinks++;
    }
  }
  if (handlers) found.push(`${handlers} event-handler attribute${handlers === 1 ? '' : 's'}`);
  if (scriptLinks) found.push(`${scriptLinks} script link${scriptLinks === 1 ? '' : 's'}`);
  return found;
}

/** Reads the page's schema.org JSON-LD blocks into one flat record of the fields Parallax uses. */
function readJsonLd(document: PageDocument): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const script of Array.from(
    document.querySelectorAll('script[type="application/ld+json"]'),
  )) {
    let parsed: unknown;
    try {
      parsed = JSON.parse((script as Element).textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [parsed];
    while (queue.length) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const record = item as Record<string, unknown>;
        if (record['@graph']) queue.push(record['@graph']);
        if (/Article|Posting|Report/.test(String(record['@type'] ?? ''))) {
          for (const key of [
            'headline',
            'datePublished',
            'dateModified',
            'author',
            'publisher',
            'articleSection',
            'inLanguage',
            'url',
          ])
            out[key] ??= record[key];
        }
      }
    }
  }
  return out;
}

/** The name inside a JSON-LD person or organisation, or the string itself. */
function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(nameOf).filter(Boolean).join(', ') || null;
  if (value && typeof value === 'object') return nameOf((value as Record<string, unknown>).name);
  return null;
}

/** Removes a trailing or leading site name from a title bar text ("Title | Site"). */
function stripSiteName(title: string, site: string | null): string {
  const parts = title.split(/\s+[|–—·-]\s+/);
  if (parts.length < 2) return title;
  if (site) {
    const kept = parts.filter((p) => p.toLowerCase() !== site.toLowerCase());
    if (kept.length < parts.length) return kept.join(' | ');
  }
  // Without a known site name, a short last part is the site's: "Long headline | Paper".
  return parts.at(-1)!.split(/\s+/).length <= 4 &&
    parts.slice(0, -1).join(' ').split(/\s+/).length >= 3
    ? parts.slice(0, -1).join(' - ')
    : title;
}

/**
 * Reads a saved HTML page: meta tags and JSON-LD as evidence for the metadata, the article
 * body found by Mozilla's Readability, flattened to text. No markup from the page is kept.
 */
export function readHtmlInput(raw: string): FormatReading {
  const reading: FormatReading = { lines: [], hints: {}, sources: {}, warnings: [], removed: [] };
  const html = /<html[\s>]/i.test(raw)
    ? raw
    : `<!doctype html><html><head></head><body>${raw}</body></html>`;
  const { document } = parseHTML(html);
  const meta = (names: string[]): string | null => {
    for (const name of names) {
      const el = document.querySelector(
        `meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`,
      );
      const value = el?.getAttribute('content');
      if (value && value.trim()) return value.trim();
    }
    return null;
  };
  const ld = readJsonLd(document);
  const active = countActiveContent(document);
  if (active.length)
    reading.warnings.push(
      `the page carries active content (${active.join(', ')}): dropped, only text is kept`,
    );

  const hint = <F extends HintField>(
    field: F,
    value: MetadataHints[F] | null | undefined,
    source: string,
  ) => {
    if (value === null || value === undefined || reading.hints[field] !== undefined) return;
    reading.hints[field] = value;
    reading.sources[field] = source;
  };
  const site = meta(['og:site_name', 'application-name']) ?? nameOf(ld.publisher);
  hint('outlet', site ? tidyStatedText(site) : null, 'meta tag og:site_name or publisher');
  const ogTitle = meta(['og:title', 'twitter:title']) ?? nameOf(ld.headline);
  // The page's own headline beats the title bar, which usually carries the site's name too.
  const headline = document.querySelector('h1')?.textContent ?? null;
  const titleBar = document.querySelector('title')?.textContent ?? null;
  const [rawTitle, titleSource] = ogTitle
    ? [ogTitle, 'meta tag og:title']
    : headline?.trim()
      ? [headline, 'the page <h1>']
      : [titleBar, 'the page <title>'];
  if (rawTitle) hint('title', tidyStatedText(stripSiteName(rawTitle, site)), titleSource);
  const published =
    meta([
      'article:published_time',
      'datePublished',
      'date',
      'pubdate',
      'publish-date',
      'dc.date',
      'DC.date.issued',
      'parsely-pub-date',
    ]) ??
    (typeof ld.datePublished === 'string' ? ld.datePublished : null) ??
    document.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;
  const date = published ? readStatedDate(published) : null;
  hint('date', date, 'meta tag article:published_time');
  const modified =
    meta(['article:modified_time', 'dateModified', 'last-modified']) ??
    (typeof ld.dateModified === 'string' ? ld.dateModified : null);
  hint('updated', modified ? readStatedDate(modified) : null, 'meta tag article:modified_time');
  const author =
    meta(['author', 'article:author', 'parsely-author', 'dc.creator']) ?? nameOf(ld.author);
  if (author && isPersonName(author)) hint('author', author, 'meta tag author');
  hint(
    'section',
    tidyStatedText(
      meta(['article:section']) ?? (typeof ld.articleSection === 'string' ? ld.articleSection : ''),
    ),
    'meta tag article:section',
  );
  hint(
    'language',
    readStatedLanguage(document.documentElement?.getAttribute('lang') ?? meta(['og:locale'])),
    'the page <html lang>',
  );
  const canonical =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(['og:url']);
  hint('url', readStatedUrl(canonical), 'canonical link');

  let body: Element | null = null;
  try {
    // Readability changes the document it reads, so it gets its own copy.
    const article = new Readability(parseHTML(html).document as unknown as Document).parse();
    if (article?.content) {
      body = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body;
      const byline = article.byline?.replace(/^by\s+/i, '').trim();
      if (byline && isPersonName(byline)) hint('author', byline, 'byline found by Readability');
    }
  } catch (error) {
    reading.warnings.push(
      `the article extractor failed (${(error as Error).message}); the whole page text was read instead`,
    );
  }
  reading.lines = collectLines(body ?? document.body);
  return reading;
}
