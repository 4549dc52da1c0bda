import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Event } from '../../../src/schema.ts';
import { analyzeArticle } from '../../../scripts/ingest/analysis/analyze.ts';
import { extractFromText } from '../../../scripts/ingest/extract.ts';
import { loadKnowledge } from '../../../scripts/ingest/pipeline.ts';
import { measure, runOnSeeds } from '../../../scripts/measure-extraction.ts';
import { normalizeKey } from '../../../scripts/ingest/text.ts';
import { ROOT } from '../../helpers/seeds.ts';
import facts from '../../fixtures/seed-facts.json' with { type: 'json' };

const knowledge = loadKnowledge(path.join(ROOT, 'content/knowledge'));
let corpus: ReturnType<typeof runOnSeeds>;
let actors: Map<string, Actor>;
let events: Event[];
const seedOf = (article: string) =>
  corpus.articles.find((a) => a.id === article)!.data.seedFile.slice(0, 3);
const actorNamed = (name: string) =>
  [...actors.entries()].find(
    ([, a]) => normalizeKey(a.name) === normalizeKey(name.replace(/\s*\(.*\)$/, '')),
  );

beforeAll(() => {
  corpus = runOnSeeds(knowledge);
  actors = corpus.actors as Map<string, Actor>;
  events = [...(corpus.events as Map<string, Event>).values()];
});

/** Reads a short article that names an actor in full and then by an alias; returns what the alias resolves to. */
function resolveAlias(fullName: string, alias: string): string | undefined {
  const text = `Probe\n\nOfficials discussed ${fullName} at length on Monday. Later, ${alias} said the decision was final.\n`;
  const result = extractFromText('probe.txt', text, 'utf-8', [], knowledge);
  if (!result.ok) throw new Error(result.problem);
  return analyzeArticle(result.draft, knowledge, '2025-01-01').mentions.find((m) =>
    m.sentence.startsWith('Later'),
  )?.actor;
}

describe('the actors of the seeds', () => {
  const names = [
    ...facts.actorsAtLeast.people,
    ...facts.actorsAtLeast.countries,
    ...facts.actorsAtLeast.organisations,
    ...facts.actorsAtLeast.places,
  ]
    // Authors and publishers appear only in the page chrome, never in an article's text.
    .filter((n) => n !== 'Eduard Arakelyan' && n !== 'CivilNet');
  it.each(names)('include %s, mentioned in at least one paragraph', (name) => {
    const found =
      actorNamed(name) ??
      [...actors.entries()].find(([, a]) =>
        a.aliases.some((x) => normalizeKey(x) === normalizeKey(name)),
      );
    expect(found, name).toBeDefined();
    expect(found![1].mentions.length).toBeGreaterThan(0);
  });

  it.each(
    Object.entries(facts.actorsAtLeast.aliasesThatMustResolve).flatMap(([name, aliases]) =>
      aliases.map((alias) => [alias, name]),
    ),
  )('resolve "%s" used as an actor to %s', (alias, name) => {
    expect(resolveAlias(name.replace(/\s*\(.*\)$/, ''), alias)).toBe(actorNamed(name)![0]);
  });

  it('keep Heydar Aliyev apart from Ilham Aliyev, and Mammadov apart from Mammadyarov', () => {
    const mentionsOf = (id: string) => actors.get(id)!.mentions.map((m) => m.surface);
    expect(mentionsOf('heydar-aliyev')).toEqual(['Heydar Aliyev']);
    expect(mentionsOf('zaur-mammadov')).not.toContain('Mammadyarov');
    expect(mentionsOf('elmar-mammadyarov')).not.toContain('Mammadov');
  });
});

