import { describe, expect, it } from 'vitest';
import { collectActors } from '../../../scripts/ingest/analysis/collect.ts';
import { analyseInvented as analyse } from '../../helpers/analyse.ts';

/** Each quote's first words and its speaker's name. */
function speakersOf(analysis: ReturnType<typeof analyse>): Array<[string, string | null]> {
  return analysis.quotes.map((q) => [
    q.quote.text.split(/\s+/).slice(0, 3).join(' '),
    q.quote.speakerName,
  ]);
}

describe('who said what, on texts about other subjects', () => {
  it('knows a name written without a role is a person once the article quotes that surname alone', () => {
    const a = analyse([
      'When Ines Varela’s bakery flooded on Monday, she moved the ovens upstairs by hand.',
      '“We lost everything on the ground floor,” Varela said.',
    ]);
    expect(a.actors.find((x) => x.name === 'Ines Varela')?.kind).toBe('person');
    expect(speakersOf(a)).toEqual([['We lost everything', 'Ines Varela']]);
  });

  it('gives "the president said" to the person the article named with that title', () => {
    const a = analyse([
      'President Tomas Brandt declared a state of emergency on Wednesday.',
      '"Nobody responsible will be protected, however powerful," the president said in an address from the Government Palace.',
    ]);
    expect(speakersOf(a)).toEqual([['Nobody responsible will', 'Tomas Brandt']]);
  });

  it('gives "the ministry said in a statement" to the ministry the article named', () => {
    const a = analyse([
      'The Ministry of Water and Forests suspended the permit on Friday.',
      'The ministry said in a statement that it "will not hesitate to cancel the permit for good".',
    ]);
    expect(speakersOf(a)).toEqual([['will not hesitate', 'Ministry of Water and Forests']]);
  });

  it('reads an interview’s answers under their speaker’s label, by full name, surname or initials', () => {
    const a = analyse([
      'Rosa Quintero, who directs the Delta Water Trust, spoke to us in Lisbon.',
      'Q: Why do you reject the official account?',
      'Rosa Quintero: Nobody denies it rained. It rained a lot, but dams are built for rain.',
      'Q: And the death toll?',
      'RQ: We went house by house and we have the names of every family.',
      'Quintero: The state does not count the seasonal workers at all.',
    ]);
    expect(speakersOf(a)).toEqual([
      ['Nobody denies it', 'Rosa Quintero'],
      ['We went house', 'Rosa Quintero'],
      ['The state does', 'Rosa Quintero'],
    ]);
  });

  it('shows a name with its marks when another article wrote it without them', () => {
    const a = analyse(['Fisherman Ansou Sane said "they took our nets and our engine".']);
    const b = analyse(['Fisherman Ansou Sané said "they took our nets and our engine".']);
    const actors = collectActors([
      { id: 'a', analysis: a },
      { id: 'b', analysis: b },
    ]);
    expect(actors.get('ansou-sane')?.name).toBe('Ansou Sané');
  });
});
