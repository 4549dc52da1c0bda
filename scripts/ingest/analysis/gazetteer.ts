import type { KnownActor } from '../../../src/schema.ts';
import type { Knowledge } from '../extract.ts';
import { compareStrings } from '../text.ts';
import { foldName, tokenize } from './tokens.ts';

/** A known actor as the analysis uses it: the knowledge entry, and whether it came from outlets. */
export interface KnownEntry extends KnownActor {
  fromOutlets: boolean;
}

/** Lookup tables built once from the knowledge files. */
export interface Gazetteer {
  entries: Map<string, KnownEntry>;
  /** Folded token sequence of every name and alias → actor ids. */
  names: Map<string, string[]>;
  /** Longest name, in tokens, so that matching can try the longest reading first. */
  longest: number;
  /**
   * Every word-boundary prefix of every name ("nagorno", "nagorno karabakh"), so that most tokens
   * are ruled out as the start of a name by one lookup. A token's key may hold several words.
   */
  namePrefixes: Set<string>;
  /** Folded adjective or demonym → country id. */
  adjectives: Map<string, string>;
  /** Folded surname → ids of the known people who carry it. */
  surnames: Map<string, string[]>;
  /** Keys written only in capitals ("WHO", "US"), which match only capitals: "Who", "us" are words. */
  acronyms: Set<string>;
}

const built = new WeakMap<Knowledge, Gazetteer>();

function addName(map: Map<string, string[]>, key: string, id: string): void {
  if (!key) return;
  const ids = map.get(key) ?? [];
  if (!ids.includes(id)) ids.push(id);
  map.set(key, ids.sort(compareStrings));
}

/** Folds a name into the token key used in the lookup tables. */
export function nameKey(name: string): string {
  return tokenize(name)
    .map((t) => t.key)
    .join(' ');
}

/**
 * Builds (once per knowledge object) the name tables: curated actors, plus every known outlet
 * as a medium, so that "told DW" and an actor page for DW use the same id.
 */
export function getGazetteer(knowledge: Knowledge): Gazetteer {
  const cached = built.get(knowledge);
  if (cached) return cached;
  const entries = new Map<string, KnownEntry>();
  for (const actor of knowledge.actors) entries.set(actor.id, { ...actor, fromOutlets: false });
  for (const outlet of knowledge.outlets) {
    if (entries.has(outlet.id)) continue;
    entries.set(outlet.id, {
      id: outlet.id,
      name: outlet.name,
      kind: 'media',
      aliases: [...outlet.aliases, ...(outlet.fullName ? [outlet.fullName] : [])],
      description: outlet.fullName && outlet.fullName !== outlet.name ? outlet.fullName : null,
      affiliation: outlet.country,
      standsFor: null,
      adjectives: [],
      fromOutlets: true,
    });
  }
  const names = new Map<string, string[]>();
  const adjectives = new Map<string, string>();
  const surnames = new Map<string, string[]>();
  let longest = 1;
  const spelledOtherwise = new Set<string>();
  const acronyms = new Set<string>();
  for (const entry of [...entries.values()].sort((a, b) => compareStrings(a.id, b.id))) {
    for (const name of [entry.name, ...entry.aliases]) {
      const key = nameKey(name);
      addName(names, key, entry.id);
      longest = Math.max(longest, key.split(' ').length);
      if (/\p{Ll}/u.test(name.replace(/^the\s+/i, '')) || !/\p{Lu}.*\p{Lu}/u.test(name))
        spelledOtherwise.add(key);
      else acronyms.add(key);
    }
    for (const adjective of entry.adjectives) adjectives.set(foldName(adjective), entry.id);
    if (entry.kind === 'person') {
      for (const name of [entry.name, ...entry.aliases]) {
        const tokens = nameKey(name).split(' ');
        if (tokens.length >= 2) addName(surnames, tokens[tokens.length - 1]!, entry.id);
      }
    }
  }
  const namePrefixes = new Set<string>();
  for (const key of names.keys())
    for (let at = key.indexOf(' '); at !== -1; at = key.indexOf(' ', at + 1))
      namePrefixes.add(key.slice(0, at));
  for (const key of names.keys()) namePrefixes.add(key);
  for (const key of spelledOtherwise) acronyms.delete(key);
  const gazetteer = { entries, names, longest, namePrefixes, adjectives, surnames, acronyms };
  built.set(knowledge, gazetteer);
  return gazetteer;
}
