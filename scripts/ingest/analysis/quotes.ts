import type { Article } from '../../../src/schema.ts';
import type { BodyParagraph } from '../structure.ts';
import { paragraphText } from '../structure.ts';
import { isRoleWord, ORG_HEADS, SPEAKER_PRONOUNS, SPEECH_VERBS } from './lexicon.ts';
import { initialsOf } from '../text.ts';
import { findQuotedSpans, tokenize } from './tokens.ts';
import type { ActorInfo, Mention, Sentence } from './types.ts';

/** A quotation with its speaker resolved, and the rule that resolved it (for tests and audits). */
export interface FoundQuote {
  quote: Article['quotes'][number];
  rule: string;
}

/** Fewer words than this is a scare quote or a name ("unacceptable violence"), not a statement. */
const MIN_QUOTE_WORDS = 4;

const SPEAKER_PRIORITY: Record<string, number> = {
  person: 0,
  organisation: 1,
  country: 2,
  media: 3,
  place: 4,
};

interface State {
  /** The person the text is currently about: the last one named as a sentence's first person. */
  topic: string | null;
  topicMedium: string | null;
  /** The speaker of the last quote, and its paragraph index. */
  lastSpeaker: {
    actor: string | null;
    name: string | null;
    medium: string | null;
    paragraphIndex: number;
  } | null;
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
}

function hasSpeechVerb(text: string): boolean {
  return wordsOf(text).some((w) => SPEECH_VERBS.has(w));
}

/** Whether a stretch of text refers back to someone: "he", "she", "the journalist", "the political analyst". */
function refersBack(text: string): boolean {
  const w = wordsOf(text);
  if (w.some((x) => SPEAKER_PRONOUNS.has(x))) return true;
  const m = /\b(?:the|this|that)\s+((?:[\p{Ll}-]+\s*){1,3})/u.exec(text);
  return m !== null && wordsOf(m[1]!).some(isRoleWord);
}

/** The first verb of saying in a stretch of text, with its offsets. */
function findSpeechVerb(text: string): { start: number; end: number } | null {
  for (const m of text.matchAll(/\p{L}+/gu))
    if (SPEECH_VERBS.has(m[0].toLowerCase()) && m[0].toLowerCase() !== 'according')
      return { start: m.index, end: m.index + m[0].length };
  return null;
}

/** How many words stand between two offsets of a text. */
function wordsBetween(text: string, from: number, to: number): number {
  return to <= from ? 0 : (text.slice(from, to).match(/\p{L}+/gu) ?? []).length;
}

/**
 * The title or institution in "the president", "the foreign minister", "the ministry" just
 * before a verb of saying: its last word, if it is a role or an institution's head word.
 */
function findRoleReference(text: string): string | null {
  const m = /\b(?:the|a)\s+((?:[\p{Ll}-]+\s+){0,2}[\p{Ll}-]+)\s*$/iu.exec(text.trim());
  const last = m?.[1]!.split(/\s+/).at(-1)?.toLowerCase();
  return last && (isRoleWord(last) || ORG_HEADS.has(last)) ? last : null;
}

/** The best speaker among mentions: a person before an institution, before a state. */
function pickSpeaker(mentions: Mention[], actors: Map<string, ActorInfo>): Mention | null {
  let best: Mention | null = null;
  for (const m of mentions) {
    if (m.use === 'place') continue;
    const rank = SPEAKER_PRIORITY[actors.get(m.actor)?.kind ?? 'place'] ?? 9;
    if (rank >= 3) continue;
    if (!best || rank < (SPEAKER_PRIORITY[actors.get(best.actor)?.kind ?? 'place'] ?? 9)) best = m;
  }
  return best;
}

/** The medium a sentence says the words were given to: "told DW", "in an interview with ForPost". */
function findMedium(
  text: string,
  start: number,
  mentions: Mention[],
  actors: Map<string, ActorInfo>,
): string | null {
  for (const m of mentions) {
    if (actors.get(m.actor)?.kind !== 'media') continue;
    const before = text.slice(Math.max(0, m.start - 40 - start), m.start - start);
    if (
      /\b(?:told|to|interview with|interview to|speaking to|speaking with|talking to|in comments to|writing (?:in|for))\s*["“*\\]*$/i.test(
        before,
      )
    )
      return m.actor;
  }
  return null;
}

