import { describe, expect, it } from 'vitest';
import { readClaims } from '../../../scripts/ingest/analysis/claims.ts';
import { mergeEvents } from '../../../scripts/ingest/analysis/merge-events.ts';
import { readDates, toIso } from '../../../scripts/ingest/analysis/when.ts';
import { analyseInvented } from '../../helpers/analyse.ts';

const analyse = analyseInvented;

const surfacesOf = (a: ReturnType<typeof analyse>, id: string) =>
  a.mentions.filter((m) => m.actor === id).map((m) => m.surface);

describe('actor resolution on texts about other subjects', () => {
  it.each([
    {
      rule: 'a surname after a full name introduced with a role',
      paragraphs: [
        'The Swedish economist Maria Lindqvist warned that prices would rise. Lindqvist said the bank had waited too long.',
      ],
      id: 'maria-lindqvist',
      surfaces: ['Maria Lindqvist', 'Lindqvist'],
    },
    {
      rule: 'a shared surname going to the one named most recently',
      paragraphs: [
        'Coach Anna Berg praised the team.',
        'Her brother, the striker Olof Berg, scored twice. Berg said the pitch was heavy.',
      ],
      id: 'olof-berg',
      surfaces: ['Olof Berg', 'Berg'],
    },
    {
      rule: 'two similar surnames kept apart',
      paragraphs: [
        'Mayor Karl Hansen met the engineer Karl Hanssen, who said the bridge was safe. Hansen disagreed.',
      ],
      id: 'karl-hansen',
      surfaces: ['Mayor Karl Hansen', 'Hansen'],
    },
    {
      rule: 'a possessive surname',
      paragraphs: [
        'The historian Lena Okafor told the committee it was wrong. Okafor’s report was published later.',
      ],
      id: 'lena-okafor',
      surfaces: ['Lena Okafor', 'Okafor'],
    },
    {
      rule: 'a name after a verb of saying, with its role after it',
      paragraphs: ['"This is a floor, not a ceiling," said Simon Okello, the UN climate chief.'],
      id: 'simon-okello',
      surfaces: ['Simon Okello'],
    },
    {
      rule: 'a name between commas after a possessive role',
      paragraphs: ["Kenya's lead negotiator, Ali Mwangi, said the deal was a step forward."],
      id: 'ali-mwangi',
      surfaces: ['Ali Mwangi'],
    },
    {
      rule: 'a name after a title phrase with a connector',
      paragraphs: ['Secretary of State Dana Whitfield said the treaty covers the coast guard.'],
      id: 'dana-whitfield',
      surfaces: ['Dana Whitfield'],
    },
    {
      rule: 'a first name that ends like a role word',
      paragraphs: ['Christian Albrecht said the budget was final. Albrecht declined to say more.'],
      id: 'christian-albrecht',
      surfaces: ['Christian Albrecht', 'Albrecht'],
    },
    {
      rule: 'a name after a title led by its portfolio',
      paragraphs: ['Finance Minister Sri Wulandari told parliament the deficit would stay low.'],
      id: 'sri-wulandari',
      surfaces: ['Minister Sri Wulandari'],
    },
    {
      rule: 'a name with an initial after a title',
      paragraphs: [
        "The state's Urban Development Minister H. Mallikarjun said the verdict was fair.",
      ],
      id: 'h-mallikarjun',
      surfaces: ['Minister H. Mallikarjun'],
    },
    {
      rule: 'a title over two names joined by "and"',
      paragraphs: ['A bench of Justices R. Venkataraman and Meera Sood set aside the order.'],
      id: 'meera-sood',
      surfaces: ['Meera Sood'],
    },
    {
      rule: 'a name after a title that holds an institution’s word',
      paragraphs: ['Chief Cabinet Secretary Hideo Tanabe told a news conference it was fair.'],
      id: 'hideo-tanabe',
      surfaces: ['Secretary Hideo Tanabe'],
    },
    {
      rule: 'a name introduced by a relation',
      paragraphs: ['My neighbour Fernanda Lopes, who is 81, has lived here since 1967.'],
      id: 'fernanda-lopes',
      surfaces: ['Fernanda Lopes'],
    },
    {
      rule: 'a name with an age between commas',
      paragraphs: ['Walt Henning, 72, who has lived on the street since 1979, opposed the plan.'],
      id: 'walt-henning',
      surfaces: ['Walt Henning'],
    },
    {
      rule: 'a name after a plural role',
      paragraphs: ['The mayor, who voted no along with members Carla Hu and Ben Abney, left.'],
      id: 'carla-hu',
      surfaces: ['Carla Hu'],
    },
    {
      rule: 'a name after a long title of office',
      paragraphs: [
        'Port Alder School District Superintendent Mark Fenney said attendance dropped.',
      ],
      id: 'mark-fenney',
      surfaces: ['Mark Fenney'],
    },
    {
      rule: 'a name with "a 17-year-old" after it',
      paragraphs: [
        'Yusuf Abdi Warsan, a 17-year-old from Somalia, told researchers he was afraid.',
      ],
      id: 'yusuf-abdi-warsan',
      surfaces: ['Yusuf Abdi Warsan'],
    },
    {
      rule: 'a name with a particle inside it',
      paragraphs: ['Strikers head coach Pieter van Wyke did not hide his frustration.'],
      id: 'pieter-van-wyke',
      surfaces: ['Pieter van Wyke'],
    },
    {
      rule: 'a name with an apostrophe after its first letter',
      paragraphs: ["PhD candidate Liam O'Connor, 27, built the detection software."],
      id: 'liam-o-connor',
      surfaces: ["Liam O'Connor"],
    },
    {
      rule: 'a name followed by a clause that gives its role',
      paragraphs: ["The mission is led by Ana María Sotelo, who served as Chile's ambassador."],
      id: 'ana-maria-sotelo',
      surfaces: ['Ana María Sotelo'],
    },
    {
      rule: 'a speaker’s label opening an interview answer',
      paragraphs: [
        'How bad was the winter?',
        'Enkhjargal Tsend: My cousin lost 400 goats in one week, and he is not the worst off.',
      ],
      id: 'enkhjargal-tsend',
      surfaces: ['Enkhjargal Tsend'],
    },
  ])('resolves $rule', ({ paragraphs, id, surfaces }) => {
    const a = analyse(paragraphs);
    expect(surfacesOf(a, id)).toEqual(surfaces);
    expect(a.actors.find((x) => x.id === id)?.reviewed).toBe(false);
  });

  it.each([
    { sentence: 'Baku protested against the ruling.', actor: 'azerbaijan', surface: 'Baku' },
    { sentence: 'The festival in Baku drew large crowds.', actor: 'baku', surface: 'Baku' },
    { sentence: 'Moscow’s reply came a day later.', actor: 'russia', surface: 'Moscow' },
    { sentence: 'Tourists flew from Moscow on Friday.', actor: 'moscow', surface: 'Moscow' },
    { sentence: 'The Kremlin declined to comment.', actor: 'russia', surface: 'The Kremlin' },
    {
      sentence: 'Azerbaijani President Ilham Aliyev opened the games.',
      actor: 'ilham-aliyev',
      surface: 'Azerbaijani President Ilham Aliyev',
    },
    // The general reference: any country, its capital for its state, international bodies.
    { sentence: 'Kenya and Peru signed the accord.', actor: 'kenya', surface: 'Kenya' },
    { sentence: 'Manila says the ship rammed its boat.', actor: 'philippines', surface: 'Manila' },
    { sentence: 'Protests in Manila grew on Monday.', actor: 'manila', surface: 'Manila' },
    {
      sentence: 'WHO officials declared the outbreak over.',
      actor: 'world-health-organization',
      surface: 'WHO',
    },
    { sentence: 'Oxfam said the pledges were recycled.', actor: 'oxfam', surface: 'Oxfam' },
    {
      sentence: 'Neighbouring Tanzania has also moved rhinos.',
      actor: 'tanzania',
      surface: 'Tanzania',
    },
    {
      sentence: 'The hosts’ association in Portugal (ALEP) has argued against it.',
      actor: 'portugal',
      surface: 'Portugal',
    },
  ])('reads "$sentence" as $actor', ({ sentence, actor, surface }) => {
    expect(analyse([sentence]).mentions[0]).toMatchObject({ actor, surface });
  });

  it.each([
    { sentence: 'Who pays for it? Nobody knows.', absent: 'world-health-organization' },
    { sentence: 'Us and them, the singer called it.', absent: 'united-states' },
    { sentence: 'Denise Paris said the ruling was wrong.', absent: 'france' },
  ])('does not read "$sentence" as $absent', ({ sentence, absent }) => {
    expect(analyse([sentence]).mentions.map((m) => m.actor)).not.toContain(absent);
  });

  it('reads both people of "Justices R. Venkataraman and Meera Sood"', () => {
    const a = analyse(['A bench of Justices R. Venkataraman and Meera Sood set aside the order.']);
    expect(a.actors.map((x) => x.name).sort()).toEqual(['Meera Sood', 'R. Venkataraman']);
  });

  it('names a medium by all its words after "told" ("The Naira Ledger")', () => {
    const a = analyse(['Its chief executive told The Naira Ledger on Monday that it would grow.']);
    expect(a.actors.map((x) => [x.name, x.kind])).toContainEqual(['The Naira Ledger', 'media']);
  });

  it('leaves where a company is based out of its name ("US-based Veridian Labs")', () => {
    const a = analyse(['The inquiry asks US-based Veridian Labs to explain its chatbot.']);
    expect(a.actors.map((x) => x.name)).toContain('Veridian Labs');
  });

  it('closes the bracket of an institution named with its acronym', () => {
    const a = analyse([
      'Observers from the Organization of Andean Courts (OAC) said they found no fraud.',
    ]);
    const court = a.actors.find((x) => x.name === 'Organization of Andean Courts');
    expect(court?.aliases).toEqual(['OAC']);
    expect(a.mentions.find((m) => m.actor === court?.id)?.surface).toBe(
      'Organization of Andean Courts (OAC)',
    );
  });

  it('does not make a number into a name, nor part of one', () => {
    const a = analyse([
      'I spent three days in Sakuragawa, a fishing town of 3,800 people. Observers said the ballots exceeded the margin in 24 National Assembly constituencies.',
    ]);
    expect(a.actors.map((x) => x.name).filter((name) => /\d/.test(name))).toEqual([]);
  });

  it('keeps an institution apart from the weekday after it', () => {
    const a = analyse(['The Halvorsen Foundation on Friday said the grants would resume.']);
    expect(a.actors.map((x) => x.name)).toContain('Halvorsen Foundation');
    expect(a.actors.map((x) => x.name).join(' ')).not.toMatch(/Friday/);
  });

  it('names a country’s institution after the country that owns it', () => {
    const a = analyse([
      'Azerbaijan’s Foreign Ministry said: “We regret this decision and will respond in due course.”',
    ]);
    expect(a.quotes[0]?.quote.speaker).toBe('ministry-of-foreign-affairs-azerbaijan');
  });
});

