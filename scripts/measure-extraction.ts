/**
 * Measures the analysis on the seeds against the hand-read facts in tests/fixtures/seed-facts.json:
 * recall and precision of actors, events and quotes. Precision counts as correct what the gold
 * lists name plus the hand-checked extras in tests/fixtures/analysis/acceptable-extras.json;
 * everything else found counts as an error. A second run without the curated actors file shows
 * what the general rules and the general reference (world-actors.json) find on their own, as on
 * a corpus about another subject.
 * Usage: npm run measure
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Actor, Event } from '../src/schema.ts';
import { buildCorpus } from './ingest/corpus.ts';
import { extractArticle, type ArticleDraft, type Knowledge } from './ingest/extract.ts';
import { loadKnowledge } from './ingest/pipeline.ts';
import { compareStrings, normalizeKey } from './ingest/text.ts';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const gold = JSON.parse(readFileSync(path.join(root, 'tests/fixtures/seed-facts.json'), 'utf8'));
const extras = JSON.parse(
  readFileSync(path.join(root, 'tests/fixtures/analysis/acceptable-extras.json'), 'utf8'),
);

interface Score {
  found: number;
  total: number;
  correct: number;
  produced: number;
  misses: string[];
  errors: string[];
}

/** Reads the seeds and runs the whole ingest in memory. */
export function runOnSeeds(knowledge: Knowledge) {
  const seedsDir = path.join(root, 'seeds');
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

function scoreActors(actors: Map<string, Actor>): Score {
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

function scoreEvents(events: Map<string, Event>, seedByArticle: Map<string, string>): Score {
  const describe = (e: Event) =>
    normalizeKey(`${e.title} ${e.variants.map((v) => v.text).join(' ')}`);
  const keywords = (what: string) =>
    normalizeKey(what)
      .split(' ')
      .filter((w) => w.length >= 5);
  const fits = (e: Event, g: { date: string; seeds: string[]; what: string }) => {
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
    .filter((g: { date: string; seeds: string[]; what: string }) => !list.some((e) => fits(e, g)))
    .map((g: { date: string; what: string }) => `${g.date} ${g.what}`);
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
): Score {
  const quotes = articles.flatMap((a) =>
    a.data.quotes.map((q) => ({
      seed: a.data.seedFile.slice(0, 3),
      text: normalizeKey(q.text),
      speaker: q.speaker ? (actors.get(q.speaker)?.name ?? q.speaker) : null,
    })),
  );
  const fits = (q: (typeof quotes)[number], g: { seed: string; speaker: string; starts: string }) =>
    q.seed === g.seed && q.text.startsWith(normalizeKey(g.starts)) && q.speaker === g.speaker;
  const misses = gold.quotesAtLeast
    .filter(
      (g: { seed: string; speaker: string; starts: string }) => !quotes.some((q) => fits(q, g)),
    )
    .map(
      (g: { seed: string; speaker: string; starts: string }) =>
        `${g.seed} ${g.speaker}: ${g.starts}`,
    );
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

/** Scores one run of the ingest on the seeds. */
export function measure(knowledge: Knowledge): Record<'actors' | 'events' | 'quotes', Score> {
  const corpus = runOnSeeds(knowledge);
  const seedByArticle = new Map(corpus.articles.map((a) => [a.id, a.data.seedFile]));
  const actors = corpus.actors as Map<string, Actor>;
  return {
    actors: scoreActors(actors),
    events: scoreEvents(corpus.events as Map<string, Event>, seedByArticle),
    quotes: scoreQuotes(corpus.articles, actors),
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const knowledge = loadKnowledge(path.join(root, 'content/knowledge'));
  print('With the curated knowledge (content/knowledge):', measure(knowledge));
  const bareDir = mkdtempSync(path.join(tmpdir(), 'parallax-knowledge-'));
  try {
    cpSync(path.join(root, 'content/knowledge'), bareDir, {
      recursive: true,
      filter: (file) => path.basename(file) !== 'actors.json',
    });
    print(
      'Without content/knowledge/actors.json (general rules, general reference and outlets only; precision lists are for the curated run, so read errors by hand):',
      measure(loadKnowledge(bareDir)),
    );
  } finally {
    rmSync(bareDir, { recursive: true, force: true });
  }
}
