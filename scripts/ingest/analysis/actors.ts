import type { BodyParagraph } from '../structure.ts';
import { paragraphText } from '../structure.ts';
import { compareStrings, normalizeKey } from '../text.ts';
import {
  discoverNames,
  discoverQuotedMedia,
  findSpeakerSurnames,
  makeActor,
  type DiscoveredName,
} from './discover.ts';
import { indexInstitutionTails, indexLegalNames, stripLegalForm } from './fold-names.ts';
import { nameKey, type Gazetteer } from './gazetteer.ts';
import { DIRECTION_WORDS, FUNCTION_WORDS, TITLES } from './lexicon.ts';
import { readCapitalUse, resolveSurname, widenOverTitles, type NamedPerson } from './resolve.ts';
import { joinsName, sentenceSpans, tokenize, type Token } from './tokens.ts';
import type { ActorInfo, CountrySignal, Mention, Sentence } from './types.ts';

/** Everything the name rules read from one article. */
export interface ArticleNames {
  sentences: Sentence[];
  mentions: Mention[];
  signals: CountrySignal[];
  /** Every actor the article names, curated or discovered, by id. */
  actors: Map<string, ActorInfo>;
}

interface ParagraphScan {
  paragraph: BodyParagraph;
  index: number;
  text: string;
  tokens: Token[];
  tokenSentence: number[];
  claimed: boolean[];
  /** Single capitalised words that may be surnames, resolved once the whole article is read. */
  surnames: number[];
}

/** Whether every word of a matched name that is not a function word is capitalised. */
function isCapitalised(tokens: Token[], first: number, last: number): boolean {
  let any = false;
  for (let k = first; k <= last; k++) {
    const t = tokens[k]!;
    if (t.capital) any = true;
    else if (!FUNCTION_WORDS.has(t.key)) return false;
  }
  return any;
}

/** Finds the longest curated name starting at token i, if any. */
function matchKnown(
  scan: ParagraphScan,
  i: number,
  gazetteer: Gazetteer,
): { last: number; ids: string[] } | null {
  const { tokens, text } = scan;
  // A name opens with a capital or a function word ("the Kremlin"): most words are neither,
  // and the reference's thousands of places make many of them the first word of some name.
  if (!tokens[i]!.capital && !FUNCTION_WORDS.has(tokens[i]!.key)) return null;
  if (!gazetteer.namePrefixes.has(tokens[i]!.key)) return null;
  let key = '';
  let best: { last: number; ids: string[] } | null = null;
  for (let k = i; k < tokens.length && k - i < gazetteer.longest; k++) {
    if (k > i && !joinsName(text, tokens[k - 1]!, tokens[k]!)) break;
    if (scan.claimed[k]) break;
    key = key ? `${key} ${tokens[k]!.key}` : tokens[k]!.key;
    // No known name goes on this way: stop before reading further words.
    if (!gazetteer.namePrefixes.has(key)) break;
    const ids = gazetteer.names.get(key);
    if (
      ids &&
      isCapitalised(tokens, i, k) &&
      !(
        gazetteer.acronyms.has(key) &&
        /\p{Ll}/u.test(text.slice(tokens[i]!.start, tokens[k]!.end).replace(/^the\s+/i, ''))
      )
    )
      best = { last: k, ids };
  }
  if (!best) return null;
  // A known name glued to a further capitalised word is part of a longer, unknown name
  // ("Moscow Declaration", "Russia Today"), unless that word opens a known name itself.
  const next = tokens[best.last + 1];
  if (
    next &&
    next.capital &&
    joinsName(text, tokens[best.last]!, next) &&
    // "Portugal (ALEP)": a bracket after a name opens an aside, not a longer name.
    !text.slice(tokens[best.last]!.end, next.start).includes('(') &&
    !gazetteer.names.has(next.key) &&
    !gazetteer.adjectives.has(next.key)
  ) {
    if (gazetteer.entries.get(best.ids[0]!)?.kind !== 'person') return null;
  }
  // A place name going on with a particle is a longer place ("Santa Rosa de Pampac", "San
  // Pedro de Atacama"), not the city of the shorter name elsewhere.
  const kindOfBest = gazetteer.entries.get(best.ids[0]!)?.kind;
  if (
    kindOfBest === 'place' &&
    /^\s+(?:de|del|da|do|dos|das|di|du|des|de la|de los|de las)\s+\p{Lu}/u.test(
      text.slice(tokens[best.last]!.end, tokens[best.last]!.end + 16),
    )
  )
    return null;
  // Likewise a place glued to a name word before it is a surname ("Denise Paris"), unless that
  // word is a direction ("Eastern Ukraine") or names something itself.
  const prev = tokens[i - 1];
  const kind = gazetteer.entries.get(best.ids[0]!)?.kind;
  if (
    prev &&
    (kind === 'place' || kind === 'country') &&
    /^\p{Lu}\p{Ll}+$/u.test(prev.text) &&
    // A participle or adverb opening the sentence ("Neighbouring Tanzania") is no first name.
    !/(?:ing|ed|ly)$/.test(prev.key) &&
    joinsName(text, prev, tokens[i]!) &&
    !scan.claimed[i - 1] &&
    !FUNCTION_WORDS.has(prev.key) &&
    !DIRECTION_WORDS.has(prev.key) &&
    !TITLES.has(prev.key) &&
    !gazetteer.namePrefixes.has(prev.key) &&
    !gazetteer.adjectives.has(prev.key)
  )
    return null;
  return best;
}