describe('quote speakers on texts about other subjects', () => {
  it.each([
    {
      rule: 'a pronoun after the quote',
      paragraphs: [
        'The marine biologist Sofia Reyes has studied the reef for years.',
        '“The coral is recovering faster than we hoped,” she said.',
      ],
      speaker: 'sofia-reyes',
    },
    {
      rule: 'a name and an outlet after the quote',
      paragraphs: ['“The harvest will be late this year,” farmer Jonas Keller told Agrarheute.de.'],
      speaker: 'jonas-keller',
      medium: 'agrarheute-de',
    },
    {
      rule: 'according to a name',
      paragraphs: [
        'The economist Priya Natarajan studies ports. According to Natarajan, the new terminal "will double the traffic within two years".',
      ],
      speaker: 'priya-natarajan',
    },
    {
      rule: 'a quote paragraph after the speaker’s colon',
      paragraphs: [
        'Last spring, the architect Tomas Novak stated:',
        '“We do not build for ourselves. We build for the next century.”',
      ],
      speaker: 'tomas-novak',
    },
    {
      rule: 'a role noun referring back',
      paragraphs: [
        'The novelist Ines Duarte spoke at the fair. “Readers want shorter chapters now,” said the writer.',
      ],
      speaker: 'ines-duarte',
    },
  ])('resolves $rule', ({ paragraphs, speaker, medium }) => {
    const q = analyse(paragraphs).quotes[0]!.quote;
    expect(q.speaker).toBe(speaker);
    if (medium) expect(q.medium).toBe(medium);
  });

  it('ignores scare quotes of fewer than four words', () => {
    expect(analyse(['The minister called the plan "a disaster" on Monday.']).quotes).toEqual([]);
  });
});