/**
 * Finds the direct quotations of an article and resolves each speaker: a name or pronoun after
 * the quote (", he said", "recalls X", "X told DW"), a name or "according to X" before it, and
 * otherwise the person the passage is about, which is how a quote paragraph continues the
 * speaker introduced in the paragraph before it.
 */
export function findQuotes(
  paragraphs: BodyParagraph[],
  sentences: Sentence[],
  mentions: Mention[],
  actors: Map<string, ActorInfo>,
): FoundQuote[] {
  const out: FoundQuote[] = [];
  const state: State = { topic: null, topicMedium: null, lastSpeaker: null };
  const nameOf = (id: string | null) => (id ? (actors.get(id)?.name ?? null) : null);
  const people = [...actors.values()].filter((a) => a.kind === 'person');
  paragraphs.forEach((paragraph, paragraphIndex) => {
    const text = paragraphText(paragraph);
    // Names in quotation marks ("Sputnik Azerbaijan") are names, not statements.
    const spans = findQuotedSpans(text).filter((q) => tokenize(q.text).length >= MIN_QUOTE_WORDS);
    const answer = spans.length === 0 ? readInterviewAnswer(text, paragraphIndex) : null;
    if (answer) {
      out.push({
        quote: {
          text: answer.text,
          speaker: answer.speaker,
          speakerName: nameOf(answer.speaker),
          paragraph: paragraph.id,
          medium: null,
        },
        rule: "an interview's answer under its speaker's label",
      });
      state.topic = answer.speaker;
      return;
    }
    const inQuote = (i: number) => spans.some((q) => i > q.open && i < q.close);
    for (const sentence of sentences.filter((s) => s.paragraphIndex === paragraphIndex)) {
      const own = mentions.filter(
        (m) =>
          m.paragraphIndex === paragraphIndex && m.sentence === sentence.index && !inQuote(m.start),
      );
      // Who the passage is about: the first person a sentence names, unless it opens with a pronoun.
      const opening = sentence.text.replace(
        /^(?:[\p{L}]+ly|however|but|and|yet|still|then|also|now),?\s+/iu,
        '',
      );
      const startsWithPronoun = /^(?:he|she)\b/i.test(opening);
      const medium = findMedium(text, 0, own, actors);
      const firstPerson = own.find((m) => actors.get(m.actor)?.kind === 'person');
      if (!startsWithPronoun && firstPerson) {
        if (firstPerson.actor !== state.topic) state.topicMedium = null;
        state.topic = firstPerson.actor;
      }
      if (medium && (firstPerson?.actor === state.topic || /\b(?:he|she)\b/i.test(sentence.text)))
        state.topicMedium = medium;

      for (const span of spans) {
        if (span.open < sentence.start || span.open >= sentence.end) continue;
        const quoteText = span.text.trim().replace(/[,;]$/, '');
        const tailEnd = sentence.end;
        const tail = text.slice(span.close + 1, tailEnd);
        const pre = text.slice(sentence.start, span.open);
        const tailMentions = own.filter((m) => m.start > span.close && m.start < tailEnd);
        const preMentions = own.filter((m) => m.start >= sentence.start && m.start < span.open);
        let speaker: string | null = null;
        let rule = 'none';
        const according = /according to\s+([^,]{1,60})/i.exec(pre)?.[1];
        // The speaker stands next to the verb of saying: "X said", "said X, the minister"; not
        // a place or institution further on ("the president said … from the Government Palace").
        const verb = findSpeechVerb(tail);
        const nearVerb = verb
          ? tailMentions.filter((m) => {
              const at = m.start - span.close - 1;
              return at < verb.start || wordsBetween(tail, verb.end, at) <= 2;
            })
          : [];
        const role = verb ? findRoleReference(tail.slice(0, verb.start)) : null;
        const preVerb = findSpeechVerb(pre);
        const preRole = preVerb ? findRoleReference(pre.slice(0, preVerb.start)) : null;
        const named = verb ? pickSpeaker(nearVerb, actors) : null;
        const titledAfter = role ? findPersonByTitle(role, paragraphIndex) : null;
        const titledBefore =
          preRole && preMentions.length === 0 ? findPersonByTitle(preRole, paragraphIndex) : null;
        if (named) {
          speaker = named.actor;
          rule = 'name after the quote';
        } else if (titledAfter) {
          speaker = titledAfter;
          rule = 'title after the quote';
        } else if (tail.trim() && hasSpeechVerb(tail) && refersBack(tail)) {
          speaker = state.topic;
          rule = 'pronoun or role after the quote';
        } else if (according !== undefined && /^(?:him|her)\b/i.test(according)) {
          speaker = state.topic;
          rule = 'according to a pronoun';
        } else if (
          according !== undefined &&
          pickSpeaker(
            preMentions.filter(
              (m) => m.start >= sentence.start + pre.toLowerCase().lastIndexOf('according to'),
            ),
            actors,
          )
        ) {
          speaker = pickSpeaker(
            preMentions.filter(
              (m) => m.start >= sentence.start + pre.toLowerCase().lastIndexOf('according to'),
            ),
            actors,
          )!.actor;
          rule = 'according to a name';
        } else if (titledBefore) {
          speaker = titledBefore;
          rule = 'title before the quote';
        } else if (
          (hasSpeechVerb(pre) || /:\s*$/.test(pre)) &&
          pickSpeaker(preMentions, actors) &&
          !/^(?:he|she)\b/i.test(opening)
        ) {
          speaker = pickSpeaker(preMentions, actors)!.actor;
          rule = 'name before the quote';
        } else if ((hasSpeechVerb(pre) || /:\s*$/.test(pre)) && refersBack(pre)) {
          speaker = state.topic;
          rule = 'pronoun or role before the quote';
        } else if (state.lastSpeaker && state.lastSpeaker.paragraphIndex === paragraphIndex) {
          speaker = state.lastSpeaker.actor;
          rule = 'continues the speaker of the paragraph';
        } else if (state.topic) {
          speaker = state.topic;
          rule = 'continues the person the passage is about';
        }
        const mediumOut =
          findMedium(text, 0, own, actors) ??
          (speaker && speaker === state.topic ? state.topicMedium : null);
        out.push({
          quote: {
            text: quoteText,
            speaker,
            speakerName: nameOf(speaker),
            paragraph: paragraph.id,
            medium: mediumOut,
          },
          rule,
        });
        state.lastSpeaker = {
          actor: speaker,
          name: nameOf(speaker),
          medium: mediumOut,
          paragraphIndex,
        };
        if (
          speaker &&
          actors.get(speaker)?.kind === 'person' &&
          rule !== 'continues the person the passage is about'
        )
          state.topic = speaker;
      }
    }
  });
  return out;

  /**
   * The person an article has named with a title, for "the president said": the last one
   * before this paragraph whose name was written with that title ("President Lucía Ferrándiz").
   */
  function findPersonByTitle(title: string, paragraphIndex: number): string | null {
    let found: string | null = null;
    for (const m of mentions) {
      if (m.paragraphIndex > paragraphIndex) break;
      const actor = actors.get(m.actor);
      if (actor?.kind === 'person' && m.surface.toLowerCase().startsWith(`${title} `))
        found = m.actor;
      // "the ministry said": the last institution named with that head word.
      else if (
        actor?.kind === 'organisation' &&
        ORG_HEADS.has(title) &&
        actor.name.toLowerCase().split(/\s+/).includes(title)
      )
        found = m.actor;
    }
    return found;
  }

  /**
   * An interview's answer, "Mercedes Rojas: Nobody denies it rained." or "MR: We went house by
   * house.": the words of the person the label names, in full or by initials. A question's
   * label (the outlet, "Q") names no person, so a question is not a quote.
   */
  function readInterviewAnswer(
    text: string,
    paragraphIndex: number,
  ): { text: string; speaker: string } | null {
    const m = /^(\p{Lu}[\p{L}.'’ -]{0,40}?):\s+(\S.*)$/u.exec(text);
    if (!m || tokenize(m[2]!).length < MIN_QUOTE_WORDS) return null;
    const label = m[1]!;
    const named = mentions.find(
      (x) =>
        x.paragraphIndex === paragraphIndex &&
        x.start === 0 &&
        x.end === label.length &&
        actors.get(x.actor)?.kind === 'person',
    );
    if (named) return { text: m[2]!, speaker: named.actor };
    if (!/^\p{Lu}{2,4}$/u.test(label)) return null;
    const matches = people.filter((person) => initialsOf(person.name) === label);
    return matches.length === 1 ? { text: m[2]!, speaker: matches[0]!.id } : null;
  }
}
