import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MONTH_NAMES } from '../../src/lib/format.ts';

/** A small, fast, seedable random generator (mulberry32), so a corpus is the same every run. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = [
  'ka',
  'ri',
  'mo',
  'sen',
  'tal',
  'vor',
  'li',
  'dan',
  'pe',
  'ru',
  'sha',
  'nor',
  'bel',
  'ti',
  'go',
  'mar',
  'ez',
  'un',
  'hal',
  'ko',
  'vi',
  'ran',
  'sto',
  'mel',
  'qu',
  'ar',
  'fen',
  'dor',
  'is',
  'la',
];
const ROLES = [
  'political analyst',
  'economist',
  'former minister',
  'security expert',
  'spokesperson',
  'historian',
  'energy consultant',
  'member of parliament',
  'journalist',
  'diplomat',
];
const VERBS = [
  'signed an agreement with',
  'criticised',
  'met',
  'imposed restrictions on',
  'opened talks with',
  'recalled its ambassador from',
  'announced sanctions against',
  'expanded trade with',
];
const THEMES = [
  'the gas pipeline',
  'the grain corridor',
  'border security',
  'the port expansion',
  'the election dispute',
  'water rights',
  'the rail link',
  'fishing quotas',
  'the customs union',
  'the power grid',
];
const FILLER = [
  'Observers said the move reflected a broader shift in the region.',
  'The decision was widely discussed in local media over the following days.',
  'Officials declined to give further details when asked by reporters.',
  'Analysts expect the issue to remain on the agenda for months.',
  'Critics argued that the measures would hurt ordinary traders most.',
  'Supporters described the step as long overdue and necessary.',
  'Trade figures published later showed only a modest change.',
  'The opposition called for a parliamentary inquiry into the matter.',
];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function makeWord(random: () => number, syllables: number): string {
  let word = '';
  for (let i = 0; i < syllables; i++) word += pick(random, SYLLABLES);
  return word[0]!.toUpperCase() + word.slice(1);
}

const TOPIC_KINDS = [
  'levy',
  'accord',
  'reform',
  'tariff',
  'inquiry',
  'pipeline',
  'scheme',
  'dispute',
  'programme',
  'treaty',
];

/** A theme of the invented world, as a newsroom's taxonomy would name it, with the terms that signal it. */
export interface WorldTopic {
  id: string;
  name: string;
  /** Lower-case invented words, so that the ingest does not take them for names. */
  terms: [string, string, string];
}

/** A happening of the invented world, which several articles may report. */
interface WorldEvent {
  year: number;
  month: number;
  day: number;
  subject: string;
  verb: string;
  object: string;
  theme: string;
}

/** The invented world a corpus is written about: people, countries, outlets, happenings. */
export interface BenchWorld {
  people: string[];
  countries: string[];
  outlets: string[];
  events: WorldEvent[];
  topics: WorldTopic[];
}

/** Invents a world with enough distinct names that actors number in the thousands at scale. */
export function createWorld(random: () => number, articles: number): BenchWorld {
  const unique = (count: number, make: () => string) => {
    const set = new Set<string>();
    while (set.size < count) set.add(make());
    return [...set];
  };
  const countries = unique(40, () => `${makeWord(random, 2)}ia`);
  // Outlets report the same happenings, as news does: about one happening per two articles.
  const events = Array.from({ length: Math.max(20, Math.round(articles / 2)) }, () => ({
    year: 2019 + Math.floor(random() * 7),
    month: Math.floor(random() * 12),
    day: 1 + Math.floor(random() * 28),
    subject: pick(random, countries),
    verb: pick(random, VERBS),
    object: pick(random, countries),
    theme: pick(random, THEMES),
  }));
  // Topics number in the thousands at 10,000 articles, each carried by a handful of articles.
  const topicWords = unique(Math.max(12, Math.round(articles / 5)) * 2, () =>
    makeWord(random, 3).toLowerCase(),
  );
  const topics = Array.from({ length: topicWords.length / 2 }, (_, i): WorldTopic => {
    const word = topicWords[2 * i]!;
    const other = topicWords[2 * i + 1]!;
    const kind = pick(random, TOPIC_KINDS);
    return {
      id: `${word}-${kind}`,
      name: `The ${word} ${kind}`,
      terms: [`${word} ${kind}`, word, `${other} commission`],
    };
  });
  return {
    topics,
    people: unique(
      Math.max(50, Math.round(articles * 0.6)),
      () => `${makeWord(random, 2)} ${makeWord(random, 3)}`,
    ),
    countries,
    outlets: unique(
      60,
      () =>
        `${makeWord(random, 2)} ${pick(random, ['Times', 'Herald', 'Post', 'Review', 'Daily', 'Observer', 'Monitor'])}`,
    ),
    events,
  };
}

