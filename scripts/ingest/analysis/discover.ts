import { slugify } from '../text.ts';
import type { Gazetteer } from './gazetteer.ts';
import {
  CALENDAR_WORDS,
  DOCUMENT_HEADS,
  FUNCTION_WORDS,
  GENERIC_INSTITUTION_WORDS,
  INSTITUTION_SYNONYMS,
  MEDIA_HEADS,
  NAME_PARTICLES,
  ORG_HEADS,
  isRoleWord,
  ROLES,
  SPEECH_VERBS,
  TITLES,
} from './lexicon.ts';
import { joinsName, type Token } from './tokens.ts';
import type { ActorInfo } from './types.ts';

/** A name found by the general rules, not by the knowledge file. */
export interface DiscoveredName {
  first: number;
  last: number;
  actor: ActorInfo;
  /**
   * An institution named only by its generic words ("the Interior Ministry"), with no country in
   * the sentence: whose it is depends on the article, so the caller decides (its name has none).
   */
  unqualified?: boolean;
}

/** Plural nouns that open a sentence before "of" and a name: "Shares of …", "Thousands of …". */
const PART_NOUNS = new Set(
  'shares members thousands hundreds dozens millions residents officials supporters workers employees leaders representatives delegates citizens families relatives units parts staff'.split(
    ' ',
  ),
);

