import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintBody } from '../../../scripts/ingest/extract.ts';
import { normalizeKey } from '../../../scripts/ingest/text.ts';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe("a body's fingerprint", () => {
  it('is the same for a copy that differs only in case, punctuation, spacing and accents', () => {
    const original = fingerprintBody(['Talks in Baku resumed.', '“We’re ready,” she said — café.']);
    const copy = fingerprintBody(['TALKS in  Baku resumed!', "We're ready, she said: cafe"]);
    expect(copy).toEqual(original);
  });

  it('ignores paragraphs with no letters or digits, wherever they are', () => {
    const plain = fingerprintBody(['First words here.', 'Second words.', 'Third.']);
    expect(fingerprintBody(['—', 'First words here.', '* * *', 'Second words.', 'Third.'])).toEqual(
      { ...plain, lead: fingerprintBody(['—', 'First words here.']).lead },
    );
    expect(fingerprintBody(['First words here.', '', 'Second words.', 'Third.']).body).toBe(
      plain.body,
    );
  });

  it('takes its lead from the first two paragraphs only', () => {
    const body = fingerprintBody(['One two.', 'Three four.', 'Five six.']);
    expect(body.lead).toBe(fingerprintBody(['One two.', 'Three four.']).body);
    expect(body.lead).not.toBe(body.body);
  });

  // Folded paragraph by paragraph, it must still be the fold of the whole body: the hashes are
  // what copies are matched by, across articles read at different times.
  it.each([
    ['plain text', ['A b.', 'C d']],
    ['an accent in one paragraph only', ['Plain words.', 'Müller and Gənclik']],
    ['a combining mark opening a paragraph', ['Word', '\u0301x y']],
    ['a final sigma before the break', ['ΟΔΟΣ', 'ΣΟΦΙΑ ΟΔΟΣ.']],
    ['compatibility forms', ['ﬁne ½', '² ⁰ Ⅻ']],
    ['empty and blank paragraphs', ['', '  ', 'x', '—', '']],
  ])('equals the fold of the whole body joined, with %s', (_, paragraphs) => {
    expect(fingerprintBody(paragraphs)).toEqual({
      body: sha(normalizeKey(paragraphs.join(' '))),
      lead: sha(normalizeKey(paragraphs.slice(0, 2).join(' '))),
    });
  });
});
