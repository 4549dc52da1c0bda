import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../../scripts/ingest/pipeline.ts';
import { ROOT } from '../../helpers/seeds.ts';
import { makeTempDir } from '../../helpers/temp.ts';

/** Writes a knowledge folder from file name → entries, and loads it. */
function loadFrom(files: Record<string, unknown[]>) {
  const dir = makeTempDir('knowledge');
  for (const [file, entries] of Object.entries(files))
    writeFileSync(path.join(dir, file), JSON.stringify(entries));
  return loadKnowledge(dir);
}

describe('the general reference beside a corpus’s curated knowledge', () => {
  it('adds the reference’s countries and outlets that the curated files do not name', () => {
    const knowledge = loadFrom({
      'actors.json': [{ id: 'ada-lind', name: 'Ada Lind', kind: 'person' }],
      'world-actors.json': [
        { id: 'kenya', name: 'Kenya', kind: 'country', adjectives: ['Kenyan'] },
      ],
      'world-outlets.json': [{ id: 'reuters', name: 'Reuters' }],
    });
    expect(knowledge.actors.map((a) => a.id)).toEqual(['ada-lind', 'kenya']);
    expect(knowledge.outlets.map((o) => o.id)).toEqual(['reuters']);
  });

  it('lets a curated entry win over a reference entry with its id or one of its spellings', () => {
    const knowledge = loadFrom({
      'actors.json': [
        { id: 'georgia-state', name: 'Georgia', kind: 'place', description: 'US state' },
        { id: 'kenya', name: 'Kenya', kind: 'country', description: 'Curated' },
      ],
      'world-actors.json': [
        { id: 'georgia', name: 'Georgia', kind: 'country' },
        { id: 'kenya', name: 'Kenya', kind: 'country', description: 'Reference' },
        { id: 'britain', name: 'United Kingdom', aliases: ['the UK'], kind: 'country' },
      ],
      'outlets.json': [{ id: 'ap-curated', name: 'AP', aliases: ['Associated Press'] }],
      'world-outlets.json': [
        { id: 'associated-press', name: 'The AP', aliases: ['Associated Press'] },
      ],
    });
    expect(knowledge.actors.map((a) => [a.id, a.description])).toEqual([
      ['georgia-state', 'US state'],
      ['kenya', 'Curated'],
      ['britain', null],
    ]);
    expect(knowledge.outlets.map((o) => o.id)).toEqual(['ap-curated']);
  });

  it('holds every country of the project’s reference once, each with a description', () => {
    const knowledge = loadKnowledge(path.join(ROOT, 'content/knowledge'));
    const countries = knowledge.actors.filter((a) => a.kind === 'country');
    expect(countries.length).toBeGreaterThanOrEqual(195);
    expect(new Set(countries.map((c) => c.name)).size).toBe(countries.length);
    for (const country of countries) expect(country.description, country.id).toBeTruthy();
    for (const capital of knowledge.actors.filter((a) => a.standsFor))
      expect(
        knowledge.actors.some((a) => a.id === capital.standsFor),
        capital.id,
      ).toBe(true);
  });
});

describe('the general reference of places and international bodies', () => {
  const knowledge = loadKnowledge(path.join(ROOT, 'content/knowledge'));
  const byName = new Map(knowledge.actors.map((a) => [a.name, a]));

  it('places each city and region in a country of the reference', () => {
    const countries = new Set(
      knowledge.actors.filter((a) => a.kind === 'country').map((a) => a.id),
    );
    const reference = JSON.parse(
      readFileSync(path.join(ROOT, 'content/knowledge/world-actors.json'), 'utf8'),
    ) as Array<{ id: string; kind: string; affiliation: string | null }>;
    const places = reference.filter((a) => a.kind === 'place');
    expect(places.length).toBeGreaterThan(2000);
    for (const place of places) expect(countries.has(place.affiliation ?? ''), place.id).toBe(true);
    expect(byName.get('Toronto')?.affiliation).toBe('canada');
    expect(byName.get('Minas Gerais')?.affiliation).toBe('brazil');
    expect(byName.get('Banjul')?.standsFor).toBe('gambia');
  });

  it('writes a name with marks also without them, as English texts do', () => {
    expect(byName.get('Kandahār')?.aliases).toContain('Kandahar');
  });

  it('leaves out places whose names are also first names or English words', () => {
    for (const name of ['Sydney', 'Victoria', 'Charlotte', 'Reading', 'Nice', 'Split', 'Farah'])
      expect(byName.get(name)?.kind, name).not.toBe('place');
  });

  it('knows the regional blocs and UN agencies that news about any region names', () => {
    for (const alias of ['ECOWAS', 'SADC', 'OCHA', 'UNDP', 'IACHR', 'Africa CDC'])
      expect(
        knowledge.actors.some((a) => a.aliases.includes(alias)),
        alias,
      ).toBe(true);
  });
});
