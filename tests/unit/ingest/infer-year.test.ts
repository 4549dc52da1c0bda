import { describe, expect, it } from 'vitest';
import { indexDatedSentences, inferYear, sentencesOf } from '../../../scripts/ingest/infer-year.ts';

const paragraphs = [
  'Talks resumed in Baku. Officials met on 3 March 2024 to sign the grain accord.',
  'No year is written here, though it says March 3 and mentions the accord.',
  'The accord was drafted in 2023. Nothing else here carries a full date.',
];

describe('the index of dated sentences', () => {
  it('holds each sentence that writes a full date, under its month, and nothing else', () => {
    const index = indexDatedSentences([{ seedFile: 'a.txt', paragraphs }]);
    expect([...index.keys()]).toEqual([3]);
    const [entry] = index.get(3)!;
    expect(index.get(3)).toHaveLength(1);
    expect(entry!.seedFile).toBe('a.txt');
    expect(entry!.year).toBe(2024);
    // The content words of "Officials met on 3 March 2024 to sign the grain accord.", cut to six letters.
    expect([...entry!.stems]).toEqual(['offici', 'sign', 'grain', 'accord']);
  });

  it('lets an article dated "March last year" take its year from another article that dates the same happening', () => {
    const index = indexDatedSentences([{ seedFile: 'a.txt', paragraphs }]);
    const yearless = {
      seedFile: 'b.txt',
      sentences: sentencesOf(['Officials signed the grain accord in March last year.']),
    };
    expect(inferYear(yearless, index)?.year).toBe(2025);
  });
});