const MONTH_ABBREVIATIONS = new Set('jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));

const NAME_CONNECTORS = new Set([
  'of',
  'for',
  'and',
  'the',
  'de',
  'del',
  'da',
  'al',
  'bin',
  'ibn',
  'van',
  'von',
  'der',
  'la',
  'le',
  'on',
]);
const DOMAIN =
  /^[\p{L}][\p{L}\p{N}-]*\.(?:az|ru|com|net|org|am|ge|ua|bg|tr|uk|de|fr|info|news|tv|kz|by|io|co)$/iu;

/** The lowercase word after a place's name that says what kind of place it is ("Huari province"). */
const PLACE_AFTER =
  /^\s+(?:province|region|district|department|county|prefecture|governorate|municipality|valley|river|basin|delta|estuary|peninsula|archipelago)\b/;
/** What kind of place a name is, in an appositive after it: "…, the regional capital", "…, a farming community". */
const PLACE_KIND_AFTER =
  /^,\s+(?:the|a)\s+(?:[\p{Ll}-]+\s+){0,2}(?:capital|city|town|village|port|district|province|region|suburb|neighbou?rhood|island|community|settlement|hamlet|commune|township)(?:[,.;:]|\s+(?:of|in|on|near|where|that|which|with|some|about|home)\b)/u;
/** Where a place is, after "in"/"near X": "…, in Senegal's south", "…, in the north of the country". */
const PLACE_COUNTRY_AFTER =
  /^,\s+in\s+(?:the\s+)?(?:\p{Lu}|(?:far\s+)?(?:north|south|east|west|centre|center|northern|southern|eastern|western|central)\b)/u;

/** Whether a token can be one word of a person's name: capitalised, lowercase after, no digits. */
function isNameWord(token: Token): boolean {
  return (
    /^(?:Mc|Mac|O['’]|D['’])?\p{Lu}[\p{Ll}\p{M}]+(?:[-'’]\p{Lu}?[\p{Ll}\p{M}]+)*$/u.test(
      token.text,
    ) &&
    !CALENDAR_WORDS.has(token.key) &&
    !TITLES.has(token.key)
  );
}

/** A name word, or an initial before one ("R. Venkataraman"). */
function isNameToken(text: string, token: Token): boolean {
  return isNameWord(token) || (/^\p{Lu}$/u.test(token.text) && text[token.end] === '.');
}

/** Maximal runs of unclaimed capitalised tokens, joined by spaces and name connectors. */
function capitalRuns(text: string, tokens: Token[], claimed: boolean[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let i = 0;
  while (i < tokens.length) {
    if (claimed[i] || !tokens[i]!.capital) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && !claimed[j + 1]) {
      const next = tokens[j + 1]!;
      // A bracket that closes ends the name: "Kestrel Bay Resources (KBR.AX) and PT …".
      if (text.slice(tokens[j]!.end, next.start).includes(')')) break;
      const joined =
        joinsName(text, tokens[j]!, next) ||
        // An initial: "R. Venkataraman".
        (/^\p{Lu}$/u.test(tokens[j]!.text) &&
          /^\.\s+$/.test(text.slice(tokens[j]!.end, next.start))) ||
        ((tokens[j]!.possessive ||
          // A plural's possessive: "Ancash Mineworkers' Union", "Workers’ Party".
          (/s$/.test(tokens[j]!.text) &&
            /^['’]\s+$/.test(text.slice(tokens[j]!.end, next.start)))) &&
          next.capital &&
          ORG_HEADS.has(next.key));
      if (!joined) break;
      if (next.capital) j++;
      else if (
        NAME_CONNECTORS.has(next.key) &&
        tokens[j + 2]?.capital &&
        !CALENDAR_WORDS.has(tokens[j + 2]!.key) &&
        !/^\d/.test(tokens[j + 2]!.text) &&
        !claimed[j + 2] &&
        joinsName(text, next, tokens[j + 2]!)
      )
        j += 2;
      else break;
    }
    runs.push([i, j]);
    i = j + 1;
  }
  return runs;
}

/** Canonical spelling of an institution written two ways ("Foreign Ministry"). */
function canonicalInstitution(name: string): string {
  for (const [re, canonical] of INSTITUTION_SYNONYMS) if (re.test(name)) return canonical;
  return name;
}

/** The country a name is qualified by: an adjective in the run, or a possessive country before it. */
function qualifierBefore(
  tokens: Token[],
  first: number,
  gazetteer: Gazetteer,
  countryAt: (i: number) => string | null,
): string | null {
  const before = tokens[first - 1];
  if (before?.possessive) return countryAt(first - 1);
  const adjective = gazetteer.adjectives.get(tokens[first]?.key ?? '');
  return adjective ?? null;
}

/** Whether a role noun stands right before the name ("political scientist and MP X"). */
function hasRoleBefore(tokens: Token[], first: number): boolean {
  const prev = tokens[first - 1];
  return prev !== undefined && (isRoleWord(prev.key) || TITLES.has(prev.key));
}

/** Whether the text after a name introduces it: ", a journalist", ", the UN climate chief", "said", "told". */
function hasIntroductionAfter(text: string, tokens: Token[], last: number): boolean {
  const rest = text.slice(tokens[last]!.end, tokens[last]!.end + 80);
  // An age is said only of people: "Luis Carrera, 38, a site engineer", "X, a 17-year-old".
  if (/^,\s+(?:\d{1,3},\s|(?:a|an)\s+\d{1,3}-year-old\b)/.test(rest)) return true;
  // The role may be any of the appositive's first words: its head comes last ("the UN climate chief").
  // A clause ("New York, where the mayor …") is not an appositive.
  const appositive = /^,\s+((?:[\p{L}'’-]+\s+){0,4}[\p{L}]+)/u.exec(rest)?.[1]!.split(/\s+/);
  const opener = appositive?.[0]!.toLowerCase() ?? '';
  if (
    appositive &&
    (!FUNCTION_WORDS.has(opener) || /^(?:a|an|the|who)$/.test(opener)) &&
    appositive.some((word) => isRoleWord(word.toLowerCase()))
  )
    return true;
  const verb = /^\s+(?:(?:also|has|had|then|later|once)\s+)?([\p{Ll}]+)/u.exec(rest);
  return verb !== null && SPEECH_VERBS.has(verb[1]!) && verb[1] !== 'according';
}

/** Whether a name stands between commas with a verb of saying after it: ", Thomas Brenner, said". */
function isCommaSetSpeaker(text: string, tokens: Token[], first: number, last: number): boolean {
  if (!/,\s*$/.test(text.slice(Math.max(0, tokens[first]!.start - 3), tokens[first]!.start)))
    return false;
  const verb = /^,\s+(\p{Ll}+)/u.exec(text.slice(tokens[last]!.end, tokens[last]!.end + 20));
  return verb !== null && SPEECH_VERBS.has(verb[1]!) && verb[1] !== 'according';
}

/**
 * Whether a token is a listed title or role ("Minister", "President-elect", "Justices"); not a
 * word merely formed like a role, which in a capitalised run is more often a surname ("Lindqvist").
 */
function isTitleWord(token: Token): boolean {
  const key = token.key.replace(/-elect$/, '');
  return TITLES.has(key) || ROLES.has(key) || (key.endsWith('s') && TITLES.has(key.slice(0, -1)));
}

/**
 * Where a person's name starts in a run: after the last title or role in it ("Urban
 * Development Minister H. Mallikarjun"), and after a title phrase with a connector ("Secretary
 * of State Antony Blinken"); the run's start when it holds no title.
 */
function findPersonStart(text: string, tokens: Token[], first: number, last: number): number {
  let lastTitle = -1;
  for (let k = first; k <= last; k++) if (isTitleWord(tokens[k]!)) lastTitle = k;
  if (lastTitle < 0) return first;
  const k = lastTitle + 1;
  if (k <= last && !isNameToken(text, tokens[k]!)) {
    const inTitle = (i: number) =>
      GENERIC_INSTITUTION_WORDS.has(tokens[i]!.key) || ORG_HEADS.has(tokens[i]!.key);
    let start = last + 1;
    while (start - 1 >= k && isNameWord(tokens[start - 1]!) && !inTitle(start - 1)) start--;
    return start;
  }
  return k;
}

/**
 * Finds names the knowledge file does not hold, by the way news prose introduces them: people
 * with a role or a verb of saying, institutions by their head word (qualified by a country when
 * the text gives one), media by a web domain or by being told or interviewed.
 */
export function discoverNames(
  text: string,
  tokens: Token[],
  claimed: boolean[],
  sentenceStart: (i: number) => boolean,
  gazetteer: Gazetteer,
  countryAt: (i: number) => string | null,
  speakerSurnames: ReadonlySet<string> = new Set(),
): DiscoveredName[] {
  const found: DiscoveredName[] = [];
  for (const [runFirst, runLast] of capitalRuns(text, tokens, claimed)) {
    let first = runFirst;
    while (
      first <= runLast &&
      (FUNCTION_WORDS.has(tokens[first]!.key) ||
        // A number before a name counts it ("24 National Assembly constituencies", "of 3,800").
        /^\d[\d.,]*$/.test(tokens[first]!.text) ||
        // "US-based Veridian Labs", "Mumbai-based Vardhan Group": where it is, not its name.
        /-(?:based|led|backed|owned|run|listed|registered|headquartered)$/i.test(
          tokens[first]!.text,
        ) ||
        // "May the African Union …", "June 9 (Atlas Wire)": a date before a name is not part of it.
        (CALENDAR_WORDS.has(tokens[first]!.key) &&
          (FUNCTION_WORDS.has(tokens[first + 1]?.key ?? '') ||
            /^\d/.test(tokens[first + 1]?.text ?? ''))) ||
        // "Feb 10 (Tidewater Wire)": a month's abbreviation before its day.
        (MONTH_ABBREVIATIONS.has(tokens[first]!.key) &&
          /^\d/.test(tokens[first + 1]?.text ?? '')) ||
        (sentenceStart(first) && tokens[first]!.key.endsWith('ly')))
    )
      first++;
    // "Shares of Northbridge Metals rose", "Members of the Mineworkers' Union said": a common
    // noun opening the sentence, and its "of", are not part of the name after them.
    if (
      first < runLast - 1 &&
      sentenceStart(first) &&
      PART_NOUNS.has(tokens[first]!.key) &&
      tokens[first + 1]!.key === 'of'
    ) {
      first += 2;
      while (first <= runLast && FUNCTION_WORDS.has(tokens[first]!.key)) first++;
    }
    const qualifier =
      first <= runLast ? qualifierBefore(tokens, first, gazetteer, countryAt) : null;
    while (first <= runLast && gazetteer.adjectives.has(tokens[first]!.key)) first++;
    if (first > runLast) continue;
    const last = runLast;
    const run = tokens.slice(first, last + 1);
    const end = run[run.length - 1]!.end;
    // "National Office of Electoral Processes (ONPE)": the name keeps the bracket it opened.
    const opened =
      text.slice(run[0]!.start, end).split('(').length >
      text.slice(run[0]!.start, end).split(')').length;
    const surface = text.slice(run[0]!.start, opened && text[end] === ')' ? end + 1 : end);
    const keys = run.map((t) => t.key);

    if (run.length === 1 && DOMAIN.test(run[0]!.text)) {
      found.push({ first, last, actor: makeActor(surface, 'media', null) });
      continue;
    }
    // Places introduced as such: "the town of Osterby", "the Kazakh city of Aktau", "Huari
    // province", "in Huaraz, the regional capital", "at Kafountine, in Senegal's south".
    const textBefore = text.slice(Math.max(0, run[0]!.start - 20), run[0]!.start);
    const textAfter = text.slice(end, end + 60);
    if (
      /\b(?:city|town|village|region|province|port|island|district|mayor|residents|inhabitants|villagers|outskirts) of\s+$/i.test(
        textBefore,
      ) ||
      (run.length <= 3 && PLACE_AFTER.test(textAfter) && !keys.some((k) => ORG_HEADS.has(k))) ||
      (run.length <= 4 &&
        !keys.some((k) => ORG_HEADS.has(k)) &&
        (PLACE_KIND_AFTER.test(textAfter) ||
          (/\b(?:in|near|off|outside|at|from|of)\s+$/.test(textBefore) &&
            PLACE_COUNTRY_AFTER.test(textAfter))))
    ) {
      found.push({ first, last, actor: makeActor(surface, 'place', qualifier) });
      continue;
    }
    // Where someone works, after their role: "an analyst at Linden Harcourt", "head of research
    // at Banyan Sekuritas", "a senior fellow at the Centre for …". The pattern, slow on every
    // run, is tried only where "at" stands right before the name.
    const employer = /\bat\s+(?:the\s+)?$/.test(
      text.slice(Math.max(0, run[0]!.start - 8), run[0]!.start),
    )
      ? /\b((?:[\p{Ll}-]+\s+){0,3}[\p{Ll}-]+)\s+at\s+(?:the\s+)?$/u.exec(
          text.slice(Math.max(0, run[0]!.start - 50), run[0]!.start),
        )
      : null;
    if (
      employer &&
      run.length <= 5 &&
      employer[1]!.split(/\s+/).some((w) => isRoleWord(w)) &&
      !run.some((t) => TITLES.has(t.key) || isRoleWord(t.key))
    ) {
      found.push({ first, last, actor: makeActor(surface, 'organisation', qualifier) });
      continue;
    }
    // A title and a name after an institution's word are a person ("Chief Cabinet Secretary X").
    const personFirst = findPersonStart(text, tokens, first, last);
    const tail = tokens.slice(personFirst, last + 1);
    const titledPerson =
      personFirst > first &&
      tail.length >= 2 &&
      tail.length <= 4 &&
      tail.every((t) => isNameToken(text, t) && !ORG_HEADS.has(t.key)) &&
      !tail.some((t) => GENERIC_INSTITUTION_WORDS.has(t.key));
    const head = titledPerson ? undefined : keys.find((k) => ORG_HEADS.has(k));
    if (head && run.length >= 2) {
      const canonical = canonicalInstitution(surface.replace(/['’]s\b/g, "'s"));
      const generic = keys.every((k) => ORG_HEADS.has(k) || GENERIC_INSTITUTION_WORDS.has(k));
      if (generic && !qualifier) {
        found.push({
          first,
          last,
          actor: makeActor(canonical, 'organisation', null),
          unqualified: true,
        });
        continue;
      }
      const country = qualifier ? gazetteer.entries.get(qualifier) : undefined;
      const name = generic && country ? `${canonical} (${country.name})` : canonical;
      const kind = MEDIA_HEADS.has(keys[keys.length - 1]!) ? 'media' : 'organisation';
      found.push({ first, last, actor: makeActor(name, kind, qualifier) });
      continue;
    }
    // People: two to four name words, introduced by a role or a verb of saying; a title over
    // two names joined by "and" introduces both ("Justices R. Venkataraman and Meera Sood").
    const before = tokens[first - 1];
    const introduced =
      personFirst > first ||
      hasRoleBefore(tokens, first) ||
      hasIntroductionAfter(text, tokens, last) ||
      (before !== undefined && SPEECH_VERBS.has(before.key) && before.key !== 'according') ||
      /according to\s*$/i.test(
        text.slice(Math.max(0, tokens[first]!.start - 14), tokens[first]!.start),
      ) ||
      // A name set between commas before a verb of saying: "the fund's mission chief for
      // Indonesia, Thomas Brenner, said".
      isCommaSetSpeaker(text, tokens, first, last) ||
      // A speaker's label opening an interview answer: "Enkhjargal Dorj: My cousin lost …".
      (first === 0 && /^:\s/.test(text.slice(tokens[last]!.end, tokens[last]!.end + 2))) ||
      // "When Mariama Diatta's husband …", and later "Diatta said": the article quotes her.
      (last > first && speakerSurnames.has(tokens[last]!.key));
    if (!introduced) continue;
    const and = tokens.findIndex((t, k) => k > personFirst && k < last && t.key === 'and');
    const spans: Array<[number, number]> =
      and > 0
        ? [
            [personFirst, and - 1],
            [and + 1, last],
          ]
        : [[personFirst, last]];
    for (const [from, to] of spans) {
      const person = tokens.slice(from, to + 1);
      // "Pieter van Wyk": a particle inside the name.
      const nameWord = (t: Token, k: number) =>
        k < person.length - 1
          ? isNameToken(text, t) || (k > 0 && NAME_PARTICLES.has(t.text))
          : isNameWord(t);
      if (person.length < 2 || person.length > 4 || !person.every(nameWord)) continue;
      if (DOCUMENT_HEADS.has(person.at(-1)!.key)) continue;
      const name = text.slice(person[0]!.start, person[person.length - 1]!.end);
      found.push({ first: from, last: to, actor: makeActor(name, 'person', qualifier) });
    }
  }
  return found;
}

/**
 * The surnames an article gives as speakers on their own ("Diatta said", "said Huanca"), by
 * which a full name it writes without a role or a verb of saying is known to be a person's.
 * Read from the paragraphs' tokens, which the name rules have already made.
 */
export function findSpeakerSurnames(
  paragraphs: Array<{ text: string; tokens: Token[] }>,
): Set<string> {
  const found = new Set<string>();
  const isSurname = (t: Token) => /^\p{Lu}[\p{Ll}\p{M}'’-]+$/u.test(t.text);
  const glued = (text: string, a: Token, b: Token) => /^\s+$/.test(text.slice(a.end, b.start));
  for (const { text, tokens } of paragraphs)
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (!SPEECH_VERBS.has(t.key) || t.key === 'according' || t.capital) continue;
      // "Diatta said", "Diatta also said"; not "the Caucasus continues", "the Ministry stated".
      let k = i - 1;
      if (tokens[k]?.key === 'also') k--;
      const before = tokens[k];
      if (
        before &&
        isSurname(before) &&
        glued(text, before, tokens[k + 1]!) &&
        tokens[k - 1]?.key !== 'the' &&
        !FUNCTION_WORDS.has(before.key) &&
        !ORG_HEADS.has(before.key)
      )
        found.add(before.key);
      // "said Huanca", not "said Ana Huanca" (a full name, which the rules read themselves).
      const after = tokens[i + 1];
      if (
        after &&
        /^(?:said|says|added|told|recalled|explained)$/.test(t.key) &&
        isSurname(after) &&
        glued(text, t, after) &&
        !(tokens[i + 2]?.capital && glued(text, after, tokens[i + 2]!))
      )
        found.add(after.key);
    }
  return found;
}

/** Finds media named as a source in quotes or after "told"/"interview with" ("told "Konkret.az""). */
export function discoverQuotedMedia(
  text: string,
): Array<{ start: number; end: number; name: string }> {
  const out: Array<{ start: number; end: number; name: string }> = [];
  // The name runs over its capitalised words ("told The Naira Ledger"), not to the first space.
  const re =
    /\b(?:told|interview with|TV channel|channel|news agency|media agency|agency|newspaper|outlet|website|portal|platforms?|magazine)\s+["“*\\]*([\p{Lu}][\p{L}\p{N}.\-]*(?:\s+[\p{Lu}\p{N}][\p{L}\p{N}.\-]*){0,4})["”*\\]*(?=[\s,.;:)]|$)/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[1]!.replace(/\.$/, '').trim();
    // "told Ana Ruiz": a person's name is left to the rules for people.
    if (/^\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+){1,2}$/u.test(name) && !/^the\s/i.test(name)) continue;
    // "told Congress", "told the Senate": an institution, unless its words say it is a medium.
    const words = name.toLowerCase().split(/\s+/);
    if (ORG_HEADS.has(words.at(-1)!) && !words.some((w) => MEDIA_HEADS.has(w))) continue;
    const start = m.index + m[0].indexOf(name);
    out.push({ start, end: start + name.length, name });
  }
  return out;
}

/**
 * An institution's name without the bracket after it, and the acronym the bracket gives:
 * "Bank Indonesia (BI)" is Bank Indonesia, also called BI, the same actor as "Bank Indonesia"
 * written alone. A stock ticker ("KBR.AX", "ASX: KBR") or a bracket left open is dropped.
 */
function splitBracket(name: string): { base: string; acronym: string | null } {
  const m = /^(.+?)\s*\(([^()]*)\)?$/u.exec(name);
  if (!m) return { base: name, acronym: null };
  const inside = m[2]!.trim();
  const closed = name.endsWith(')');
  if (
    closed &&
    inside.length <= 12 &&
    /^\p{Lu}[\p{Lu}\p{Ll}&-]*\p{Lu}[\p{Lu}\p{Ll}&-]*$/u.test(inside)
  )
    return { base: m[1]!, acronym: inside };
  // "(KBR.AX)", "(ASX: KBR)", "(ASX": a listing, not a name. A country ("(China)") stays.
  if (!closed || /[.:\d]/.test(inside)) return { base: m[1]!, acronym: null };
  return { base: name, acronym: null };
}

/** An unreviewed actor named by the rules. */
export function makeActor(
  name: string,
  kind: ActorInfo['kind'],
  affiliation: string | null,
): ActorInfo {
  const { base, acronym } =
    kind === 'organisation' || kind === 'media'
      ? splitBracket(name)
      : { base: name, acronym: null };
  return {
    id: slugify(base, 10),
    name: base,
    kind,
    aliases: acronym ? [acronym] : [],
    description: null,
    affiliation,
    reviewed: false,
  };
}