describe('the events of the seeds', () => {
  it.each(facts.eventsAtLeast)('include $date: $what', (gold) => {
    const words = normalizeKey(gold.what)
      .split(' ')
      .filter((w) => w.length >= 5);
    const match = events.find(
      (e) =>
        (e.date === gold.date || e.date.startsWith(`${gold.date}-`)) &&
        gold.seeds.every((s) => e.articles.some((a) => seedOf(a) === s)) &&
        words.some((w) =>
          normalizeKey(`${e.title} ${e.variants.map((v) => v.text).join(' ')}`).includes(w),
        ),
    );
    expect(match, gold.what).toBeDefined();
  });

  it('merge the crash of 25 December 2024 into one event reported by all five seeds', () => {
    const crashes = events.filter((e) => e.kind === 'crash');
    expect(crashes).toHaveLength(1);
    expect(crashes[0]!.date).toBe('2024-12-25');
    expect(crashes[0]!.articles.map(seedOf).sort()).toEqual(['000', '001', '002', '003', '004']);
  });

  it('keep each source’s account of the crash: casualties, people aboard and cause', () => {
    const crash = events.find((e) => e.kind === 'crash')!;
    // Each seed's fullest account: the variant that gives the most details.
    const claimsOf = (seed: string) =>
      crash.variants
        .filter((v) => seedOf(v.article) === seed)
        .map((v) => v.claims)
        .sort((a, b) => Object.keys(b).length - Object.keys(a).length)[0]!;
    expect(claimsOf('001')).toMatchObject({
      crew: '5',
      passengers: '62',
      dead: '38',
      over: 'Grozny',
      cause: 'a Russian surface-to-air missile',
    });
    expect(claimsOf('002')).toMatchObject({ dead: '38', place: 'Aktau' });
    expect(claimsOf('002').cause).toMatch(/air defenses mistakenly targeted/);
    expect(claimsOf('003')).toMatchObject({
      dead: '38',
      aboard: '67',
      cause: 'gunfire from the ground',
    });
    expect(claimsOf('000')).toMatchObject({ cause: 'shot down' });
  });

  it('keep the differing reasons given for the Russian House closure', () => {
    const closure = events.find((e) => e.kind === 'closure' && e.actors.includes('russian-house'))!;
    const claims = closure.variants.map((v) => ({ seed: seedOf(v.article), ...v.claims }));
    expect(claims).toContainEqual(
      expect.objectContaining({ seed: '003', reason: expect.stringMatching(/registration/) }),
    );
    expect(claims).toContainEqual(
      expect.objectContaining({ seed: '004', reason: expect.stringMatching(/registration/) }),
    );
    expect(claims).toContainEqual(
      expect.objectContaining({
        seed: '002',
        accusation: expect.stringMatching(/intelligence activities/),
      }),
    );
  });
});

describe('the quotes of the seeds', () => {
  it.each(facts.quotesAtLeast)('include $seed: $speaker — "$starts"', (gold) => {
    const quotes = corpus.articles
      .filter((a) => a.data.seedFile.startsWith(gold.seed))
      .flatMap((a) => a.data.quotes);
    const quote = quotes.find((q) => normalizeKey(q.text).startsWith(normalizeKey(gold.starts)));
    expect(quote, gold.starts).toBeDefined();
    expect(actors.get(quote!.speaker!)?.name).toBe(gold.speaker);
  });

  it('record the outlet a speaker spoke to', () => {
    const quotes = corpus.articles.flatMap((a) => a.data.quotes);
    expect(quotes.find((q) => q.text.startsWith('Putin only formally'))?.medium).toBe('dw');
    expect(quotes.find((q) => q.text.startsWith('Amid the ongoing invasion'))?.medium).toBe(
      'konkret-az',
    );
  });
});

describe('the measured extraction on the seeds', () => {
  it('reaches at least 90% recall and 85% precision for page facts, actors, events and quotes', () => {
    for (const [kind, s] of Object.entries(measure(knowledge))) {
      expect(s.found / s.total, `${kind} recall`).toBeGreaterThanOrEqual(0.9);
      expect(s.correct / s.produced, `${kind} precision`).toBeGreaterThanOrEqual(0.85);
    }
  });
});