describe('dates read against the publication date', () => {
  const published = { year: 2025, month: 7, day: 21, approximate: null };
  it.each([
    {
      text: 'It was shot down in December last year.',
      paragraphYear: null,
      iso: '2024-12',
      use: 'point',
    },
    {
      text: 'At the end of last month, 50 people were arrested.',
      paragraphYear: null,
      iso: '2025-06',
      use: 'point',
      approximate: 'late',
    },
    {
      text: 'In May, the ministry banned the deputy.',
      paragraphYear: null,
      iso: '2025-05',
      use: 'point',
    },
    {
      text: 'In September, the ministry banned the deputy.',
      paragraphYear: null,
      iso: '2024-09',
      use: 'point',
    },
    { text: 'By June, access was blocked.', paragraphYear: 2022, iso: '2022-06', use: 'point' },
    {
      text: 'In March of that year, restrictions followed.',
      paragraphYear: 2022,
      iso: '2022-03',
      use: 'point',
    },
    {
      text: 'On June 30, police detained two people.',
      paragraphYear: null,
      iso: '2025-06-30',
      use: 'point',
    },
    {
      text: 'The events in late September 2023 heightened tensions.',
      paragraphYear: null,
      iso: '2023-09',
      use: 'point',
      approximate: 'late',
    },
    { text: 'In 2014, the assembly voted.', paragraphYear: null, iso: '2014', use: 'point' },
    { text: 'Since 2022, support has grown.', paragraphYear: null, iso: '2022', use: 'span' },
    {
      text: 'Exports should reach $5 billion by 2026.',
      paragraphYear: null,
      iso: '2026',
      use: 'span',
    },
    {
      text: 'The mission lasted until September 2023.',
      paragraphYear: null,
      iso: '2023-09',
      use: 'span',
    },
    {
      text: 'The firm paid the carmakers between 2015 and 2020.',
      paragraphYear: null,
      iso: '2015',
      use: 'span',
    },
    {
      text: 'The summit in November is expected to focus on finance.',
      paragraphYear: null,
      iso: '2025-11',
      use: 'point',
    },
    {
      text: 'Talks will resume in March.',
      paragraphYear: null,
      iso: '2026-03',
      use: 'span',
    },
  ])('reads "$text" as $iso ($use)', ({ text, paragraphYear, iso, use, approximate }) => {
    const [d] = readDates(text, { published, paragraphYear, last: null });
    expect(d && toIso(d)).toBe(iso);
    expect(d?.use).toBe(use);
    if (approximate) expect(d?.approximate).toBe(approximate);
  });

  it.each(['A day later, more people were arrested.', 'The Following Day, the embassy closed.'])(
    'places "%s" after the last date read',
    (text) => {
      const [d] = readDates(text, {
        published,
        paragraphYear: null,
        last: { year: 2025, month: 6, day: 30, approximate: null },
      });
      expect(d && toIso(d)).toBe('2025-07-01');
    },
  );

  it('reads both ends of "between 2015 and 2020" as bounds', () => {
    const dates = readDates('The firm paid the carmakers between 2015 and 2020.', {
      published,
      paragraphYear: null,
      last: null,
    });
    expect(dates.map((d) => [toIso(d), d.use])).toEqual([
      ['2015', 'span'],
      ['2020', 'span'],
    ]);
  });

  it('does not place a later month in the year of a named thing ("the 1951 Treaty")', () => {
    const { events } = analyse(
      [
        'A clash could draw Washington in under the 1951 Mutual Defense Treaty. The minister Karl Brand reaffirmed in July that the treaty covers the coast guard.',
      ],
      '2024-09-09',
    );
    expect(events.map((e) => e.date && toIso(e.date))).toContain('2024-07');
    expect(events.map((e) => e.date && toIso(e.date))).not.toContain('1951-07');
  });

  it('reads a date written in another language, by its day number', () => {
    const [d] = readDates('Le 4 mars 2025, le ministère a fermé le bureau.', {
      published,
      paragraphYear: null,
      last: null,
    });
    expect(d && toIso(d)).toBe('2025-03-04');
  });

  it('reads a day weeks before publication in its year, even after a sentence about an older year', () => {
    const at = { year: 2025, month: 2, day: 10, approximate: null };
    const [recent] = readDates('The commission opened an investigation on Feb. 3.', {
      published: at,
      paragraphYear: 2023,
      last: null,
    });
    expect(recent && toIso(recent)).toBe('2025-02-03');
    // A day far from publication still belongs to the year the passage is about.
    const [older] = readDates('On 10 April it raised new capital.', {
      published: at,
      paragraphYear: 2019,
      last: null,
    });
    expect(older && toIso(older)).toBe('2019-04-10');
    // A month after publication's, in a passage about this year, is last year's.
    const [december] = readDates('He met the bidders in Shanghai in December.', {
      published: at,
      paragraphYear: 2025,
      last: null,
    });
    expect(december && toIso(december)).toBe('2024-12');
  });

  it.each([
    ['Senin, 17 Maret 2025 | 14:32 WIB', '2025-03-17'],
    ['Publicado em 17 de março de 2025', '2025-03-17'],
    ['Dikemaskini 12 Disember 2023', '2023-12-12'],
  ])('reads an Indonesian, Malay or Portuguese date: "%s"', (text, iso) => {
    const [d] = readDates(text, { published, paragraphYear: null, last: null });
    expect(d && toIso(d)).toBe(iso);
  });
});

