import { describe, expect, it } from 'vitest';
import { sentenceSpans } from '../../../scripts/ingest/analysis/tokens.ts';

const split = (text: string) => sentenceSpans(text).map((s) => s.text);

describe('sentences of a paragraph', () => {
  it.each([
    {
      rule: 'a month abbreviated before its day',
      text: 'On Tuesday the court annulled the results of the Nov. 10 election. Turnout was low.',
      sentences: [
        'On Tuesday the court annulled the results of the Nov. 10 election.',
        'Turnout was low.',
      ],
    },
    {
      rule: 'a four-letter month abbreviation',
      text: 'The strike began on Sept. 3 and ended a week later.',
      sentences: ['The strike began on Sept. 3 and ended a week later.'],
    },
    {
      rule: 'a title before a name',
      text: 'The bill was backed by Sen. Ana Ruiz and Gov. Tom Baker. It passed.',
      sentences: ['The bill was backed by Sen. Ana Ruiz and Gov. Tom Baker.', 'It passed.'],
    },
    {
      rule: 'a month abbreviation that ends a sentence',
      text: 'The vote was held in Nov. Results came a week later.',
      sentences: ['The vote was held in Nov.', 'Results came a week later.'],
    },
  ])('keeps $rule', ({ text, sentences }) => {
    expect(split(text)).toEqual(sentences);
  });
});