function toActorInfo(gazetteer: Gazetteer, id: string): ActorInfo {
  const e = gazetteer.entries.get(id)!;
  return {
    id: e.id,
    name: e.name,
    kind: e.kind,
    aliases: e.aliases,
    description: e.description,
    affiliation: e.affiliation,
    reviewed: true,
  };
}

/**
 * Gives a short name back to the longer one the article wrote: "Cerro Alto said" after "Compañía
 * Minera Cerro Alto" is the company, not a person the rules took from the verb of saying; "Santa
 * Rosa" after "Santa Rosa de Pampac" is the village.
 */
function foldShortNamesIntoInstitutions(
  actors: Map<string, ActorInfo>,
  mentions: Array<{ actor: string }>,
): void {
  const byTail = indexInstitutionTails(actors.values());
  const byLegalName = indexLegalNames(actors.values());
  const places = [...actors.values()].filter((a) => !a.reviewed && a.kind === 'place');
  for (const actor of [...actors.values()]) {
    let owner: ActorInfo | null | undefined;
    if (!actor.reviewed && actor.kind === 'person') {
      owner = byTail.get(normalizeKey(actor.name));
    } else if (!actor.reviewed && actor.kind === 'organisation') {
      // "Kestrel Bay Resources" after "Kestrel Bay Resources Ltd".
      const company = byLegalName.get(stripLegalForm(actor.name));
      owner = company?.id === actor.id ? undefined : company;
    } else if (actor.kind === 'place') {
      // "Santa Rosa" after "Santa Rosa de Pampac": the village, not a city of that name elsewhere.
      const head = `${normalizeKey(actor.name)} `;
      owner = places.find((p) => p !== actor && normalizeKey(p.name).startsWith(head));
    }
    if (!owner) continue;
    for (const m of mentions) if (m.actor === actor.id) m.actor = owner.id;
    actors.delete(actor.id);
  }
}

/**
 * The country an article is about: the one its mentions name most, directly or as the country of
 * a place or body named, when it is named at least three times and twice as often as any other.
 */
function findHomeCountry(
  mentions: Mention[],
  actors: Map<string, ActorInfo>,
  gazetteer: Gazetteer,
): string | null {
  const counts = new Map<string, number>();
  for (const m of mentions) {
    const actor = actors.get(m.actor);
    const country =
      actor?.kind === 'country'
        ? actor.id
        : actor?.affiliation && gazetteer.entries.get(actor.affiliation)?.kind === 'country'
          ? actor.affiliation
          : null;
    if (country) counts.set(country, (counts.get(country) ?? 0) + 1);
  }
  const [first, second] = [...counts].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]));
  if (!first || first[1] < 3 || (second && first[1] < 2 * second[1])) return null;
  return first[0];
}

