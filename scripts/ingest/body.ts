import {
  END_MARKER,
  PROMOTION_BLOCK,
  PROMOTION_END,
  RELATED_BLOCK,
  type LineInfo,
} from './lines.ts';
import { isAuthorRoleLine, isPersonName } from './metadata.ts';

/** The role a line plays once the page is read: part of the article, its metadata, or chrome. */
export type LineRole = 'paragraph' | 'heading' | 'list-item' | 'meta' | 'chrome' | 'blank';

/** A line's role and the rule that gave it. */
export interface LineDecision {
  role: LineRole;
  reason: string;
}

/** Where the article body lies in the page, and what every line inside it is. */
export interface BodyLocation {
  start: number;
  end: number;
  decisions: LineDecision[];
}

/** A speaker's label opening a turn of an interview: "Hinterland: What does a dzud look like?". */
const SPEAKER_LABEL = /^\p{Lu}[\p{L}.'’ -]{0,30}:\s+\p{Lu}/u;

/**
 * A short biography of the author: "Oliver Brandt is the Chronicle's Asia resources
 * correspondent, based in Singapore.", "Catriona Wells is a senior fellow at …".
 */
const AUTHOR_BIO =
  /^(?:\p{Lu}[\p{L}'’.-]+\s+){1,3}\p{Lu}[\p{L}'’-]+\s+(?:is|was|has been)\s+(?:a|an|the)\s+(?:[^.]{0,60}?\s)?(?:correspondent|reporter|editor|writer|columnist|fellow|professor|analyst|journalist|researcher|lecturer|contributor|economist|producer)s?\b[^.]{0,160}\.(?:\s+(?:She|He|They)\s[^.]{0,160}\.)?$/u;

/** Scores a line for the body search: running text counts for, chrome and furniture against. */
function scoreLine(line: LineInfo): number {
  if (!line.text) return 0;
  if (END_MARKER.test(line.text)) return -60;
  if (line.chrome || line.meta) return -8;
  if (line.repeats > 1 && !line.prose) return -4;
  if (line.prose) return Math.min(line.words, 120);
  if (line.endsSentence && line.words >= 3) return 1;
  return -2;
}

/**
 * Finds the article body as the stretch of lines with the most running text net of chrome
 * (a maximum-sum run, as in boilerplate detectors): menus, teasers and footers score
 * negative, so they fall outside unless real paragraphs surround them.
 */
export function findBodySpan(lines: LineInfo[]): { start: number; end: number } | null {
  let best = 0;
  let bestSpan: { start: number; end: number } | null = null;
  let sum = 0;
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    const score = scoreLine(lines[i]!);
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += score;
    if (sum > best && score > 0) {
      best = sum;
      bestSpan = { start, end: i };
    }
  }
  if (!bestSpan) return null;
  while (bestSpan.start < bestSpan.end && scoreLine(lines[bestSpan.start]!) <= 0) bestSpan.start++;
  // The author's biography closing the page is not the article's last paragraph.
  while (bestSpan.end > bestSpan.start && AUTHOR_BIO.test(lines[bestSpan.end]!.text)) {
    bestSpan.end--;
    while (bestSpan.end > bestSpan.start && scoreLine(lines[bestSpan.end]!) <= 0) bestSpan.end--;
  }
  for (let above = findStrandedParagraph(lines, bestSpan.start); above !== null;) {
    bestSpan.start = above;
    while (bestSpan.start > 0 && scoreLine(lines[bestSpan.start - 1]!) > 0) bestSpan.start--;
    above = findStrandedParagraph(lines, bestSpan.start);
  }
  // A paragraph with the byline under it is the standfirst, and the body starts after the byline.
  const next = lines.slice(bestSpan.start + 1, bestSpan.end).find((l) => l.text);
  if (lines[bestSpan.start]!.prose && next && isBylineBelow(lines, next, bestSpan.end)) {
    const rest = lines.slice(next.n + 1, bestSpan.end + 1);
    // From the first line that is not furniture, so that a sub-heading opening the body stays.
    const after = rest.findIndex(
      (l) => l.text && !l.chrome && !l.meta && !isAuthorRoleLine(l.text),
    );
    if (after >= 0 && rest.some((l) => l.prose)) bestSpan.start = next.n + 1 + after;
  }
  return bestSpan;
}

/**
 * Whether a line opens a byline: one the line rules read as such, or a name alone with the
 * author's role or the date on the next line ("Oliver Brandt", "Asia Resources Correspondent").
 */
function isBylineBelow(lines: LineInfo[], line: LineInfo, end: number): boolean {
  if (line.meta === 'byline') return true;
  if (line.meta || line.chrome || !isPersonName(line.text)) return false;
  const under = lines.slice(line.n + 1, end + 1).find((l) => l.text);
  return under !== undefined && (isAuthorRoleLine(under.text) || under.meta === 'dateline');
}

/** Words of a promotion's fine print ("Privacy Notice: Newsletters may contain …"). */
const PROMOTION_WORDS =
  /\b(?:privacy|newsletters?|e-?mail|subscribe|sign up|terms|recaptcha|inbox)\b/i;

/** How many lines a promotion set inside the body may take before its closing marker. */
const MAX_PROMOTION_LINES = 8;

/** How many short lines a list set inside the body ("Recommended Stories" and its items) may take. */
const MAX_INSERT_LINES = 16;

/**
 * The paragraph that a list of other articles set inside the body cuts off from the rest
 * ("Both candidates …", then "Recommended Stories", four teasers, "end of list", then the body),
 * or null: the lines between are short, one opens a related-articles list, and none is a
 * dateline or byline, which would mean the header lies between.
 */
function findStrandedParagraph(lines: LineInfo[], start: number): number | null {
  let insert = false;
  let count = 0;
  for (let i = start - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (!line.text) continue;
    if (line.prose && line.words >= 25 && line.endsSentence) return insert ? i : null;
    if (line.meta || line.words > 15 || ++count > MAX_INSERT_LINES) return null;
    if (END_MARKER.test(line.text) || line.chrome === RELATED_BLOCK) insert = true;
  }
  return null;
}

/** Whether a short line reads as a section heading rather than a caption or a stray label. */
function looksLikeHeading(line: LineInfo): boolean {
  if (line.words === 0 || line.words > 30 || line.chrome || line.meta) return false;
  if (/[.,;:]$/.test(line.text)) return false;
  return /^[\p{Lu}\p{N}"“«‘'–—-]/u.test(line.text);
}

/** Whether a dash-led line stands alone as a sub-heading ("– Sub-heading") rather than in a list. */
function isLoneDashHeading(
  lines: LineInfo[],
  i: number,
  span: { start: number; end: number },
): boolean {
  const line = lines[i]!;
  if (!/^[-–—]\s/.test(line.text) || line.words > 20 || /[.,;:]$/.test(line.text)) return false;
  const neighbour = (step: number): LineInfo | undefined => {
    for (let j = i + step; j >= span.start && j <= span.end; j += step)
      if (lines[j]!.text) return lines[j];
    return undefined;
  };
  return !neighbour(-1)?.bullet && !neighbour(1)?.bullet;
}

/** Assigns a role to every line inside the body span, with the reason. */
export function decideBodyLines(
  lines: LineInfo[],
  span: { start: number; end: number },
): LineDecision[] {
  const decisions: LineDecision[] = lines.map((line) => {
    if (!line.text) return { role: 'blank', reason: 'blank' };
    const why = line.chrome ?? line.meta;
    return {
      role: 'chrome',
      reason: why ? `outside the article body: ${why}` : 'outside the article body',
    };
  });
  const nextText = (i: number): LineInfo | undefined => {
    for (let j = i + 1; j <= span.end; j++) if (lines[j]!.text) return lines[j];
    return undefined;
  };
  // The items of a related-articles list set inside the body run to the next paragraph; a
  // promotion runs to its closing marker, whatever it holds.
  let inList = false;
  let promotionLeft = 0;
  for (let i = span.start; i <= span.end; i++) {
    const line = lines[i]!;
    if (!line.text) continue;
    // A promotion whose closing marker never comes ends after MAX_PROMOTION_LINES: it cannot take
    // the rest of the body.
    if (line.chrome === PROMOTION_BLOCK) promotionLeft = MAX_PROMOTION_LINES;
    else if (line.chrome === PROMOTION_END) promotionLeft = 0;
    // Running text that is not the promotion's own fine print is the article again.
    else if (line.prose && !PROMOTION_WORDS.test(line.text)) promotionLeft = 0;
    else if (promotionLeft > 0) promotionLeft--;
    const inPromotion = promotionLeft > 0;
    if (line.chrome === RELATED_BLOCK && !/[:|]\s*\S/.test(line.text)) inList = true;
    else if (END_MARKER.test(line.text)) inList = true;
    else if (line.prose) inList = false;
    let decision: LineDecision;
    if (line.chrome) decision = { role: 'chrome', reason: line.chrome };
    else if (inPromotion) decision = { role: 'chrome', reason: 'inside a promotion' };
    else if (inList) decision = { role: 'chrome', reason: 'item of a related-articles list' };
    else if (line.meta) decision = { role: 'meta', reason: line.meta };
    else if (line.repeats > 1 && !line.prose)
      decision = { role: 'chrome', reason: 'line repeated elsewhere in the page' };
    else if (line.bullet && isLoneDashHeading(lines, i, span))
      decision = { role: 'heading', reason: 'dash-led sub-heading' };
    else if (line.bullet) decision = { role: 'list-item', reason: 'bulleted line inside the body' };
    else if (line.prose) decision = { role: 'paragraph', reason: 'running text' };
    else if (SPEAKER_LABEL.test(line.text) && line.words >= 3 && /[?.!]$/.test(line.text))
      decision = { role: 'paragraph', reason: "an interview's question or answer" };
    else if (looksLikeHeading(line) && nextText(i))
      decision = { role: 'heading', reason: 'short title-like line before running text' };
    else if (line.endsSentence)
      decision = { role: 'paragraph', reason: 'short sentence inside the body' };
    else decision = { role: 'chrome', reason: 'short line inside the body (caption or label)' };
    decisions[i] = decision;
  }
  // A heading with no text after it is a leftover label, not a section.
  for (let i = span.end; i >= span.start; i--) {
    const d = decisions[i]!;
    if (d.role === 'heading')
      decisions[i] = { role: 'chrome', reason: 'title-like line with no text after it' };
    if (d.role === 'paragraph' || d.role === 'list-item') break;
  }
  return decisions;
}