/** Writes one raw article page, chrome included, the way a scraper saves it. */
export function writeArticleText(random: () => number, world: BenchWorld, n: number): string {
  const outlet = pick(random, world.outlets);
  const year = 2019 + Math.floor(random() * 7);
  const month = Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const a = pick(random, world.countries);
  const b = pick(random, world.countries);
  const theme = pick(random, THEMES);
  const title = `${a} and ${b} at odds over ${theme} (${n})`;
  const lines: string[] = [
    'We use cookies to improve your experience. Accept',
    `${outlet} | News and analysis`,
    'Home',
    'World',
    'Politics',
    'Economy',
    'Opinion',
    `Home > World > ${title}`,
    '',
    title,
    '',
    `By ${pick(random, world.people)}`,
    `${MONTH_NAMES[month]} ${day}, ${year} ${Math.floor(random() * 9000)} views`,
    '',
  ];
  const paragraphs = 6 + Math.floor(random() * 8);
  // One to three topics an article, each named often enough for the ingest to assign it.
  const topics = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
    pick(random, world.topics),
  );
  for (let p = 0; p < paragraphs; p++) {
    const speaker = pick(random, world.people);
    const other = pick(random, world.people);
    const happening = pick(random, world.events);
    // About a third of paragraphs report a dated happening; the rest comment and quote.
    const opening =
      random() < 0.35
        ? `On ${MONTH_NAMES[happening.month]} ${happening.day}, ${happening.year}, ${happening.subject} ${happening.verb} ${happening.object} over ${happening.theme}.`
        : `${pick(random, world.countries)} and ${pick(random, world.countries)} continued to disagree about ${pick(random, THEMES)}.`;
    const sentences = [
      opening,
      pick(random, FILLER),
      `“${pick(random, FILLER)} ${pick(random, FILLER)}” ${pick(random, ROLES)} ${speaker} told the ${outlet}.`,
      `According to ${other}, ${pick(random, FILLER).toLowerCase()}`,
      pick(random, FILLER),
    ];
    const topic = topics[p % topics.length]!;
    if (p < 2 * topics.length)
      sentences.splice(
        1,
        0,
        p < topics.length
          ? `The ${topic.terms[0]} has divided ${pick(random, world.countries)} for months, and the ${topic.terms[1]} question is far from settled.`
          : `Members of the ${topic.terms[2]} are due to report on the ${topic.terms[0]} next year.`,
      );
    if (p > 0 && p % 4 === 0) lines.push(`${makeWord(random, 2)} and ${theme}`, '');
    lines.push(sentences.slice(0, 3 + Math.floor(random() * 3)).join(' '), '');
  }
  lines.push('Share this article', 'Facebook Twitter Email', 'You might also like');
  for (let i = 0; i < 4; i++)
    lines.push(
      `${pick(random, world.countries)} ${pick(random, VERBS)} ${pick(random, world.countries)}`,
    );
  lines.push(`© ${year} ${outlet}. All rights reserved.`);
  return `${lines.join('\n')}\n`;
}

/**
 * Writes a knowledge folder for a generated corpus: the world's topics as its `topics.json` (its
 * own taxonomy, as a newsroom keeps one), beside a copy of another folder's outlets and actors (curated and general reference).
 */
export async function writeCorpusKnowledge(
  dir: string,
  world: BenchWorld,
  projectKnowledge: string,
): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const file of ['outlets.json', 'actors.json', 'world-actors.json', 'world-outlets.json'])
    await copyFile(path.join(projectKnowledge, file), path.join(dir, file));
  const topics = world.topics.map((t) => ({
    id: t.id,
    name: t.name,
    description: `Reports on ${t.name.toLowerCase()}.`,
    terms: t.terms,
  }));
  await writeFile(path.join(dir, 'topics.json'), `${JSON.stringify(topics, null, 2)}\n`);
}

/** Generates N raw article files into a folder, deterministically from a seed, and returns their world. */
export async function generateCorpus(
  dir: string,
  articles: number,
  seed = 42,
): Promise<BenchWorld> {
  const random = createRandom(seed);
  const world = createWorld(random, articles);
  await mkdir(dir, { recursive: true });
  for (let n = 0; n < articles; n++) {
    await writeFile(
      path.join(dir, `article-${String(n).padStart(6, '0')}.txt`),
      writeArticleText(random, world, n),
    );
  }
  return world;
}
