import type { BodyParagraph } from '../structure.ts';
import { paragraphText } from '../structure.ts';
import { compareStrings } from '../text.ts';
import { readClaims } from './claims.ts';
import { CALENDAR_WORDS, SPEECH_VERBS } from './lexicon.ts';
import { findQuotedSpans } from './tokens.ts';
import type { ActorInfo, CountrySignal, Mention, Sentence } from './types.ts';
import { readDates, type DatePoint, type ReadDate } from './when.ts';

/** A happening one article reports: dated, or an undated reference to be matched later. */
export interface EventCandidate {
  paragraph: string;
  paragraphIndex: number;
  /** The sentence that reports it. */
  text: string;
  title: string;
  kind: string;
  date: DatePoint | null;
  /** `text`: the sentence dates it; `context`: the passage around it does; null: undated. */
  dateSource: 'text' | 'context' | null;
  /** Actor ids with their kinds, for weighing what two reports share. */
  actors: Record<string, ActorInfo['kind']>;
  claims: Record<string, string>;
  /** The words of the sentence that tell this happening: all of it, unless it tells several. */
  clause: string;
}

/**
 * Words that say what kind of thing happened, strongest first. A "strong" kind is specific enough
 * for an undated mention ("the closure of X") to be matched to a dated report of it.
 */
const TRIGGERS: Array<{ kind: string; strong: boolean; re: RegExp }> = [
  {
    kind: 'crash',
    strong: true,
    re: /\b(?:crash(?:ed|es)?|downing|shot down|went down|plane incident|air disaster)\b/gi,
  },
  { kind: 'invasion', strong: true, re: /\b(?:invaded|invasion|invade)\b/gi },
  {
    kind: 'closure',
    strong: true,
    re: /\b(?:closure|closed|shut down|shutdown|ceased (?:its|their) (?:activities|operations|work))\b/gi,
  },
  {
    kind: 'ban',
    strong: true,
    re: /\b(?:persona non grata|banned|banning|barred|expelled|expulsion|entry ban)\b/gi,
  },
  {
    kind: 'block',
    strong: true,
    re: /\b(?:blocked|blocking|restrict(?:ed|ing)? access|restrictions were imposed)\b/gi,
  },
  {
    kind: 'arrest',
    strong: true,
    re: /\b(?:arrest(?:ed|s)?|detain(?:ed)?|detention|raid(?:s|ed)?|police operation|seiz(?:ed|ures?))\b/gi,
  },
  {
    kind: 'release',
    strong: true,
    re: /\b(?:freed|(?:was|were|been|be|being) (?:[a-z]+ )?released|released (?:\d+|all|the (?:last|remaining|first)|a (?:first|second|further) (?:group|batch))|release of (?:all |the |every )?(?:[a-z]+ )?(?:detainees?|prisoners?|hostages?|captives?|crews?|workers|activists|journalists))\b/gi,
  },
  {
    kind: 'recall',
    strong: true,
    re: /\b(?:recall(?:ed|s|ing)? (?:its|their|the|his|her) ambassador|recall of (?:its|their|the) ambassador|ambassadors? (?:was|were|has been|had been) recalled)\b/gi,
  },
  { kind: 'resignation', strong: true, re: /\b(?:resign(?:ed|s|ation)?|stepped down)\b/gi },
  {
    kind: 'protest',
    strong: true,
    re: /\b(?:protest(?:s|ed|ers)?|demonstrat(?:ions?|ors)|marched)\b/gi,
  },
  {
    kind: 'disaster',
    strong: true,
    re: /\b(?:flood(?:s|ed|ing)?|earthquakes?|wildfires?|hurricanes?|storms?|explosions?|landslides?|tsunami|collaps(?:e|ed|es)|gave way)\b/gi,
  },
  { kind: 'killing', strong: true, re: /\b(?:killed|killing|died|dying|deaths?)\b/gi },
  { kind: 'attack', strong: true, re: /\b(?:attack(?:ed|s)?|shelling|bombing|airstrikes?)\b/gi },
  { kind: 'war', strong: true, re: /\bwar\b/gi },
  { kind: 'election', strong: true, re: /\belect(?:ed|ions?)\b/gi },
  { kind: 'agreement', strong: false, re: /\b(?:signed|agreement|treaty|agreed (?:to|on))\b/gi },
  { kind: 'apology', strong: false, re: /\b(?:apologi[sz]ed|apology)\b/gi },
  {
    kind: 'meeting',
    strong: false,
    re: /\b(?:hosted|met with|meeting|summit|talks|visited|discussion|conference)\b/gi,
  },
  {
    kind: 'statement',
    strong: false,
    re: /\b(?:stated|said|says|announced|declared|highlighted|claimed|reaffirmed|told|interview|warned|stressed)\b/gi,
  },
];

/** Whether a kind is specific enough for an undated mention to be matched to a dated report. */
export function isStrongKind(kind: string): boolean {
  return TRIGGERS.some((t) => t.kind === kind && t.strong);
}

const STATISTIC_VERB =
  /\b(?:amounted|reached|accounted|exceeded|totall?ed|grew|rose|fell|increased|decreased|produced|exported|imported)\b/i;
const STATISTIC_FIGURE = /[$€£%]|\b(?:percent|billion|million|tonnes|tons|barrels)\b/i;

