import { describe, expect, it } from 'vitest';
import {
  toMarkdown,
  writeMarkdownWithRemark,
  writePlainMarkdown,
  type BodyParagraph,
  type BodyStructure,
} from '../../../scripts/ingest/structure.ts';

type Block = BodyStructure['blocks'][number];

const paragraph = (text: string, extra: Partial<BodyParagraph> = {}): Block => ({
  type: 'paragraph',
  paragraph: { id: 'p', text, label: null, heading: null, listItem: false, ...extra },
});
const item = (text: string): Block => paragraph(text, { listItem: true });
const heading = (text: string, depth: 2 | 3 = 2): Block => ({
  type: 'heading',
  heading: { id: 'h', text, depth },
});
const body = (...blocks: Block[]): BodyStructure => ({ blocks, paragraphs: [], headings: [] });

// Bodies the direct path writes itself; what it writes must be what remark writes.
const PLAIN: Array<[string, BodyStructure]> = [
  ['plain paragraphs', body(paragraph('One said “no”.'), paragraph('Two (AZAL) said it!'))],
  ['headings of both depths', body(heading('The talks'), paragraph('Text.'), heading('Aside', 3))],
  [
    'a list between paragraphs',
    body(paragraph('Intro:'), item('First'), item('Second'), paragraph('After.')),
  ],
  ['a list after a heading', body(heading('Points'), item('One'), item('Two'))],
  ['a list first and last', body(item('Only item'))],
  ['non-Latin text', body(paragraph('Москва заявила: «нет».'), heading('Bakı'))],
  ['a lone character', body(paragraph('A'))],
];

// Bodies with something remark must escape or that a block construct could claim: the direct
// path declines them, so that remark writes them.
const ESCAPED: Array<[string, BodyStructure]> = [
  ['emphasis marks', body(paragraph('A *star* and an _under_score.'))],
  ['brackets and a link shape', body(paragraph('See [this](http://x.y) now.'))],
  ['an HTML tag', body(paragraph('A <script>alert(1)</script> tag.'))],
  ['an entity', body(paragraph('AT&T and &amp; stay text.'))],
  ['a backslash', body(paragraph('A back\\slash and C:\\path.'))],
  ['a code span', body(paragraph('Run `npm` now.'))],
  ['a hash inside and at the end of a heading', body(heading('Item #1 #'), paragraph('#tag'))],
  ['a numbered-list start', body(paragraph('2025. The year began.'), paragraph('1) First.'))],
  ['a decimal start', body(paragraph('3.5 million people.'))],
  [
    'a dash, plus or quote-block start',
    body(paragraph('- not a list'), paragraph('+ x'), paragraph('> q')),
  ],
  ['a setext underline start', body(paragraph('Title'), paragraph('=== x'))],
  ['spaces at the ends', body(paragraph(' leading'), paragraph('trailing '))],
  ['a tab and a line break', body(paragraph('a\tb'), paragraph('a\nb'))],
  ['a lead-in label', body(paragraph('rest of it.', { label: 'Media battle.' }))],
];

describe('an article body written as Markdown', () => {
  it.each(PLAIN)('is written directly as remark would write it, for %s', (_, structure) => {
    expect(writePlainMarkdown(structure)).toBe(writeMarkdownWithRemark(structure));
  });

  it.each(ESCAPED)('is left to remark, for %s', (_, structure) => {
    expect(writePlainMarkdown(structure)).toBeNull();
    expect(toMarkdown(structure)).toBe(writeMarkdownWithRemark(structure));
  });

  it('escapes what Markdown would read as syntax', () => {
    const markdown = toMarkdown(body(paragraph('A *star*, [a](b) and <b>bold</b>.')));
    expect(markdown).toContain('\\*star\\*');
    expect(markdown).toContain('\\[a]');
    expect(markdown).toContain('\\<b>');
  });
});
