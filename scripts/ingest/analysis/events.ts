import type { BodyParagraph } from '../structure.ts';
import { paragraphText } from '../structure.ts';
import { compareStrings } from '../text.ts';
import { readClaims } from './claims.ts';
import { CALENDAR_WORDS } from './lexicon.ts';
import { findQuotedSpans } from './tokens.ts';
import type { ActorInfo, CountrySignal, Mention, Sentence } from './types.ts';
import { readDates, type DatePoint } from './when.ts';

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
    re: /\b(?:arrest(?:ed|s)?|detain(?:ed)?|detention|raids?|police operation)\b/gi,
  },
  {
    kind: 'disaster',
    strong: true,
    re: /\b(?:flood(?:s|ed|ing)?|earthquakes?|wildfires?|hurricanes?|storms?|explosions?|landslides?|tsunami)\b/gi,
  },
  { kind: 'killing', strong: true, re: /\b(?:killed|killing|died|dying|deaths?)\b/gi },
  { kind: 'attack', strong: true, re: /\b(?:attack(?:ed|s)?|shelling|bombing|airstrikes?)\b/gi },
  { kind: 'war', strong: true, re: /\bwar\b/gi },
  { kind: 'election', strong: true, re: /\belect(?:ed|ions?)\b/gi },
  { kind: 'agreement', strong: false, re: /\b(?:signed|agreement|treaty)\b/gi },
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

const STATISTIC_VERB =
  /\b(?:amounted|reached|accounted|exceeded|totall?ed|grew|rose|fell|increased|decreased)\b/i;
const STATISTIC_FIGURE = /[$€£%]|\b(?:percent|billion|million)\b/i;

interface TriggerHit {
  kind: string;
  strong: boolean;
  index: number;
  length: number;
  word: string;
}

const hitCache = new Map<string, TriggerHit[]>();

/** Every trigger word in a sentence, in the order of TRIGGERS; a sentence is asked up to three times. */
function findTriggerHits(text: string): TriggerHit[] {
  let hits = hitCache.get(text);
  if (hits) return hits;
  hits = [];
  for (const t of TRIGGERS) {
    t.re.lastIndex = 0;
    for (const m of text.matchAll(t.re))
      hits.push({
        kind: t.kind,
        strong: t.strong,
        index: m.index!,
        length: m[0].length,
        word: m[0].toLowerCase(),
      });
  }
  if (hitCache.size > 1000) hitCache.clear();
  hitCache.set(text, hits);
  return hits;
}

/** The trigger nearest to a position in a sentence (the date), or the first one if no position. */
function nearestTrigger(text: string, at: number | null, strongOnly = false): TriggerHit | null {
  let best: TriggerHit | null = null;
  for (const hit of findTriggerHits(text)) {
    if (strongOnly && !hit.strong) continue;
    const distance = at === null ? hit.index : Math.abs(hit.index - at);
    const bestDistance =
      best === null ? Infinity : at === null ? best.index : Math.abs(best.index - at);
    if (distance < bestDistance) best = hit;
  }
  return best;
}