/**
 * Reads every actor mention of an article: curated names and aliases (longest first), capitals
 * used for their states, names introduced by the general rules, and then surnames resolved
 * against the people the article names in full.
 */
export function findActorMentions(paragraphs: BodyParagraph[], gazetteer: Gazetteer): ArticleNames {
  const sentences: Sentence[] = [];
  const mentions: Mention[] = [];
  const signals: CountrySignal[] = [];
  const actors = new Map<string, ActorInfo>();
  const people: NamedPerson[] = [];
  const scans: ParagraphScan[] = [];
  const unqualified: Array<{ scan: ParagraphScan; found: DiscoveredName }> = [];

  const addMention = (
    scan: ParagraphScan,
    first: number,
    last: number,
    actor: ActorInfo,
    use: Mention['use'],
    surfaceFirst = first,
  ) => {
    for (let k = surfaceFirst; k <= last; k++) scan.claimed[k] = true;
    if (!actors.has(actor.id)) actors.set(actor.id, actor);
    const start = scan.tokens[surfaceFirst]!.start;
    let end = scan.tokens[last]!.end;
    // "Azerbaijan Airlines (AZAL)": keep the bracket the name opened.
    if (
      scan.text.slice(start, end).split('(').length >
        scan.text.slice(start, end).split(')').length &&
      scan.text[end] === ')'
    )
      end++;
    mentions.push({
      actor: actor.id,
      paragraph: scan.paragraph.id,
      paragraphIndex: scan.index,
      sentence: scan.tokenSentence[first]!,
      start,
      end,
      surface: scan.text.slice(start, end),
      use,
    });
    if (actor.kind === 'person' && last > first) {
      people.push({
        id: actor.id,
        surname: scan.tokens[last]!.key,
        position: scan.index * 1e6 + start,
      });
    }
  };

  const read = paragraphs.map((paragraph) => {
    const text = paragraphText(paragraph);
    return { text, tokens: tokenize(text) };
  });
  const speakerSurnames = findSpeakerSurnames(read);
  paragraphs.forEach((paragraph, index) => {
    const { text, tokens } = read[index]!;
    const spans = sentenceSpans(text);
    const tokenSentence = tokens.map(
      (t) =>
        sentences.length +
        Math.max(
          0,
          spans.findIndex((s) => t.start >= s.start && t.start < s.end + 1),
        ),
    );
    for (const s of spans)
      sentences.push({
        index: sentences.length,
        paragraph: paragraph.id,
        paragraphIndex: index,
        start: s.start,
        end: s.end,
        text: s.text,
      });
    const scan: ParagraphScan = {
      paragraph,
      index,
      text,
      tokens,
      tokenSentence,
      claimed: tokens.map(() => false),
      surnames: [],
    };
    scans.push(scan);
    const sentenceStart = (i: number) => i === 0 || tokenSentence[i - 1] !== tokenSentence[i];

    for (let i = 0; i < tokens.length; i++) {
      if (scan.claimed[i]) continue;
      const match = matchKnown(scan, i, gazetteer);
      if (!match) continue;
      const id = match.ids[0]!;
      const entry = gazetteer.entries.get(id)!;
      if (entry.standsFor && readCapitalUse(tokens, i, match.last) === 'actor') {
        addMention(scan, i, match.last, toActorInfo(gazetteer, entry.standsFor), 'actor');
      } else {
        const surfaceFirst =
          entry.kind === 'person' ? widenOverTitles(text, tokens, i, scan.claimed, gazetteer) : i;
        addMention(
          scan,
          i,
          match.last,
          toActorInfo(gazetteer, id),
          entry.standsFor ? 'place' : 'actor',
          surfaceFirst,
        );
      }
      i = match.last;
    }
    for (const media of discoverQuotedMedia(text)) {
      const first = tokens.findIndex((t) => t.start >= media.start);
      const last = tokens.findLastIndex((t) => t.end <= media.end);
      if (
        first < 0 ||
        last < first ||
        tokens.slice(first, last + 1).some((_, k) => scan.claimed[first + k])
      )
        continue;
      if (gazetteer.names.has(nameKey(media.name))) continue;
      addMention(scan, first, last, makeActor(media.name, 'media', null), 'actor');
    }
    const countryAt = (i: number): string | null => {
      const m = mentions.findLast((x) => x.paragraphIndex === index && x.end === tokens[i]!.end);
      const actor = m ? actors.get(m.actor) : undefined;
      return actor?.kind === 'country' ? actor.id : null;
    };
    for (const found of discoverNames(
      text,
      tokens,
      scan.claimed,
      sentenceStart,
      gazetteer,
      countryAt,
      speakerSurnames,
    )) {
      if (found.unqualified) {
        unqualified.push({ scan, found });
        continue;
      }
      const known = gazetteer.names.get(nameKey(found.actor.name));
      const actor = known
        ? toActorInfo(gazetteer, known[0]!)
        : (actors.get(found.actor.id) ?? found.actor);
      const surfaceFirst =
        actor.kind === 'person'
          ? widenOverTitles(text, tokens, found.first, scan.claimed, gazetteer)
          : found.first;
      addMention(scan, found.first, found.last, actor, 'actor', surfaceFirst);
    }
    for (let i = 0; i < tokens.length; i++) {
      if (scan.claimed[i]) continue;
      const country = gazetteer.adjectives.get(tokens[i]!.key);
      if (country && tokens[i]!.capital)
        signals.push({
          country,
          paragraphIndex: index,
          sentence: tokenSentence[i]!,
          start: tokens[i]!.start,
        });
      else if (tokens[i]!.capital && /^\p{Lu}[\p{Ll}\p{M}]+$/u.test(tokens[i]!.text))
        scan.surnames.push(i);
    }
  });

  // "The Interior Ministry said …" with no country near it is the ministry of the country the
  // article is about, when one is; in an article about two, whose it is stays unknown.
  const home = unqualified.length ? findHomeCountry(mentions, actors, gazetteer) : null;
  for (const { scan, found } of home ? unqualified : []) {
    if (scan.claimed.slice(found.first, found.last + 1).some(Boolean)) continue;
    const name = `${found.actor.name} (${gazetteer.entries.get(home!)!.name})`;
    const known = gazetteer.names.get(nameKey(name));
    const actor = known
      ? toActorInfo(gazetteer, known[0]!)
      : (actors.get(makeActor(name, 'organisation', home).id) ??
        makeActor(name, 'organisation', home));
    addMention(scan, found.first, found.last, actor, 'actor');
  }

  // "KPPU said" after "the Business Competition Supervisory Commission (KPPU)": the acronym the
  // article gave an institution it named, wherever it stands alone.
  const byAcronym = new Map<string, ActorInfo | null>();
  for (const actor of actors.values())
    if (!actor.reviewed && (actor.kind === 'organisation' || actor.kind === 'media'))
      for (const alias of actor.aliases)
        byAcronym.set(alias, byAcronym.has(alias) && byAcronym.get(alias) !== actor ? null : actor);
  if (byAcronym.size > 0)
    for (const scan of scans)
      for (let i = 0; i < scan.tokens.length; i++) {
        const actor = scan.claimed[i] ? undefined : byAcronym.get(scan.tokens[i]!.text);
        if (actor) addMention(scan, i, i, actor, 'actor');
      }

  for (const scan of scans) {
    for (const i of scan.surnames) {
      if (scan.claimed[i]) continue;
      const token = scan.tokens[i]!;
      const id = resolveSurname(token.key, scan.index * 1e6 + token.start, people, gazetteer);
      if (!id) continue;
      const actor = actors.get(id) ?? toActorInfo(gazetteer, id);
      addMention(
        scan,
        i,
        i,
        actor,
        'actor',
        widenOverTitles(scan.text, scan.tokens, i, scan.claimed, gazetteer),
      );
    }
  }
  foldShortNamesIntoInstitutions(actors, mentions);
  mentions.sort(
    (a, b) =>
      a.paragraphIndex - b.paragraphIndex || a.start - b.start || compareStrings(a.actor, b.actor),
  );
  return { sentences, mentions, signals, actors };
}
