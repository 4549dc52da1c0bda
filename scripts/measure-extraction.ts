/**
 * Measures the analysis on the seeds against the hand-read facts in tests/fixtures/seed-facts.json:
 * recall and precision of actors, events and quotes. Precision counts as correct what the gold
 * lists name plus the hand-checked extras in tests/fixtures/analysis/acceptable-extras.json;
 * everything else found counts as an error. A second run without the curated actors file shows
 * what the general rules and the general reference (world-actors.json) find on their own, as on
 * a corpus about another subject.
 * Another corpus can be measured the same way against its own hand-read facts, written in the same
 * format as the seed facts (tests/fixtures/seed-facts.json): pass --seeds and --gold, and --extras
 * for its hand-checked extras.
 * Usage: npm run measure [-- --seeds DIR --gold FILE [--extras FILE]]
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Actor, Event } from '../src/schema.ts';
import { checkFolder, failCommand, parseCommandLine } from './cli.ts';
import { buildCorpus } from './ingest/corpus.ts';
import { extractArticle, type ArticleDraft, type Knowledge } from './ingest/extract.ts';
import { loadKnowledge } from './ingest/pipeline.ts';
import { compareStrings, normalizeKey } from './ingest/text.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** Hand-read facts about a corpus, in the format of tests/fixtures/seed-facts.json. */
interface Gold {
  articles: Array<{
    seed: string;
    title: string;
    dek?: string | null;
    date: string | null;
    outlet: string | null;
    author: string | null;
    bodyStarts: string;
    bodyEnds: string;
  }>;
  actorsAtLeast: Record<'people' | 'countries' | 'organisations' | 'places', string[]>;
  eventsAtLeast: GoldEvent[];
  quotesAtLeast: GoldQuote[];
}
interface GoldEvent {
  date: string;
  seeds: string[];
  what: string;
}
interface GoldQuote {
  seed: string;
  speaker: string;
  starts: string;
}
/** Entities found beyond the gold lists and checked by hand as correct. */
interface Extras {
  actors: Array<{ id: string }>;
  events: GoldEvent[];
  quotes: GoldQuote[];
}

/** A corpus to measure: its input folder, its hand-read facts and its hand-checked extras. */
export interface MeasureInput {
  seedsDir: string;
  gold: Gold;
  extras: Extras;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** The seeds with their facts: what `npm run measure` scores when given no corpus. */
export const SEEDS: MeasureInput = {
  seedsDir: path.join(root, 'seeds'),
  gold: readJson(path.join(root, 'tests/fixtures/seed-facts.json')),
  extras: readJson(path.join(root, 'tests/fixtures/analysis/acceptable-extras.json')),
};

interface Score {
  found: number;
  total: number;
  correct: number;
  produced: number;
  misses: string[];
  errors: string[];
}

/** Reads the seeds (or another input folder) and runs the whole ingest in memory. */
export function runOnSeeds(knowledge: Knowledge, seedsDir = SEEDS.seedsDir) {
  const drafts: ArticleDraft[] = [];
  for (const name of readdirSync(seedsDir).sort(compareStrings)) {
    const result = extractArticle(name, readFileSync(path.join(seedsDir, name)), knowledge);
    if (result.ok) drafts.push(result.draft);
  }
  return buildCorpus(drafts, knowledge);
}

/** The forms a gold name may take: itself, without its bracket, and the bracket's content. */
function nameForms(name: string): string[] {
  const bracket = /^(.*?)\s*\(([^)]+)\)$/.exec(name);
  return [name, ...(bracket ? [bracket[1]!, bracket[2]!] : [])].map(normalizeKey);
}

function scoreActors(actors: Map<string, Actor>, { gold, extras }: MeasureInput): Score {
  const goldNames: string[] = [
    ...gold.actorsAtLeast.people,
    ...gold.actorsAtLeast.countries,
    ...gold.actorsAtLeast.organisations,
    ...gold.actorsAtLeast.places,
  ];
  const matches = (actor: Actor, name: string) => {
    const forms = nameForms(name);
    return [actor.name, ...actor.aliases].some((n) => forms.includes(normalizeKey(n)));
  };
  const misses = goldNames.filter((name) => ![...actors.values()].some((a) => matches(a, name)));
  const okExtra = new Set<string>(extras.actors.map((e: { id: string }) => e.id));
  const errors = [...actors.entries()]
    .filter(([id, a]) => !okExtra.has(id) && !goldNames.some((n) => matches(a, n)))
    .map(([id]) => id);
  return {
    found: goldNames.length - misses.length,
    total: goldNames.length,
    correct: actors.size - errors.length,
    produced: actors.size,
    misses,
    errors,
  };
}