describe('event details and merging on texts about other subjects', () => {
  it.each([
    {
      passage: 'The ferry sank near the port of Lindholm, killing 12 of the 40 people on board.',
      claims: { dead: '12', aboard: '40', place: 'Lindholm' },
    },
    {
      passage: 'The bus was hit by a falling tree. Three people died.',
      claims: { cause: 'a falling tree', dead: '3' },
    },
    {
      passage: 'The museum closed, officially citing a lack of funding despite protests.',
      claims: { reason: 'a lack of funding' },
    },
    {
      passage: 'The club was accused of laundering money for a gang.',
      claims: { accusation: 'laundering money for a gang' },
    },
  ])('reads the details of "$passage"', ({ passage, claims }) => {
    expect(readClaims(passage)).toMatchObject(claims);
  });

  it.each([
    [
      'On June 8, 2024, Istalia recalled its ambassador from Viviia over the power grid.',
      'Istalia recalled its ambassador from Viviia over the power grid',
    ],
    [
      'On 3 March 2025, the parliament in Osterby elected a new speaker.',
      'The parliament in Osterby elected a new speaker',
    ],
  ])('titles the event of "%s" by what happened, not by its date', (sentence, title) => {
    const [event] = analyse([sentence]).events;
    expect(event?.title).toBe(title);
  });

  it('does not say twice the clause that a pronoun opens', () => {
    const [event] = analyse([
      'It beats the 3,750-peso proposal made on Jan. 27 by Marlow Foods and its partner.',
    ]).events;
    expect(event?.title.match(/3,750-peso proposal/g)).toHaveLength(1);
  });

  it('merges two outlets’ reports of one flood and keeps each account, but not a different event that day', () => {
    const a = analyse([
      'On March 3, 2025, a flood hit the Ruritanian town of Osterby, where 14 people died.',
    ]);
    const b = analyse(
      [
        'Floods swept through Osterby on 3 March 2025, and 15 people were killed, the mayor Eva Lund told reporters.',
      ],
      '2025-03-05',
    );
    const c = analyse(
      ['On March 3, 2025, the parliament in Osterby elected a new speaker.'],
      '2025-03-05',
    );
    const { events } = mergeEvents([
      { article: 'a', published: '2025-03-10', candidates: a.events },
      { article: 'b', published: '2025-03-05', candidates: b.events },
      { article: 'c', published: '2025-03-05', candidates: c.events },
    ]);
    const merged = [...events.values()].filter((e) => e.articles.length > 1);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.articles).toEqual(['a', 'b']);
    expect(merged[0]!.variants.map((v) => v.claims.dead)).toEqual(['14', '15']);
  });

  it('joins a later sentence that names no one but the same day to the happening of that day', () => {
    const a = analyse([
      'On August 31, a coast guard vessel rammed a supply boat near the Lindholm reef.',
      'The two governments describe the August 31 collision differently.',
    ]);
    const { events } = mergeEvents([
      { article: 'a', published: '2025-03-10', candidates: a.events },
    ]);
    expect([...events.values()].map((e) => [e.date, e.paragraphs.length])).toEqual([
      ['2024-08-31', 2],
    ]);
  });
});

describe('topics', () => {
  it('reports an article on a theme the taxonomy lacks, filed under a broad topic', () => {
    const a = analyse([
      'The city’s schools will open a new music festival for students this spring.',
      'Teachers said the festival would give students a stage, and the university will lend its concert hall for the culture week.',
    ]);
    expect(a.unknownTheme).toBe(true);
    expect(a.topics.map((t) => t.topic)).toContain('society-culture');
  });
});
