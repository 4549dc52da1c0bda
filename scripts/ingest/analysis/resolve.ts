import { compareStrings } from '../text.ts';
import type { Gazetteer } from './gazetteer.ts';
import { LOCATIVES, TITLES } from './lexicon.ts';
import { joinsName, type Token } from './tokens.ts';

/**
 * Decides whether a capital or seat of power names the place ("in Baku", "flights to Moscow")
 * or the state it stands for ("Baku reacted", "Moscow's decision", "between Baku and Moscow").
 */
export function readCapitalUse(tokens: Token[], first: number, last: number): 'actor' | 'place' {
  if (tokens[last]!.possessive) return 'actor';
  let k = first - 1;
  if (tokens[k]?.key === 'the') k--;
  const before = tokens[k];
  return before && LOCATIVES.has(before.key) ? 'place' : 'actor';
}

/**
 * Widens a person's name leftwards over capitalised titles and one nationality before them,
 * so the surface reads "Azerbaijani President Ilham Aliyev" rather than "Ilham Aliyev".
 */
export function widenOverTitles(
  text: string,
  tokens: Token[],
  first: number,
  claimed: boolean[],
  gazetteer: Gazetteer,
): number {
  let k = first;
  while (
    k > 0 &&
    !claimed[k - 1] &&
    tokens[k - 1]!.capital &&
    TITLES.has(tokens[k - 1]!.key) &&
    joinsName(text, tokens[k - 1]!, tokens[k]!)
  )
    k--;
  if (
    k < first &&
    k > 0 &&
    !claimed[k - 1] &&
    gazetteer.adjectives.has(tokens[k - 1]!.key) &&
    joinsName(text, tokens[k - 1]!, tokens[k]!)
  )
    k--;
  return k;
}

/** A person named in an article by full name, at a position in reading order. */
export interface NamedPerson {
  id: string;
  surname: string;
  /** Reading-order position: paragraph index × 1e6 + offset. */
  position: number;
}

/**
 * Resolves a bare surname: to the person of that surname named in full most recently before it
 * in the same article, else to the first named after it, else to the only known person who bears
 * it. Two known people sharing it with neither named in the article leaves it unresolved.
 */
export function resolveSurname(
  surname: string,
  position: number,
  people: NamedPerson[],
  gazetteer: Gazetteer,
): string | null {
  const same = people.filter((p) => p.surname === surname);
  const before = same.filter((p) => p.position < position).sort((a, b) => b.position - a.position);
  if (before.length) return before[0]!.id;
  const after = same.sort((a, b) => a.position - b.position || compareStrings(a.id, b.id));
  if (after.length) return after[0]!.id;
  const known = gazetteer.surnames.get(surname) ?? [];
  return known.length === 1 ? known[0]! : null;
}
