import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { formatArticleFile } from '../../../scripts/ingest/write.ts';
import { parseEntryFile } from '../../../src/lib/card-loader.ts';

const DATA = {
  title: 'Ankara: “talks” — and a colon: here',
  date: '2025-07-21',
  tags: ['a', 'b'],
  nested: { quote: 'He said "no".', n: 3, none: null },
};

describe('an article file', () => {
  it.each([
    ['a body with a final newline', 'First paragraph.\n\nSecond one.\n'],
    ['a body without one', 'Only paragraph.'],
    ['a body with a rule and YAML-looking lines', 'Intro.\n\n---\n\ntitle: not front matter\n'],
    ['an empty body', ''],
  ])('gives back its data and %s through gray-matter', (_, body) => {
    const text = formatArticleFile(DATA, body);
    expect(text.startsWith('---json\n')).toBe(true);
    const parsed = parseEntryFile(text, '.md');
    expect(parsed.data).toEqual(DATA);
    // The file ends with a newline, as gray-matter's own writer makes it.
    expect(parsed.body).toBe(body.endsWith('\n') ? body : `${body}\n`);
  });

  it('is read the same as the YAML front matter of earlier ingests', () => {
    const yaml = matter.stringify('Body.\n', DATA);
    expect(parseEntryFile(yaml, '.md')).toEqual(
      parseEntryFile(formatArticleFile(DATA, 'Body.\n'), '.md'),
    );
  });
});