function seedOf(articleId: string, seedByArticle: Map<string, string>): string {
  return seedByArticle.get(articleId)!.slice(0, 3);
}

function scoreEvents(
  events: Map<string, Event>,
  seedByArticle: Map<string, string>,
  { gold, extras }: MeasureInput,
): Score {
  const describe = (e: Event) =>
    normalizeKey(`${e.title} ${e.variants.map((v) => v.text).join(' ')}`);
  const keywords = (what: string) =>
    normalizeKey(what)
      .split(' ')
      .filter((w) => w.length >= 5);
  const fits = (e: Event, g: GoldEvent) => {
    const seeds = new Set(e.articles.map((a) => seedOf(a, seedByArticle)));
    const text = describe(e);
    return (
      (e.date === g.date || e.date.startsWith(`${g.date}-`)) &&
      g.seeds.every((s) => seeds.has(s)) &&
      keywords(g.what).some((w) => text.includes(w))
    );
  };
  const list = [...events.values()];
  const misses = gold.eventsAtLeast
    .filter((g) => !list.some((e) => fits(e, g)))
    .map((g) => `${g.date} ${g.what}`);
  const acceptable = [...gold.eventsAtLeast, ...extras.events];
  const errors = [...events.entries()]
    .filter(([, e]) => !acceptable.some((g) => fits(e, g)))
    .map(([id]) => id);
  return {
    found: gold.eventsAtLeast.length - misses.length,
    total: gold.eventsAtLeast.length,
    correct: events.size - errors.length,
    produced: events.size,
    misses,
    errors,
  };
}

function scoreQuotes(
  articles: ReturnType<typeof runOnSeeds>['articles'],
  actors: Map<string, Actor>,
  { gold, extras }: MeasureInput,
): Score {
  const quotes = articles.flatMap((a) =>
    a.data.quotes.map((q) => ({
      seed: a.data.seedFile.slice(0, 3),
      text: normalizeKey(q.text),
      speaker: q.speaker ? (actors.get(q.speaker)?.name ?? q.speaker) : null,
    })),
  );
  const fits = (q: (typeof quotes)[number], g: GoldQuote) =>
    q.seed === g.seed && q.text.startsWith(normalizeKey(g.starts)) && q.speaker === g.speaker;
  const misses = gold.quotesAtLeast
    .filter((g) => !quotes.some((q) => fits(q, g)))
    .map((g) => `${g.seed} ${g.speaker}: ${g.starts}`);
  const acceptable = [...gold.quotesAtLeast, ...extras.quotes];
  const errors = quotes
    .filter((q) => !acceptable.some((g) => fits(q, g)))
    .map((q) => `${q.seed} ${q.speaker ?? '(no speaker)'}: ${q.text.slice(0, 50)}`);
  return {
    found: gold.quotesAtLeast.length - misses.length,
    total: gold.quotesAtLeast.length,
    correct: quotes.length - errors.length,
    produced: quotes.length,
    misses,
    errors,
  };
}

/**
 * Scores the page facts of every article (title, standfirst, date, outlet, author and both ends of
 * the body) against the gold; a field is right when it equals the gold's, letters and spacing aside
 * (an outlet also by its full name).
 */