interface TriggerHit {
  kind: string;
  strong: boolean;
  index: number;
  length: number;
  word: string;
}

/**
 * All the triggers as one pattern, one capture group each: a sentence is read once rather than
 * once per kind, which was the event reader's largest cost. No word matches two kinds.
 */
const ANY_TRIGGER = new RegExp(TRIGGERS.map((t) => `(${t.re.source})`).join('|'), 'gi');

const kindOrder = new Map(TRIGGERS.map((t, i) => [t.kind, i]));

const hitCache = new Map<string, TriggerHit[]>();

/** Every trigger word in a sentence, in the order of TRIGGERS; a sentence is asked up to three times. */
function findTriggerHits(text: string): TriggerHit[] {
  let hits = hitCache.get(text);
  if (hits) return hits;
  hits = [];
  // exec rather than matchAll, which copies the pattern on every call.
  ANY_TRIGGER.lastIndex = 0;
  for (let m = ANY_TRIGGER.exec(text); m; m = ANY_TRIGGER.exec(text)) {
    let group = 1;
    while (m[group] === undefined) group++;
    const t = TRIGGERS[group - 1]!;
    hits.push({
      kind: t.kind,
      strong: t.strong,
      index: m.index,
      length: m[0].length,
      word: m[0].toLowerCase(),
    });
  }
  // Stable: within a kind, hits stay in the order of the text.
  hits.sort((a, b) => kindOrder.get(a.kind)! - kindOrder.get(b.kind)!);
  if (hitCache.size > 1000) hitCache.clear();
  hitCache.set(text, hits);
  return hits;
}

/**
 * The trigger nearest to a position in a sentence (the date), or the first one if no position;
 * only within the given stretches of the sentence, if any.
 */
function nearestTrigger(
  text: string,
  at: number | null,
  strongOnly = false,
  within: Span[] | null = null,
): TriggerHit | null {
  let best: TriggerHit | null = null;
  for (const hit of findTriggerHits(text)) {
    if (strongOnly && !hit.strong) continue;
    if (within && !within.some((s) => hit.index >= s.start && hit.index < s.end)) continue;
    const distance = at === null ? hit.index : Math.abs(hit.index - at);
    const bestDistance =
      best === null ? Infinity : at === null ? best.index : Math.abs(best.index - at);
    if (distance < bestDistance) best = hit;
  }
  return best;
}

/** A stretch of a sentence, by offsets. */
interface Span {
  start: number;
  end: number;
}

/** A clause of a sentence, with the mark or word that opens it ("," "when" "after"). */
interface Segment extends Span {
  lead: string;
}

/** A title and the stretches of the sentence it was read from. */
interface Piece {
  text: string;
  spans: Span[];
  /** A named happening ("the 2019 river war") keeps its year. */
  named?: boolean;
}

/** Stands in for masked text (brackets, dates, a dateline): neither a cut, a word nor a space. */
const FILL = '\u0001';
const FILL_RUN = new RegExp(`${FILL}+`, 'g');

const CLAUSE_CUT =
  /[,;:](?!\d)\s*|—\s*|\s[–-]\s+|\s+(?:after|when|while|because|although|whereas|since)\s+/g;
/** Words that open a clause which says something about a noun before it, not what happened. */
const RELATIVE = /^(?:which|who|whom|whose|where)\b/i;
const SUBORDINATE =
  /^(?:after|when|while|because|although|following|whereas|since|before|until|as soon as)\b/i;
/** How a clause that only sets the scene begins: a preposition, or a time ("Two days later"). */
const OPENING =
  /^(?:in|on|at|by|during|amid|for|from|over|within|under|until|throughout|after|before|since|with|according to)\b/i;
const TIME_PHRASE =
  /^(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+)\s+)?(?:hours?|days?|weeks?|months?|years?)(?:\s+(?:later|earlier|ago|after|before))?$|^(?:later|earlier|then|meanwhile)$/i;
const DETERMINER = /^(?:the|a|an|its|their|his|her|our|this|that|these|those|of)$/i;
/** Past and present forms that mark a finite verb, beyond the regular "-ed". */
const VERB_FORMS = new Set(
  `met told said says took gave made held left lost won went came began begun became shut put hit sent led fell rose drew
  broke spoke wrote found saw ran stood kept paid sold brought fought sought struck swept fled quit knew grew threw
  drove flew sank is are was were has have had did does will would could should must puts calls sees gives takes makes
  holds remains stands wants needs plans denies accuses insists argues claims warns faces seeks tells shows finds keeps
  comes goes gets leaves opens meets agrees describes`.split(/\s+/),
);
const NOT_PAST =
  /^(?:need|seed|feed|speed|breed|bleed|creed|greed|shed|bed|red|hundred|sacred|naked|wicked)$/;