/** A short title from the clause that holds the trigger, without its date words. */
function titleFrom(
  sentence: string,
  trigger: { index: number } | null,
  dateTexts: string[],
): string {
  let text = sentence;
  const at = trigger?.index ?? 0;
  const noun =
    /\bthe ((?:19|20)\d{2}(?:\s+[\p{L}-]+){0,3}?\s+(?:war|crisis|elections?|conflict|crash|invasion))\b/u.exec(
      text,
    );
  if (noun && noun.index <= at && noun.index + noun[0].length >= at)
    return noun[1]!.charAt(0).toUpperCase() + noun[1]!.slice(1);
  const cuts = [
    ...text.matchAll(
      /[,;:—–(]\s*|\s+(?:after|when|while|because|although|following|whereas|, which)\s+/g,
    ),
  ].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  let start = 0;
  let end = text.length;
  for (const c of cuts) {
    if (c.end <= at) start = c.end;
    else if (c.start > at) {
      end = c.start;
      break;
    }
  }
  // An opening phrase such as "In a December 2024 interview with X," is not the event: take the main clause.
  if (start === 0 && /^(?:in|on|at|during|amid|according to)\b/i.test(text) && end < text.length) {
    const main = text.slice(end).replace(/^[,;:\s]+/, '');
    if (main.split(/\s+/).length >= 3) return titleFrom(main, null, dateTexts);
  }
  text = text.slice(start, end);
  for (const d of dateTexts) text = text.replace(d, ' ');
  text = text
    .replace(/\b(?:on|in|by|at|during|of)\s+(?=\s|$)/gi, ' ')
    .replace(
      /^\s*(?:and|but|that|then|so|for instance|in response|later|however|meanwhile|after|before|since|when|while|following|as)\b[\s,]*/i,
      '',
    )
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.;:"“”]+|[\s,.;:"“”]+$/g, '');
  if ((text.match(/["“”]/g)?.length ?? 0) % 2 === 1) text = text.replace(/["“”]/g, '');
  // A clause of date words alone ("2024" of "On June 8, 2024, X met Y") names nothing: the next does.
  if (!/\p{L}{2}/u.test(text) && end < sentence.length) {
    const rest = sentence.slice(end).replace(/^[,;:\s]+/, '');
    if (/\p{L}{2}/u.test(rest)) return titleFrom(rest, null, dateTexts);
  }
  const words = text.split(' ');
  const short = words.length > 16 ? `${words.slice(0, 16).join(' ')}…` : text;
  return short ? short.charAt(0).toUpperCase() + short.slice(1) : sentence.slice(0, 80);
}

/** Marks names the analysis could not classify; they help match reports but never become actors. */
export const UNRESOLVED_NAME = 'name:';

function actorsIn(
  sentenceIndexes: number[],
  mentions: Mention[],
  signals: CountrySignal[],
  actors: Map<string, ActorInfo>,
  sentences: Sentence[],
): Record<string, ActorInfo['kind']> {
  const out: Record<string, ActorInfo['kind']> = {};
  // Capitalised words inside a sentence that no rule named ("Osterby") still say where it happened.
  for (const i of sentenceIndexes) {
    for (const m of sentences[i]!.text.matchAll(/(?<=[\p{Ll},;]\s)\p{Lu}\p{Ll}{2,}\b/gu))
      if (!CALENDAR_WORDS.has(m[0].toLowerCase()))
        out[`${UNRESOLVED_NAME}${m[0].toLowerCase()}`] = 'place';
  }
  for (const m of mentions)
    if (sentenceIndexes.includes(m.sentence)) out[m.actor] = actors.get(m.actor)!.kind;
  for (const s of signals) if (sentenceIndexes.includes(s.sentence)) out[s.country] = 'country';
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => compareStrings(a, b)));
}

/**
 * Reads the events an article reports. A sentence with a date is a candidate (unless it only
 * gives a figure or a bound); its date covers the sentences after it until the next date, which
 * supply the kind and details when the dated sentence lacks them. A strong event word in a
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
    let open: { candidate: EventCandidate; sentences: number[]; passage: string[] } | null = null;
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
          c.title = titleFrom(later.t, later.trigger, []);
        }
      }
      c.claims = readClaims(open.passage.join(' '));
      c.actors = actorsIn(open.sentences, mentions, signals, actors, sentences);
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
        last = point;
        sectionDate = { point, paragraphIndex };
        const figureOnly =
          (!trigger || !trigger.strong) &&
          STATISTIC_VERB.test(sentence.text) &&
          STATISTIC_FIGURE.test(sentence.text);
        if (figureOnly) continue;
        let title = titleFrom(
          sentence.text,
          trigger,
          dates.map((d) => d.text),
        );
        if (/:\s*$/.test(sentence.text) && nextQuote && nextQuote.open < 2)
          title = `${title}: “${nextQuote.text.split(/(?<=[.!?])\s/)[0]!.trim()}”`;
        const candidate: EventCandidate = {
          paragraph: paragraph.id,
          paragraphIndex,
          text: sentence.text,
          title,
          kind: trigger?.kind ?? 'other',
          date: {
            year: point.year,
            month: point.month,
            day: point.day,
            approximate: point.approximate,
          },
          dateSource: 'text',
          actors: {},
          claims: {},
        };
        open = { candidate, sentences: [sentence.index], passage: [sentence.text] };
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
        title: titleFrom(sentence.text, strong, []),
        kind: strong.kind,
        date: contextDate,
        dateSource: contextDate ? 'context' : null,
        actors: actorsIn([sentence.index], mentions, signals, actors, sentences),
        claims: readClaims(`${sentence.text} ${nextText}`),
      });
    }
    close();
  });
  return out;
}