function scoreArticles(corpus: ReturnType<typeof runOnSeeds>, { gold }: MeasureInput): Score {
  const bySeed = new Map(corpus.articles.map((a) => [a.data.seedFile, a]));
  const same = (a: string | null | undefined, b: string | null | undefined) =>
    normalizeKey(a ?? '') === normalizeKey(b ?? '');
  const misses: string[] = [];
  let total = 0;
  for (const g of gold.articles) {
    const article = bySeed.get(g.seed);
    const data = article?.data;
    const source = data?.outlet ? corpus.sources.get(data.outlet) : undefined;
    const outlet = source?.name ?? data?.outlet ?? null;
    // An outlet known by its acronym is right when its full name is the gold's ("WAPF").
    const outletNames = [outlet, ...(source?.fullName?.split(' | ') ?? [])];
    const body = normalizeKey(article?.body ?? '');
    const fields: Array<[string, boolean, unknown]> = [
      ['title', same(data?.title, g.title), data?.title],
      ['dek', same(data?.dek, g.dek), data?.dek],
      ['date', data?.date === g.date, data?.date],
      ['outlet', outletNames.some((name) => same(name, g.outlet)), outlet],
      ['author', same(data?.author, g.author), data?.author],
      ['body start', body.startsWith(normalizeKey(g.bodyStarts)), body.slice(0, 60)],
      ['body end', body.endsWith(normalizeKey(g.bodyEnds)), body.slice(-60)],
    ];
    total += fields.length;
    for (const [field, right, got] of fields)
      if (!right) misses.push(`${g.seed.slice(0, 3)} ${field}: ${JSON.stringify(got ?? null)}`);
  }
  const found = total - misses.length;
  return { found, total, correct: found, produced: total, misses, errors: [] };
}

/** Scores one run of the ingest on the seeds, or on another corpus with its own facts. */
export function measure(
  knowledge: Knowledge,
  input: MeasureInput = SEEDS,
): Record<'articles' | 'actors' | 'events' | 'quotes', Score> {
  const corpus = runOnSeeds(knowledge, input.seedsDir);
  const seedByArticle = new Map(corpus.articles.map((a) => [a.id, a.data.seedFile]));
  const actors = corpus.actors as Map<string, Actor>;
  return {
    articles: scoreArticles(corpus, input),
    actors: scoreActors(actors, input),
    events: scoreEvents(corpus.events as Map<string, Event>, seedByArticle, input),
    quotes: scoreQuotes(corpus.articles, actors, input),
  };
}

function percent(a: number, b: number): string {
  return b === 0 ? '  n/a' : `${((a / b) * 100).toFixed(1).padStart(5)}%`;
}

function print(title: string, scores: Record<string, Score>): void {
  console.log(`\n${title}`);
  console.log('kind     recall                precision');
  for (const [kind, s] of Object.entries(scores)) {
    console.log(
      `${kind.padEnd(8)} ${percent(s.found, s.total)} (${s.found}/${s.total})`.padEnd(31) +
        `${percent(s.correct, s.produced)} (${s.correct}/${s.produced})`,
    );
    for (const m of s.misses) console.log(`  missed: ${m}`);
    for (const e of s.errors) console.log(`  not in gold or extras: ${e}`);
  }
}

/** The corpus the command line names, or the seeds. */
function readInput(): MeasureInput {
  const usage = 'tsx scripts/measure-extraction.ts [--seeds DIR --gold FILE [--extras FILE]]';
  const values = parseCommandLine('measure', usage, {
    seeds: { type: 'string' },
    gold: { type: 'string' },
    extras: { type: 'string' },
  });
  if (values.seeds === undefined && values.gold === undefined) return SEEDS;
  if (values.seeds === undefined || values.gold === undefined)
    failCommand('measure', '--seeds and --gold go together');
  const problem = checkFolder(path.resolve(values.seeds));
  if (problem) failCommand('measure', `--seeds: ${problem}`);
  const read = <T>(file: string, option: string): T => {
    try {
      return readJson<T>(path.resolve(file));
    } catch (error) {
      return failCommand('measure', `${option}: ${(error as Error).message}`);
    }
  };
  return {
    seedsDir: path.resolve(values.seeds),
    gold: read<Gold>(values.gold, '--gold'),
    extras: values.extras
      ? read<Extras>(values.extras, '--extras')
      : { actors: [], events: [], quotes: [] },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const input = readInput();
  const knowledge = loadKnowledge(path.join(root, 'content/knowledge'));
  print('With the curated knowledge (content/knowledge):', measure(knowledge, input));
  const bareDir = mkdtempSync(path.join(tmpdir(), 'parallax-knowledge-'));
  try {
    cpSync(path.join(root, 'content/knowledge'), bareDir, {
      recursive: true,
      filter: (file) => path.basename(file) !== 'actors.json',
    });
    print(
      'Without content/knowledge/actors.json (general rules, general reference and outlets only; precision lists are for the curated run, so read errors by hand):',
      measure(loadKnowledge(bareDir), input),
    );
  } finally {
    rmSync(bareDir, { recursive: true, force: true });
  }
}
