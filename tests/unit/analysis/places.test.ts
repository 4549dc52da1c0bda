import { describe, expect, it } from 'vitest';
import { foldShortNamesAcrossArticles } from '../../../scripts/ingest/analysis/fold-names.ts';
import { analyseInvented as analyse } from '../../helpers/analyse.ts';

/** The actors of an analysis, as "name (kind)". */
const actorsOf = (a: ReturnType<typeof analyse>) => a.actors.map((x) => `${x.name} (${x.kind})`);

describe('places and institutions on texts about other places', () => {
  it.each([
    ['Floods cut the roads of Tarkan province on Monday.', 'Tarkan (place)'],
    ['Rescuers reached Velmora, the provincial capital, by noon.', 'Velmora (place)'],
    ['The boats left from Kessara, in the north of the country, before dawn.', 'Kessara (place)'],
    [
      'The mud buried half of San Telmo de Arroyo, a farming community of 900 people.',
      'San Telmo de Arroyo (place)',
    ],
    ['The mayor of Villa Ostra said the school would reopen.', 'Villa Ostra (place)'],
  ])('finds a place the text introduces as one: "%s"', (sentence, actor) => {
    expect(actorsOf(analyse([sentence]))).toContain(actor);
  });

  it('names cities, regions and regional blocs from the general reference', () => {
    const actors = actorsOf(
      analyse([
        'ECOWAS envoys met in Banjul on Tuesday, while protests spread across Minas Gerais and Toronto.',
      ]),
    );
    expect(actors).toEqual(
      expect.arrayContaining([
        'Economic Community of West African States (organisation)',
        'Banjul (place)',
        'Minas Gerais (place)',
        'Toronto (place)',
      ]),
    );
  });

  it('names a city by its English name, and a regional seat of fewer than 100,000 people', () => {
    const actors = actorsOf(
      analyse([
        'The envoys flew from Geneva and Cologne to Osh and Naryn, then drove on to Odessa.',
      ]),
    );
    expect(actors).toEqual(
      expect.arrayContaining([
        'Geneva (place)',
        'Cologne (place)',
        'Osh (place)',
        'Naryn (place)',
        'Odesa (place)',
      ]),
    );
  });

  it('keeps a region’s name from a smaller town of another country spelt alike', () => {
    const bali = analyse(['Tourists returned to Bali this week.']).actors.find(
      (a) => a.name === 'Bali',
    );
    expect(bali?.description).toBe('Region of Indonesia');
  });

  it('does not take a longer place name for the city of its first words elsewhere', () => {
    const actors = actorsOf(
      analyse(['Rescuers searched Santa Rosa de Pampac, a village of 1,800 people, all night.']),
    );
    expect(actors).toContain('Santa Rosa de Pampac (place)');
    expect(actors).not.toContain('Santa Rosa (place)');
  });

  it('reads institutions named in Spanish or Portuguese, and a plural possessive inside a name', () => {
    const actors = actorsOf(
      analyse([
        'The mine is run by Compañía Minera Loma Roja, and the Frente Cívico de Huari called a strike with the Andes Mineworkers’ Union.',
      ]),
    );
    expect(actors).toEqual(
      expect.arrayContaining([
        'Compañía Minera Loma Roja (organisation)',
        'Frente Cívico de Huari (organisation)',
        'Andes Mineworkers’ Union (organisation)',
      ]),
    );
  });

  it('gives an institution’s short name back to it, and a date before a name is not part of it', () => {
    const a = analyse([
      'Heavy rain fell for three days across the valley before the tailings dam gave way late on Tuesday night.',
      'The mine is run by Compañía Minera Loma Roja, a subsidiary of Toronto-listed Brightwater Metals Corp.',
      '"The structure complied with every standard," Loma Roja said in a statement on 25 May the African Union Commission welcomed.',
    ]);
    expect(actorsOf(a)).toEqual(
      expect.arrayContaining([
        'Compañía Minera Loma Roja (organisation)',
        'Brightwater Metals Corp (organisation)',
        'African Union Commission (organisation)',
      ]),
    );
    expect(actorsOf(a)).not.toContain('Loma Roja (person)');
    expect(a.quotes[0]?.quote.speakerName).toBe('Compañía Minera Loma Roja');
  });

  it('gives an institution named without its country to the country the article is about', () => {
    const about = (paragraphs: string[]) => actorsOf(analyse(paragraphs));
    expect(
      about([
        'Police in Kyrgyzstan detained dozens in Bishkek and Osh.',
        'The Interior Ministry said 140 people were detained. Kyrgyzstan’s president spoke.',
      ]),
    ).toContain('Ministry of Internal Affairs (Kyrgyzstan) (organisation)');
    // Of an article about two countries, whose ministry it is stays unknown.
    expect(
      about([
        'Russia and Azerbaijan traded accusations.',
        'The Foreign Ministry said the claims were false. Azerbaijan and Russia met.',
      ]).filter((name) => /Ministry/.test(name)),
    ).toEqual([]);
  });

  it('does not make a preposition opening a sentence part of a name', () => {
    expect(actorsOf(analyse(['Outside the Constitutional Court, protesters waited.']))).toEqual([
      'Constitutional Court (organisation)',
    ]);
  });

  it('is one institution with or without the acronym it gave in a bracket, and the acronym alone', () => {
    const a = analyse([
      'Investors waited in Jakarta.',
      'The Business Competition Supervisory Commission (KPPU) opened a probe into Bank Indonesia (BI). KPPU said it would rule soon. Bank Indonesia said nothing; BI declined to comment.',
    ]);
    const ids = (surface: string) =>
      a.mentions.filter((m) => m.surface === surface).map((m) => m.actor);
    expect(ids('KPPU')).toEqual(['business-competition-supervisory-commission']);
    expect(
      new Set([...ids('Bank Indonesia (BI)'), ...ids('Bank Indonesia'), ...ids('BI')]),
    ).toEqual(new Set(['bank-indonesia']));
    expect(a.actors.find((x) => x.id === 'bank-indonesia')?.aliases).toEqual(['BI']);
  });

  it('leaves a stock ticker out of a company’s name', () => {
    expect(
      actorsOf(
        analyse(['Shares in Perth-based Kestrel Bay Resources Ltd (KBR.AX) fell 3% on Monday.']),
      ),
    ).toContain('Kestrel Bay Resources Ltd (organisation)');
  });

  it('reads where someone works from the role before "at", and a name set between commas before "said"', () => {
    const actors = actorsOf(
      analyse([
        'Investors waited in Jakarta.',
        '"The gap is a premium," said Kevin Tjandra, head of research at Banyan Sekuritas. Priya Raghunathan, a metals analyst at Linden Harcourt in Singapore, agreed.',
        'Closing a visit on 20 March, the fund’s mission chief for Indonesia, Thomas Brenner, said the bank had acted appropriately.',
      ]),
    );
    expect(actors).toEqual(
      expect.arrayContaining([
        'Banyan Sekuritas (organisation)',
        'Linden Harcourt (organisation)',
        'Thomas Brenner (person)',
      ]),
    );
  });

  it('gives a company’s name without its corporate words back to it, and reads no name across a closed bracket', () => {
    const actors = actorsOf(
      analyse([
        'Investors waited in Jakarta.',
        'Perth-based Kestrel Bay Resources Ltd (KBR.AX) and PT Nusantara Daya Investama (NDI) made a joint bid.',
        '"We will not overpay," Kestrel Bay said. Nusantara Daya Investama said it agreed. Is Kestrel Bay paying too much?',
      ]),
    );
    expect(actors).toEqual([
      'Jakarta (place)',
      'Kestrel Bay Resources Ltd (organisation)',
      'PT Nusantara Daya Investama (organisation)',
    ]);
  });

  it('is one company with or without its legal form', () => {
    const actors = actorsOf(
      analyse([
        'Investors waited in Toronto.',
        'Northbridge Metals Corp said output fell. Shares of Northbridge Metals rose 2% after the chief executive of Northbridge Metals spoke.',
      ]),
    ).filter((name) => name.includes('Northbridge'));
    expect(actors).toEqual(['Northbridge Metals Corp (organisation)']);
  });

  it('does not take a dateline’s abbreviated month for part of an agency’s name', () => {
    expect(
      actorsOf(analyse(['JAKARTA, Feb 10 (Tidewater Wire) - Shares in the miner rose 7%.'])),
    ).not.toContain('Feb 10 (Tidewater Wire) (media)');
  });

  it('does not take "told Congress" for a medium', () => {
    const a = analyse(['"We will not reopen a single dam," the minister Ana Solis told Congress.']);
    expect(a.actors.filter((x) => x.kind === 'media')).toEqual([]);
  });
});

describe('short names across the articles of a corpus', () => {
  it('gives an institution’s short name in one article to its full name in another', () => {
    const full = analyse([
      'Heavy rain fell for three days across the valley before the tailings dam gave way late on Tuesday night.',
      'The mine is run by Compañía Minera Loma Roja, a subsidiary of a Canadian group.',
    ]);
    const short = analyse([
      'Heavy rain fell for three days across the valley before the tailings dam gave way late on Tuesday night.',
      '"The structure complied with every standard," Loma Roja said in a statement.',
    ]);
    expect(short.actors.find((a) => a.name === 'Loma Roja')?.kind).toBe('person');
    const [, folded] = foldShortNamesAcrossArticles([
      { id: 'full', analysis: full },
      { id: 'short', analysis: short },
    ]);
    expect(folded!.analysis.quotes[0]?.quote.speakerName).toBe('Compañía Minera Loma Roja');
    expect(folded!.analysis.actors.map((a) => a.name)).not.toContain('Loma Roja');
    expect(folded!.analysis.voices.byKind.map((g) => g.key)).toEqual(['organisation']);
  });
});
