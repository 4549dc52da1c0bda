import { nlp } from './nlp.ts';
import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { LineDecision } from './body.ts';
import type { LineInfo } from './lines.ts';
import { slugify } from './text.ts';

/** One paragraph of the body with its stable id; list items count as paragraphs. */
export interface BodyParagraph {
  id: string;
  text: string;
  /** A lead-in label that opens the paragraph ("Media battle."), shown in bold. */
  label: string | null;
  /** The id of the section heading the paragraph sits under. */
  heading: string | null;
  listItem: boolean;
}

/** A section heading with its anchor id. */
export interface BodyHeading {
  id: string;
  text: string;
  depth: 2 | 3;
}

/** The body as ordered blocks, ready to be written as Markdown. */
export interface BodyStructure {
  blocks: Array<
    { type: 'heading'; heading: BodyHeading } | { type: 'paragraph'; paragraph: BodyParagraph }
  >;
  paragraphs: BodyParagraph[];
  headings: BodyHeading[];
}

/**
 * Splits off a lead-in label: a short first sentence with no verb ("Death of soldiers in X."),
 * which names the paragraph's subject the way a run-in heading does.
 */
export function splitLeadInLabel(text: string): { label: string | null; rest: string } {
  const m = /^(\p{Lu}[^.!?:]{2,140}?)\.\s+(?=["“«]?\p{Lu})/u.exec(text);
  if (!m) return { label: null, rest: text };
  const label = m[1]!;
  const words = label.split(/\s+/).length;
  const rest = text.slice(m[0].length);
  if (words < 2 || words > 16 || rest.length < label.length * 2) return { label: null, rest: text };
  if (/\b\p{Lu}$/u.test(label) || /\b(Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Prof|Inc|Ltd|No)$/.test(label))
    return { label: null, rest: text };
  // A comma or a lowercase past participle already marks a clause; checking them first keeps the
  // NLP tagger (the ingest's costliest step) off most paragraphs.
  if (/[,;]/.test(label) || /\b\p{Ll}+ed\b/u.test(label)) return { label: null, rest: text };
  // compromise reads nouns such as "battle" or "positions" as present-tense verbs, so only
  // the marks of a finite clause count against a label: past tense, modals, copulas, pronouns.
  if (nlp(label).has('(#PastTense|#Modal|#Copula|#Auxiliary|#Pronoun|#Adverb|#Gerund)'))
    return { label: null, rest: text };
  return { label: `${label}.`, rest };
}

/** Turns the decided body lines into headings and numbered paragraphs. */
export function buildStructure(lines: LineInfo[], decisions: LineDecision[]): BodyStructure {
  const blocks: BodyStructure['blocks'] = [];
  const paragraphs: BodyParagraph[] = [];
  const headings: BodyHeading[] = [];
  const usedIds = new Set<string>();
  let current: string | null = null;
  for (const line of lines) {
    const role = decisions[line.n]?.role;
    if (role === 'heading') {
      const text = line.text.replace(/^[-–—]\s+/, '');
      const base = slugify(text, 8) || 'section';
      let id = base;
      for (let k = 2; usedIds.has(id); k++) id = `${base}-${k}`;
      usedIds.add(id);
      const heading: BodyHeading = { id, text, depth: /^[-–—]\s/.test(line.text) ? 3 : 2 };
      headings.push(heading);
      blocks.push({ type: 'heading', heading });
      current = id;
    } else if (role === 'paragraph' || role === 'list-item') {
      const listItem = role === 'list-item';
      const raw = listItem ? line.text.replace(/^(?:[•·▪●◦‣∙*]|[-–—])\s*/, '') : line.text;
      const { label, rest } = listItem ? { label: null, rest: raw } : splitLeadInLabel(raw);
      const paragraph: BodyParagraph = {
        id: `p-${paragraphs.length + 1}`,
        text: rest,
        label,
        heading: current,
        listItem,
      };
      paragraphs.push(paragraph);
      blocks.push({ type: 'paragraph', paragraph });
    }
  }
  return { blocks, paragraphs, headings };
}

/** The full text of a paragraph as the reader sees it, label included. */
export function paragraphText(paragraph: BodyParagraph): string {
  return paragraph.label ? `${paragraph.label} ${paragraph.text}` : paragraph.text;
}

function phrasing(paragraph: BodyParagraph): PhrasingContent[] {
  if (!paragraph.label) return [{ type: 'text', value: paragraph.text }];
  return [
    { type: 'strong', children: [{ type: 'text', value: paragraph.label }] },
    { type: 'text', value: ` ${paragraph.text}` },
  ];
}

/**
 * Text that remark writes unchanged: none of the characters Markdown can read as inline syntax
 * anywhere, a first character no block construct can claim (not a list marker such as "1." or
 * "-", not "#", ">" or "="), and no space at either end.
 */
const VERBATIM_TEXT = /^(?!\d+[.)])[\p{L}\p{N}"'‘’“”«»„(][^*_[\]<>&\\`#\n\r\t]*(?<!\s)$/u;

/**
 * The Markdown remark writes for a body whose every block is plain text (most of them): blocks
 * apart by a blank line, list items by a line break. Writing it directly skips remark's escaping
 * of each character: 0.3-0.4 ms of the 5-6 ms an article costs the ingest. Null when a block
 * needs remark.
 */
export function writePlainMarkdown(structure: BodyStructure): string | null {
  let out = '';
  let inList = false;
  for (const block of structure.blocks) {
    const text = block.type === 'heading' ? block.heading.text : block.paragraph.text;
    if (!VERBATIM_TEXT.test(text) || (block.type === 'paragraph' && block.paragraph.label))
      return null;
    const listItem = block.type === 'paragraph' && block.paragraph.listItem;
    if (out) out += listItem && inList ? '\n' : '\n\n';
    if (block.type === 'heading') out += `${'#'.repeat(block.heading.depth)} ${text}`;
    else out += listItem ? `- ${text}` : text;
    inList = listItem;
  }
  return out ? `${out}\n` : null;
}

/**
 * Writes the body as Markdown, so every character of the source is escaped as text: nothing an
 * article contains can become HTML or a link on the page. Plain text is written as it is (see
 * writePlainMarkdown), anything else through remark.
 */
export function toMarkdown(structure: BodyStructure): string {
  return writePlainMarkdown(structure) ?? writeMarkdownWithRemark(structure);
}

/** Writes the body through remark, which escapes whatever Markdown could read as syntax. */
export function writeMarkdownWithRemark(structure: BodyStructure): string {
  const children: RootContent[] = [];
  let list: List | null = null;
  for (const block of structure.blocks) {
    if (block.type === 'paragraph' && block.paragraph.listItem) {
      if (!list) {
        list = { type: 'list', ordered: false, spread: false, children: [] };
        children.push(list);
      }
      const item: ListItem = {
        type: 'listItem',
        spread: false,
        children: [{ type: 'paragraph', children: phrasing(block.paragraph) }],
      };
      list.children.push(item);
      continue;
    }
    list = null;
    if (block.type === 'heading') {
      const heading: Heading = {
        type: 'heading',
        depth: block.heading.depth,
        children: [{ type: 'text', value: block.heading.text }],
      };
      children.push(heading);
    } else {
      const paragraph: Paragraph = { type: 'paragraph', children: phrasing(block.paragraph) };
      children.push(paragraph);
    }
  }
  const root: Root = { type: 'root', children };
  return unified()
    .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', fences: true })
    .stringify(root);
}

/**
 * The body as the ingest cache keeps it: its blocks only. JSON writes a paragraph the blocks and
 * the paragraph list share twice, which made the cache of 2,000 articles 60 MB instead of 51 MB.
 */
export function packStructure({ blocks }: BodyStructure): Pick<BodyStructure, 'blocks'> {
  return { blocks };
}

/** Rebuilds the paragraph and heading lists of a body that packStructure kept. */
export function unpackStructure({ blocks }: Pick<BodyStructure, 'blocks'>): BodyStructure {
  const paragraphs: BodyParagraph[] = [];
  const headings: BodyHeading[] = [];
  for (const block of blocks)
    if (block.type === 'paragraph') paragraphs.push(block.paragraph);
    else headings.push(block.heading);
  return { blocks, paragraphs, headings };
}
