import { normalizeKey } from '../text.ts';

/** One word of a text, with its place in the text and the shapes the name rules look at. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** The folded form used for looking names up: lowercase, no accents, Azerbaijani letters mapped. */
  key: string;
  /** Starts with a capital letter or a digit, as the words of a name do. */
  capital: boolean;
  /** Followed by a possessive `'s` or `’s`. */
  possessive: boolean;
}

// Abbreviations with dots (U.S.), then words that may hold inner dots, hyphens or apostrophes
// (Gazeta.ru, Nagorno-Karabakh, O'Neil) but never a possessive 's, which is read separately.
const WORD =
  /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:(?:[.\-]|['’](?![sS](?![\p{L}])))[\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;

/** Folds a text for lookup, so that spellings with and without accents meet. */
export function foldText(text: string): string {
  return normalizeKey(
    text.replace(/ı/g, 'i').replace(/İ/g, 'I').replace(/ə/g, 'e').replace(/Ə/g, 'E'),
  );
}

/** Folds a word or name for lookup, as foldText does. */
export function foldName(text: string): string {
  // Most words are ASCII letters and digits only, which folding just lowercases.
  if (isPlainWord(text)) return text.toLowerCase();
  // Called for every word of every article, and words repeat: remember the folded forms.
  let folded = foldCache.get(text);
  if (folded === undefined) {
    folded = foldText(text);
    if (foldCache.size > 200_000) foldCache.clear();
    foldCache.set(text, folded);
  }
  return folded;
}

const foldCache = new Map<string, string>();

/** Whether a text is one or more ASCII letters and digits and nothing else. */
function isPlainWord(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

/** Whether a word opens with a capital or a digit; ASCII, which most words open with, is read by code. */
function opensWithCapital(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return /^[\p{Lu}\p{N}]/u.test(word);
}

/** Whether a possessive "'s" follows at an offset; the pattern runs only when an apostrophe and s do. */
function isPossessiveAt(text: string, at: number): boolean {
  const mark = text[at];
  if ((mark !== "'" && mark !== '’') || text[at + 1] !== 's') return false;
  return /^['’]s(?![\p{L}])/u.test(text.slice(at, at + 3));
}

/** Splits a text into word tokens with their offsets. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const word = m[0];
    const end = m.index + word.length;
    // A lone "s" after an apostrophe is the possessive already recorded on the word before it.
    const before = tokens[tokens.length - 1];
    if (word === 's' && before?.possessive && before.end + 1 === m.index) continue;
    tokens.push({
      text: word,
      start: m.index,
      end,
      key: foldName(word),
      capital: opensWithCapital(word),
      possessive: isPossessiveAt(text, end),
    });
  }
  return tokens;
}

/** Whether two neighbouring tokens belong to one name: only spaces or brackets between them. */
export function joinsName(text: string, left: Token, right: Token): boolean {
  return /^[\s()]*$/.test(text.slice(left.end, right.start)) && !left.possessive;
}

/** Spans of text inside quotation marks, outermost only, with nested quotes kept inside. */
export interface QuotedSpan {
  /** Offsets of the opening and closing marks. */
  open: number;
  close: number;
  text: string;
}

const OPENERS = new Set(['“', '«', '„']);
const CLOSERS = new Set(['”', '»']);

/**
 * Finds quoted spans. Curly and guillemet marks say which way they face; a straight `"` opens
 * when it follows a space or the start and closes otherwise, which keeps nested straight quotes
 * (`"… say "no" to …"`) inside their outer quote.
 */
export function findQuotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  const stack: number[] = [];
  // Jumps from quotation mark to quotation mark: paragraphs are long and marks are few.
  const marks = /[“«„”»"]/g;
  for (let m = marks.exec(text); m; m = marks.exec(text)) {
    const i = m.index;
    const ch = m[0];
    let opens: boolean;
    if (OPENERS.has(ch)) opens = true;
    else if (CLOSERS.has(ch)) opens = false;
    else if (ch === '"') {
      const before = i === 0 ? ' ' : text[i - 1]!;
      const after = text[i + 1] ?? ' ';
      opens = /[\s(\[—–-]/.test(before) && !/\s/.test(after);
      if (!opens && stack.length === 0 && /[\s(]/.test(before)) continue;
    } else continue;
    if (opens) stack.push(i);
    else if (stack.length) {
      const open = stack.pop()!;
      if (stack.length === 0) spans.push({ open, close: i, text: text.slice(open + 1, i) });
    }
  }
  return spans;
}

const MONTH_ABBREVIATION = /\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.$/;

/** Splits a paragraph into sentences with their offsets, never cutting inside a quotation. */
export function sentenceSpans(text: string): Array<{ start: number; end: number; text: string }> {
  const quotes = findQuotedSpans(text);
  const insideQuote = (i: number) => quotes.some((q) => i > q.open && i < q.close);
  const out: Array<{ start: number; end: number; text: string }> = [];
  const boundary = /(?<=[.!?…]["”’»)]*)\s+(?=["“‘«(]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 6), m.index);
    // Abbreviations such as "Dr." or "U.S." followed by a name do not end a sentence.
    if (
      /(?:\b(?:Mr|Mrs|Ms|Dr|St|Prof|Gen|Col|Lt|Capt|Sgt|Maj|Gov|Sen|Rep|Rev|Jr|Sr|No|vs)\.|\b\p{Lu}\.)$/u.test(
        before,
      ) &&
      !/\b(?:U\.S\.|U\.K\.)$/.test(before)
    )
      continue;
    // Nor does a month's abbreviation before its day ("the Nov. 10 election").
    if (MONTH_ABBREVIATION.test(before) && /^\s+\d/.test(text.slice(m.index, m.index + 3)))
      continue;
    if (insideQuote(m.index)) continue;
    out.push({ start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push({ start, end: text.length, text: text.slice(start) });
  return out;
}