/** A light clause that only says a happening began; the clause after "when" says what it was. */
const LIGHT_CLAUSE =
  /^(?:[\p{L}'’-]+\s+){0,3}(?:began|started|erupted|escalated|happened|occurred|came to a head)$/iu;

function splitWords(text: string): Array<{ text: string; start: number }> {
  return [...text.matchAll(/[\p{L}\p{M}][\p{L}\p{M}'’-]*|\d[\d,.]*/gu)].map((m) => ({
    text: m[0],
    start: m.index!,
  }));
}

/** Where the first finite verb of a text starts (a regular past form or a listed one), or -1. */
function findVerb(text: string): number {
  const words = splitWords(text);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.text.replace(/['’]s$/, '');
    if (!/^\p{Ll}/u.test(w)) continue;
    if (VERB_FORMS.has(w)) return words[i]!.start;
    // "the detained men", "12 detained miners": after a determiner or a figure, an adjective.
    if (/^\p{Ll}{2,}ed$/u.test(w) && !NOT_PAST.test(w)) {
      const prev = words[i - 1]?.text ?? '';
      if (!DETERMINER.test(prev) && !/^\d/.test(prev)) return words[i]!.start;
    }
  }
  return -1;
}

/** Drops masked text and the joining words before a clause ("and", "then", "saying that"). */
function stripJoiners(text: string): string {
  return text
    .replace(FILL_RUN, ' ')
    .replace(
      /^\s*(?:(?:and|but|then|so|also|later|however|meanwhile|when|while|as|that|after|before|since|following|once|because|although|until|saying|adding|claiming|insisting)\b[\s,]*)+/i,
      '',
    );
}

function sliceSpan(bare: string, span: Span): string {
  return bare.slice(span.start, span.end);
}

/** A stretch without its dates, joining words and the prepositions its dates leave behind. */
function readCore(bare: string, span: Span): string {
  return stripJoiners(sliceSpan(bare, span))
    .replace(/\b(?:on|in|by|at|during|of)\s+(?=[\s,.;:]|$)/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function isVerbFirst(bare: string, span: Span): boolean {
  const core = readCore(bare, span);
  return core.length > 0 && findVerb(core) === 0;
}

/**
 * Masks brackets, a lead-in label ("TV:", "Q:"), a dateline ("OSTERBY, May 2 (Agency) -") and,
 * in `bare`, the dates too, keeping every offset: what is left is what the sentence says happened.
 */
function maskSentence(text: string, dates: ReadDate[]): { bare: string; dateline: Span | null } {
  let masked = text.replace(/\s*\([^()]*\)/g, (m) => FILL.repeat(m.length));
  const label = /^(?:[\p{Lu}][\p{L}.'’-]*\s?){1,3}:\s+(?=[\p{Lu}“"‘])/u.exec(masked);
  if (label) masked = FILL.repeat(label[0].length) + masked.slice(label[0].length);
  const line = new RegExp(
    `^\\p{Lu}[\\p{Lu}\\p{M}\\s/'’.-]{1,40},\\s[^—–]{0,30}?[\\s${FILL}]*\\s[-–—]\\s+`,
    'u',
  ).exec(masked);
  let dateline: Span | null = null;
  if (line && !/\p{Ll}{4}/u.test(line[0].replace(CALENDAR_NAME, ''))) {
    dateline = { start: 0, end: line[0].length };
    masked = FILL.repeat(line[0].length) + masked.slice(line[0].length);
  }
  let bare = masked;
  for (const d of dates)
    bare = bare.slice(0, d.start) + FILL.repeat(d.end - d.start) + bare.slice(d.end);
  return { bare, dateline };
}

const CALENDAR_NAME =
  /\b(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi;

/** Cuts a sentence into clauses; a clause after a comma that opens with "when" is led by it. */
function splitSegments(bare: string): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  let lead = '';
  const close = (end: number) => {
    const opener = SUBORDINATE.exec(bare.slice(start, end).trimStart());
    out.push({
      start,
      end,
      lead: /^\p{L}/u.test(lead) || !opener ? lead : opener[0].toLowerCase(),
    });
  };
  for (const m of bare.matchAll(CLAUSE_CUT)) {
    close(m.index!);
    start = m.index! + m[0].length;
    lead = m[0].trim().toLowerCase();
  }
  close(bare.length);
  return out;
}

/** A clause that only sets the scene: no verb, a date or a preposition ("In a 2024 interview"). */
function isOpening(bare: string, span: Span): boolean {
  const core = readCore(bare, span);
  if (!/\p{L}{2}/u.test(core)) return true;
  return (
    findVerb(core) < 0 &&
    (OPENING.test(sliceSpan(bare, span).replace(FILL_RUN, '').trim()) || TIME_PHRASE.test(core))
  );
}

/** The subject of a clause: what stands before its verb ("The mayor had resigned"). */
function findClauseSubject(bare: string, span: Span): Piece | null {
  const text = sliceSpan(bare, span);
  const verb = findVerb(text);
  if (verb <= 0) return null;
  let from = 0;
  // "X confirmed that the inspectors had …": the subject is after the last "that".
  const that = /^.*\bthat\s+/s.exec(text.slice(0, verb));
  if (that) from = that[0].length;
  // "In 2020 it sold": a preposition left without its date is not part of the subject.
  const lead = new RegExp(
    `^(?:[\\s${FILL}]*(?:and|but|then|so|also|saying|adding|in|on|at|by|during)?[\\s${FILL},]+)+`,
    'i',
  ).exec(text.slice(from, verb));
  if (lead) from += lead[0].length;
  const subject = text.slice(from, verb).replace(FILL_RUN, ' ').trim();
  if (!/\p{L}{2}/u.test(subject) || subject.split(/\s+/).length > 12) return null;
  return { text: subject, spans: [{ start: span.start + from, end: span.start + verb }] };
}

/** Of noun phrases before a verb ("the club's chairman, X,"), the one to stand for the subject. */
function chooseNoun(bare: string, nouns: Segment[]): Piece | null {
  // A name ("the club's chairman, Henrik Dahl,") over the role before it; else the first noun.
  const named = nouns.find((n) => {
    const words = sliceSpan(bare, n).replace(FILL_RUN, ' ').trim().split(/\s+/);
    return words.length <= 4 && words.every((w) => /^\p{Lu}/u.test(w));
  });
  const pick = named ?? nouns[0];
  if (!pick) return null;
  const text = stripJoiners(sliceSpan(bare, pick)).trim();
  return text ? { text, spans: [pick] } : null;
}

/** A relative or subordinate clause: it says something about the clause it hangs on. */
function isSubordinate(bare: string, seg: Segment): boolean {
  return (
    RELATIVE.test(sliceSpan(bare, seg).replace(FILL_RUN, '').trim()) || SUBORDINATE.test(seg.lead)
  );
}

/** A side remark: a relative or subordinate clause, or a participle ("citing …"). */
function isAside(bare: string, seg: Segment): boolean {
  return (
    isSubordinate(bare, seg) ||
    /^\p{Ll}+ing\b/u.test(sliceSpan(bare, seg).replace(FILL_RUN, '').trim())
  );
}

/**
 * The subject a clause leaves out ("…, cancelled the festival on 2 May"): the noun before it in
 * the same clause, the subject of the clause before, or the noun phrases that open the sentence,
 * passing over relative clauses, participles and asides.
 */
function findSubject(bare: string, segs: Segment[], i: number, from: number): Piece | null {
  const seg = segs[i]!;
  if (from > seg.start) {
    const prefix = { start: seg.start, end: from };
    const own = findClauseSubject(bare, prefix);
    if (own) return own;
    const core = readCore(bare, prefix);
    if (core && findVerb(core) < 0 && !isOpening(bare, prefix))
      return { text: core, spans: [prefix] };
  }
  const nouns: Segment[] = [];
  for (let j = i - 1; j >= 0; j--) {
    const s = segs[j]!;
    const text = sliceSpan(bare, s).replace(FILL_RUN, '').trim();
    if (!text || isAside(bare, s)) continue;
    if (/^[“"‘]/.test(text) || /[”"’]$/.test(text) || isOpening(bare, s)) break;
    const verb = findVerb(text);
    // "Berg, a lawyer who worked for the bank, is …": a noun with its relative clause.
    if (verb >= 0 && !/\b(?:who|which|whom|whose)\s+(?:\S+\s+){0,2}$/i.test(text.slice(0, verb))) {
      // "The inspectors found that the pumps …, which …, had failed": the noun after "that".
      const after = /\bthat\s+([^]*)$/.exec(text.slice(verb));
      if (after && findVerb(after[1]!) < 0 && /\p{L}{2}/u.test(after[1]!)) {
        const start = s.end - after[1]!.length;
        return { text: after[1]!.trim(), spans: [{ start, end: s.end }] };
      }
      // Noun phrases between two verbs followed an object ("closed the bridge, the only road,").
      const subject = findClauseSubject(bare, s);
      if (subject) return subject;
      continue;
    }
    nouns.unshift(s);
  }
  return chooseNoun(bare, nouns);
}

/** The subject of the sentence's first full clause, which "it" and "they" stand for. */
function findMainSubject(bare: string, segs: Segment[]): Piece | null {
  for (const s of segs) {
    if (isOpening(bare, s) || isAside(bare, s)) continue;
    const subject = findClauseSubject(bare, s);
    return subject && !/^(?:it|they|he|she|this|that)$/i.test(subject.text) ? subject : null;
  }
  return null;
}

function joinPieces(a: Piece | null, b: Piece): Piece {
  return a ? { text: `${a.text} ${stripJoiners(b.text)}`, spans: [...a.spans, ...b.spans] } : b;
}

/** "the March 2019 sinking of a ferry off X": the noun phrase a date or an event word opens. */
function findNounPhrase(text: string, bare: string, unit: Span, at: Span): Piece | null {
  const before = text.slice(unit.start, at.start);
  const article = /\bthe\s+$/i.exec(before);
  if (!article || !nearestTrigger(bare.slice(at.end), 0, false, [{ start: 0, end: 2 }]))
    return null;
  const start = at.start - article[0].length;
  const rest = bare.slice(start, unit.end);
  const stop = /\s(?:and|to|which|that|who|but|as)\s/.exec(rest);
  const verb = findVerb(rest.slice(article[0].length));
  const ends = [stop?.index, verb >= 0 ? verb + article[0].length : undefined, rest.length];
  const end = start + Math.min(...ends.filter((e): e is number => e !== undefined));
  const phrase = bare.slice(start, end).replace(FILL_RUN, ' ').replace(/\s+/g, ' ').trim();
  return phrase.split(' ').length >= 5 ? { text: phrase, spans: [{ start, end }] } : null;
}

/**
 * The clause that says what happened at a position in a sentence (a date, an event word): the
 * clause holding it, with the subject it leaves out; after an opening phrase ("On Friday,"), the
 * main clause; before "…, when" with nothing of its own to say ("The strike began on 3 May,
 * when …"), the clause after "when".
 */
function findClauseAt(
  text: string,
  bare: string,
  segs: Segment[],
  i: number,
  unit: Span,
  at: Span,
): Piece {
  const seg = segs[i]!;
  const own: Piece = { text: sliceSpan(bare, unit), spans: [unit] };
  const noun =
    /\bthe ((?:19|20)\d{2}(?:\s+[\p{L}-]+){0,3}?\s+(?:war|crisis|elections?|conflict|crash|invasion))\b/u.exec(
      text.slice(unit.start, unit.end),
    );
  if (noun && unit.start + noun.index + 4 === at.start) {
    const start = unit.start + noun.index + 4;
    return { text: noun[1]!, spans: [{ start, end: start + noun[1]!.length }], named: true };
  }
  const phrase = findNounPhrase(text, bare, unit, at);
  if (phrase) return phrase;
  const previous = segs[i - 1];
  const opening = isOpening(bare, unit);
  // "… landed in Osterby on Saturday, 4 May, at the club's invitation", "closed the
  // schools of X, Y and Z on 2 May": a clause of a date and nouns dates the clause before.
  if (
    (opening || (unit.start === seg.start && findVerb(readCore(bare, unit)) < 0)) &&
    previous &&
    !isAside(bare, previous) &&
    findVerb(sliceSpan(bare, previous)) >= 0
  )
    return findClauseAt(text, bare, segs, i - 1, previous, {
      start: previous.end,
      end: previous.end,
    });
  if (opening) {
    const nouns: Segment[] = [];
    for (let j = i + 1; j < segs.length; j++) {
      const s = segs[j]!;
      const clause = sliceSpan(bare, s).replace(FILL_RUN, '').trim();
      if (!clause || isAside(bare, s) || isOpening(bare, s)) continue;
      if (findVerb(clause) < 0) {
        nouns.push(s);
        continue;
      }
      const piece = { text: sliceSpan(bare, s), spans: [s] };
      return isVerbFirst(bare, s) ? joinPieces(chooseNoun(bare, nouns), piece) : piece;
    }
    if (nouns[0]) return { text: sliceSpan(bare, nouns[0]), spans: [nouns[0]] };
    // A closing "…, two days later, on 9 May": the clause before says what happened.
    for (let j = i - 1; j >= 0; j--)
      if (!isAside(bare, segs[j]!) && findVerb(sliceSpan(bare, segs[j]!)) >= 0)
        return { text: sliceSpan(bare, segs[j]!), spans: [segs[j]!] };
    return own;
  }
  const next = segs[i + 1];
  const core = readCore(bare, unit);
  const atEnd = !/\p{L}/u.test(bare.slice(at.end, unit.end));
  if (
    next?.lead === 'when' &&
    unit.end === seg.end &&
    atEnd &&
    (LIGHT_CLAUSE.test(core) ||
      /\bof\s+$/i.test(text.slice(unit.start, at.start)) ||
      !nearestTrigger(text, null, false, [unit]))
  )
    return { text: sliceSpan(bare, next), spans: [next] };
  if (RELATIVE.test(core) || isVerbFirst(bare, unit)) {
    const subject = findSubject(bare, segs, i, unit.start);
    return joinPieces(subject, { text: readCore(bare, unit).replace(RELATIVE, ''), spans: [unit] });
  }
  // "He confirmed that the curfew imposed on 2 May …": what was said happened.
  const that = [...text.slice(unit.start, at.start).matchAll(/\b(\p{L}+)\s+that\s+/gu)].pop();
  if (
    that &&
    (SPEECH_VERBS.has(that[1]!.toLowerCase()) || /^(?:found|showed|revealed)$/i.test(that[1]!))
  ) {
    const start = unit.start + that.index! + that[0].length;
    return { text: bare.slice(start, unit.end), spans: [{ start, end: unit.end }] };
  }
  return own;
}

/**
 * Cleans a clause into a title: no dates, brackets or joining words, at most sixteen words; an
 * opening "it" or "they" gives way to the sentence's subject, whose stretch the piece then covers.
 */
function cleanTitle(piece: Piece, subject: Piece | null): string {
  let text = stripJoiners(piece.text)
    .replace(/\b(?:on|in|by|at|during|of|dated)\s+(?=[\s,.;:?!]|$)/gi, ' ')
    .replace(/\s+/g, ' ')
    // "resigned on Friday, 9 May": the weekday of a date the title leaves out.
    .replace(
      /\s+(?:on\s+)?\p{Lu}\p{Ll}+day(?:\s+(?:morning|afternoon|evening|night))?[\s,.;:]*$/u,
      '',
    )
    .replace(/^[\s,.;:"“”‘’]+|[\s,.;:?!"“”‘’-]+$/g, '');
  if ((text.match(/["“”]/g)?.length ?? 0) % 2 === 1) text = text.replace(/["“”]/g, '');
  // The pronoun is put back as the sentence's subject, unless that subject is the pronoun's own
  // clause ("It beats the proposal made on Jan. 27 …"), which would say it twice.
  if (
    subject &&
    /^(?:it|they)\b/i.test(text) &&
    !/^(?:it|they)\b/i.test(subject.text) &&
    !text.includes(subject.text)
  ) {
    text = text.replace(/^(?:it|they)\b/i, subject.text);
    piece.spans.push(...subject.spans);
  }
  const words = text.split(' ');
  const short = words.length > 16 ? `${words.slice(0, 16).join(' ')}…` : text;
  return short.charAt(0).toUpperCase() + short.slice(1);
}

/** A title for what an event word reports, read from the clause that holds it. */
function writeTitleAround(sentence: string, at: number): string {
  const { bare } = maskSentence(sentence, []);
  const segs = splitSegments(bare);
  const i = Math.max(
    0,
    segs.findIndex((s) => at >= s.start && at < s.end),
  );
  const piece = findClauseAt(sentence, bare, segs, i, segs[i]!, { start: at, end: at });
  return cleanTitle(piece, findMainSubject(bare, segs)) || sentence.slice(0, 80);
}

/** A happening a sentence dates: the date, its title, where the title was read and its trigger. */
interface DatedHappening {
  point: ReadDate;
  title: string;
  spans: Span[];
  trigger: TriggerHit | null;
}

/** A subject that only points at a happening told elsewhere ("The tragic events in X …"). */
const VAGUE_HAPPENING =
  /^(?:the|these|those|this|that)\s+(?:[\p{L}-]+\s+){0,2}(?:events?|incidents?|developments?|tragedy|episode|affair)\b/iu;

/** Words that only attribute a report ("the council said on Monday"): no happening of their own. */
const ATTRIBUTION = /\b(?:said|says|told|announced|reported|added|confirmed)\b/;

/** The dates of a sentence that say when something happened, and not when something is due. */
function findEventDates(text: string, dates: ReadDate[]): ReadDate[] {
  return dates.filter((d) => {
    if (d.use !== 'point') return false;
    if (/\bdue\s+(?:in|on|by|at)?\s*$/i.test(text.slice(Math.max(0, d.start - 12), d.start)))
      return false;
    // "the third judge to resign this year": a year named only from publication is too vague.
    if (d.month === null && /\b(?:this|last|previous|past)\s+year\b/i.test(d.text)) return false;
    // "the 2025 harvest" dates a thing, not a happening; "the 2020 war" is one.
    return (
      !d.attributive ||
      nearestTrigger(text.slice(d.end, d.end + 40), 0, false, [{ start: 0, end: 30 }]) !== null
    );
  });
}

/** Cuts a clause between two of its dates: at the last "and" between them, or at the next verb. */
function splitUnits(
  bare: string,
  seg: Segment,
  inside: ReadDate[],
): Array<{ span: Span; point: ReadDate }> {
  const units: Array<{ span: Span; point: ReadDate }> = [];
  let start = seg.start;
  let first: ReadDate | null = null;
  const shared: ReadDate[] = [];
  for (let k = 0; k < inside.length; k++) {
    const d = inside[k]!;
    first ??= d;
    const next = inside[k + 1];
    if (!next) break;
    const gap = bare.slice(d.end, next.start);
    // "on 8 and 9 March", "in May and June": one stretch of time, one happening.
    if (/^[\s,]*(?:and|&|-|–|to|or)?[\s,]*$/i.test(gap)) continue;
    const joiner = [...gap.matchAll(/\s(?:and|but|then)\s/g)].pop();
    const verb = findVerb(gap);
    const cut = joiner ? d.end + joiner.index! : verb >= 0 ? d.end + verb : -1;
    if (cut < 0) {
      // "agreed on Monday to reopen the bridge on 20 May": one clause, a happening at each date.
      shared.push(first);
      first = null;
      continue;
    }
    for (const point of [...shared, first]) units.push({ span: { start, end: cut }, point });
    shared.length = 0;
    start = cut;
    first = null;
  }
  for (const point of first ? [...shared, first] : shared)
    units.push({ span: { start, end: seg.end }, point });
  return units;
}

/**
 * Reads the happenings a sentence dates. Each date in a clause of its own (or a stretch of a
 * clause, cut at "and" or at the next verb) is a happening, titled by that clause; a dateline's
 * date counts only when the sentence gives no other, and a closing attribution ("…, the council
 * said on Monday") none when it does.
 */
function readDatedHappenings(text: string, dates: ReadDate[]): DatedHappening[] {
  const points = findEventDates(text, dates);
  if (!points.length) return [];
  const { bare, dateline } = maskSentence(text, dates);
  const segs = splitSegments(bare);
  const body = points.filter((d) => !dateline || d.start >= dateline.end);
  const units: Array<{ seg: number; span: Span; point: ReadDate }> = [];
  if (!body.length) {
    // A dateline dates the sentence it opens.
    const i = segs.findIndex((s) => s.end > dateline!.end && /\p{L}/u.test(sliceSpan(bare, s)));
    if (i < 0) return [];
    const span = { start: Math.max(segs[i]!.start, dateline!.end), end: segs[i]!.end };
    units.push({ seg: i, span, point: { ...points[0]!, start: span.start, end: span.start } });
  } else
    segs.forEach((seg, i) => {
      const inside = body.filter((d) => d.start >= seg.start && d.end <= seg.end);
      for (const u of splitUnits(bare, seg, inside)) units.push({ seg: i, ...u });
    });
  const last = segs.length - 1;
  const kept = units.filter(
    (u) =>
      units.length === 1 ||
      !(
        u.seg === last &&
        ATTRIBUTION.test(sliceSpan(bare, u.span)) &&
        readCore(bare, u.span).split(' ').length <= 8
      ),
  );
  const subject = findMainSubject(bare, segs);
  const main = segs.filter(
    (s) => !isSubordinate(bare, s) && (!dateline || s.start >= dateline.end),
  );
  const out: DatedHappening[] = [];
  kept.forEach((u, k) => {
    const before = kept[k - 1];
    const core = readCore(bare, u.span);
    let piece = findClauseAt(text, bare, segs, u.seg, u.span, u.point);
    let trigger =
      nearestTrigger(text, u.point.start, true, piece.spans) ??
      nearestTrigger(text, u.point.start, false, piece.spans) ??
      (kept.length === 1 && !isSubordinate(bare, segs[u.seg]!)
        ? nearestTrigger(text, u.point.start, false, main)
        : null);
    // "Twelve prisoners were released on 2 May and the last four on 9 May": the verb of the stretch
    // before serves this one too.
    if (before && before.seg === u.seg && before.span.end === u.span.start && findVerb(core) < 0) {
      const verb = findVerb(sliceSpan(bare, before.span));
      if (verb >= 0) {
        const from = { start: before.span.start + verb, end: before.span.end };
        const head = core.replace(/[\s.,;:!?]+$/, '');
        piece = { text: `${head} ${readCore(bare, from)}`, spans: [u.span, from] };
        trigger = out[out.length - 1]?.trigger ?? trigger;
      }
    }
    out.push({ point: u.point, title: cleanTitle(piece, subject), spans: piece.spans, trigger });
  });
  return out;
}

/** Whether a text holds a word of the given kind of happening ("detained" for an arrest). */
export function tellsKind(text: string, kind: string): boolean {
  return findTriggerHits(text).some((hit) => hit.kind === kind);
}

/**
 * How well a title says what happened: a clause with its subject and verb beats a noun phrase, a
 * clause that lacks its subject ("Told reporters") or a fragment.
 */
export function rateTitle(title: string): number {
  const words = title.split(/\s+/);
  const verb = findVerb(title.charAt(0).toLowerCase() + title.slice(1));
  let score = 0;
  if (verb === 0 || RELATIVE.test(title) || /^\p{Ll}+ing\b/iu.test(title)) score -= 3;
  else if (verb > 0) score += 2;
  if (words.length < 3) score -= 2;
  if (title.endsWith('…')) score -= 1;
  return score;
}

/** Marks names the analysis could not classify; they help match reports but never become actors. */
export const UNRESOLVED_NAME = 'name:';

/**
 * The actors named in some sentences, by id and kind; in the first of them only within the given
 * stretches, when a sentence reports several happenings and each keeps the actors of its clause.
 */
function actorsIn(
  sentenceIndexes: number[],
  mentions: Mention[],
  signals: CountrySignal[],
  actors: Map<string, ActorInfo>,
  sentences: Sentence[],
  within: Span[] | null = null,
): Record<string, ActorInfo['kind']> {
  const out: Record<string, ActorInfo['kind']> = {};
  const inside = (sentence: number, at: number) =>
    !within ||
    sentence !== sentenceIndexes[0] ||
    within.some(
      (w) => at - sentences[sentence]!.start >= w.start && at - sentences[sentence]!.start < w.end,
    );
  // Capitalised words inside a sentence that no rule named ("Osterby") still say where it happened.
  for (const i of sentenceIndexes) {
    for (const m of sentences[i]!.text.matchAll(/(?<=[\p{Ll},;]\s)\p{Lu}\p{Ll}{2,}\b/gu))
      if (!CALENDAR_WORDS.has(m[0].toLowerCase()) && inside(i, sentences[i]!.start + m.index!))
        out[`${UNRESOLVED_NAME}${m[0].toLowerCase()}`] = 'place';
  }
  for (const m of mentions)
    if (sentenceIndexes.includes(m.sentence) && inside(m.sentence, m.start))
      out[m.actor] = actors.get(m.actor)!.kind;
  for (const s of signals)
    if (sentenceIndexes.includes(s.sentence) && inside(s.sentence, s.start))
      out[s.country] = 'country';
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => compareStrings(a, b)));
}

/**
 * Reads the events an article reports. A sentence with a date is a candidate (unless it only
 * gives a figure, a bound or a vague year); a sentence that dates several happenings ("closed on
 * 4 May and reopened on 19 May") gives one candidate for each, titled by its own clause with the
 * subject that clause leaves out. The last date covers the sentences after it until the next date,
 * which supply the kind and details when the dated sentence lacks them. A strong event word in a
 * paragraph with no date takes the date of the passage before it in the same section, and any
 * other strong event word becomes an undated reference, matched to a dated event across articles.
 */
export function findEventCandidates(
  paragraphs: BodyParagraph[],
  sentences: Sentence[],
  mentions: Mention[],
  signals: CountrySignal[],
  actors: Map<string, ActorInfo>,
  published: DatePoint | null,
): EventCandidate[] {
  const out: EventCandidate[] = [];
  let sectionDate: { point: DatePoint; paragraphIndex: number } | null = null;
  let section: string | null = null;
  let last: DatePoint | null = null;
  paragraphs.forEach((paragraph, paragraphIndex) => {
    // A new section, or a paragraph opening with its own lead-in label, starts a new passage.
    if (paragraph.heading !== section || paragraph.label) {
      section = paragraph.heading;
      sectionDate = null;
    }
    const own = sentences.filter((s) => s.paragraphIndex === paragraphIndex);
    const next = paragraphs[paragraphIndex + 1];
    const nextQuote = next ? findQuotedSpans(paragraphText(next))[0] : undefined;
    let paragraphYear: number | null = null;
    let open: {
      candidate: EventCandidate;
      sentences: number[];
      passage: string[];
      within: Span[] | null;
    } | null = null;
    let datedInParagraph = false;
    const close = () => {
      if (!open) return;
      const c = open.candidate;
      if (c.kind === 'other') {
        const later = open.passage
          .slice(1)
          .map((t) => ({ t, trigger: nearestTrigger(t, null, true) }))
          .find((x) => x.trigger);
        if (later) {
          c.kind = later.trigger!.kind;
          // The sentence after tells what happened when the dated one only points at it ("The
          // events of that night …") or names it badly (a fragment, a clause without its subject).
          const title = writeTitleAround(later.t, later.trigger!.index);
          const weak = rateTitle(c.title) <= 0 && rateTitle(title) > rateTitle(c.title);
          if (VAGUE_HAPPENING.test(c.title) || weak) c.title = title;
        }
      }
      c.claims = readClaims(open.passage.join(' '));
      c.actors = actorsIn(open.sentences, mentions, signals, actors, sentences, open.within);
      out.push(c);
      open = null;
    };
    for (const sentence of own) {
      const dates = readDates(sentence.text, { published, paragraphYear, last });
      for (const d of dates)
        if ((d.month !== null || d.use === 'point') && !d.attributive) paragraphYear = d.year;
      const point = dates.find((d) => d.use === 'point');
      const trigger = nearestTrigger(sentence.text, point ? point.start : null);
      if (point) {
        close();
        datedInParagraph = true;
        last = dates.filter((d) => d.use === 'point').at(-1)!;
        sectionDate = { point: last, paragraphIndex };
        const happenings = readDatedHappenings(sentence.text, dates).filter((h) => {
          const said = h.spans.map((s) => sentence.text.slice(s.start, s.end)).join(' ');
          const figureOnly =
            (!h.trigger || !h.trigger.strong) &&
            STATISTIC_VERB.test(said) &&
            STATISTIC_FIGURE.test(said);
          return !figureOnly && h.title;
        });
        for (const [k, h] of happenings.entries()) {
          let title = h.title;
          const final = k === happenings.length - 1;
          if (final && /:\s*$/.test(sentence.text) && nextQuote && nextQuote.open < 2)
            title = `${title}: “${nextQuote.text.split(/(?<=[.!?])\s/)[0]!.trim()}”`;
          const candidate: EventCandidate = {
            paragraph: paragraph.id,
            paragraphIndex,
            text: sentence.text,
            title,
            kind: h.trigger?.kind ?? 'other',
            date: {
              year: h.point.year,
              month: h.point.month,
              day: h.point.day,
              approximate: h.point.approximate,
            },
            dateSource: 'text',
            actors: {},
            claims: {},
            clause:
              happenings.length > 1
                ? h.spans.map((x) => sentence.text.slice(x.start, x.end)).join(' ')
                : sentence.text,
          };
          if (final) {
            open = {
              candidate,
              sentences: [sentence.index],
              passage: [sentence.text],
              within: happenings.length > 1 ? h.spans : null,
            };
            continue;
          }
          candidate.claims = readClaims(sentence.text);
          candidate.actors = actorsIn(
            [sentence.index],
            mentions,
            signals,
            actors,
            sentences,
            h.spans,
          );
          out.push(candidate);
        }
        continue;
      }
      if (open) {
        open.passage.push(sentence.text);
        if (open.candidate.kind === 'other' && trigger?.strong) open.sentences.push(sentence.index);
        continue;
      }
      const strong = nearestTrigger(sentence.text, null, true);
      if (!strong) continue;
      const nextText = own.find((s) => s.index === sentence.index + 1)?.text ?? '';
      // Only an action told in the past tense ("declared", "barred") in the paragraph right after a
      // dated one inherits its date; a noun ("the war") or a later paragraph has moved on.
      const action = /(?:ed|persona non grata|shot down|went down)$/.test(strong.word);
      const contextDate =
        action && !datedInParagraph && sectionDate?.paragraphIndex === paragraphIndex - 1
          ? sectionDate.point
          : null;
      out.push({
        paragraph: paragraph.id,
        paragraphIndex,
        text: sentence.text,
        title: writeTitleAround(sentence.text, strong.index),
        kind: strong.kind,
        date: contextDate,
        dateSource: contextDate ? 'context' : null,
        actors: actorsIn([sentence.index], mentions, signals, actors, sentences),
        claims: readClaims(`${sentence.text} ${nextText}`),
        clause: sentence.text,
      });
    }
    close();
  });
  return out;
}
