import { NAME_PARTICLES } from './analysis/lexicon.ts';
import { nlp } from './nlp.ts';
import type { KnownOutlet } from '../../src/schema.ts';
import type { LineDecision } from './body.ts';
import { findDates, findRelativeDate, isRealDay, type FoundDate } from './dates.ts';
import {
  ABOUT_AUTHOR,
  BYLINE,
  END_MARKER,
  isBylineLine,
  NAME_AT_PLACE,
  SHARE_BUTTONS,
  NAME_IN_CITY,
  NAME_WITH_PLACE,
  NAME_WITH_ROLE,
  NAME_WORDS,
  PUBLISHER_NOTE,
  RELATED_BLOCK,
  SUMMARY_LABEL,
  splitBreadcrumb,
  type LineInfo,
} from './lines.ts';
import { compareStrings, detectLanguage, initialsOf, normalizeKey, slugify } from './text.ts';

/** A publication or update date as the page shows it; the year may be missing. */
export interface PageDate {
  year: number | null;
  month: number;
  day: number | null;
  /** The weekday printed with a date that has no year (0 is Sunday), from which the year follows. */
  weekday?: number | null;
  rule: string;
}

/** An outlet named by the page's own chrome, resolved against the curated list where possible. */
export interface OutletGuess {
  id: string;
  name: string;
  fullName: string | null;
  known: boolean;
  rule: string;
}

/** Everything the page says about the article besides its body. */
export interface PageMetadata {
  title: string;
  dek: string | null;
  date: PageDate | null;
  updated: PageDate | null;
  author: string | null;
  outlet: OutletGuess | null;
  section: string | null;
  categories: string[];
  kind: string | null;
  evidence: Record<string, string>;
  warnings: string[];
}

const KIND_WORDS: Record<string, string> = {
  news: 'news',
  analysis: 'analysis',
  opinion: 'opinion',
  'op-ed': 'opinion',
  editorial: 'opinion',
  commentary: 'commentary',
  comment: 'commentary',
  review: 'review',
  interview: 'interview',
  explainer: 'explainer',
};

/** Words that open an author's role line under a byline ("Senior Fellow, Asia Program"). */
const ROLE_LINE_WORDS = new Set(
  'senior associate assistant contributing staff chief deputy executive managing research visiting nonresident non-resident distinguished adjunct editor correspondent reporter fellow professor director analyst columnist writer contributor producer lecturer researcher head'.split(
    ' ',
  ),
);
const NOT_NAME_WORDS = new Set([
  ...'the a an and of for in on at to by with from news media press center centre institute agency network group team staff desk editorial editors editor service services company ltd inc llc times post daily weekly journal review online magazine tv radio home blog read more share published updated program programme no comments comment replies'.split(
    ' ',
  ),
  ...ROLE_LINE_WORDS,
]);
/** Titles a byline may put before a name ("Dr. Hannah Vu"); they are not part of it. */
const NAME_TITLE = /^(?:dr|prof|professor|mr|mrs|ms|mx|sir|dame)\.?\s+/i;
/** Whether a string reads as a person's name: two to four capitalised words, no digits, after any title. */
export function isPersonName(text: string): boolean {
  const tokens = text.trim().replace(NAME_TITLE, '').split(/\s+/);
  if (tokens.length < 2 || tokens.length > 4 || /\d/.test(text)) return false;
  return tokens.every((token, i) => {
    if (NOT_NAME_WORDS.has(token.toLowerCase())) return false;
    if (i > 0 && i < tokens.length - 1 && NAME_PARTICLES.has(token)) return true;
    return /^\p{Lu}(?:\p{Ll}+|\.|\p{Lu}+)(?:[-'’]\p{Lu}?\p{Ll}+)*$/u.test(token);
  });
}

/**
 * The first line of the byline and dateline block nearest above the body: from the nearest
 * dateline or byline, up over the lines around it that are metadata, chrome or a name alone.
 * Null when no dateline or byline stands within a dozen lines of the body.
 */
function findHeaderTop(lines: LineInfo[], bodyStart: number): number | null {
  let seen = 0;
  let i = bodyStart - 1;
  for (; i >= 0 && seen < 12; i--) {
    if (!lines[i]!.text) continue;
    if (lines[i]!.meta) break;
    seen++;
  }
  if (i < 0 || seen >= 12) return null;
  let top = i;
  for (let k = i - 1; k >= 0; k--) {
    const line = lines[k]!;
    if (!line.text) continue;
    if (
      !line.meta &&
      !line.chrome &&
      !isPersonName(line.text) &&
      !isNameAtPlace(line.text) &&
      !isAuthorRoleLine(line.text)
    )
      break;
    top = k;
  }
  return top;
}

/** Whether a line is a person's name and where they write from ("Hannah Vu in Dakar"), not a headline. */
function isNameAtPlace(text: string): boolean {
  const name = NAME_AT_PLACE.exec(text)?.[1];
  return name !== undefined && isPersonName(name);
}

/** Whether a short line gives an author's role ("Senior Fellow, Asia Program", "Global health correspondent"). */
export function isAuthorRoleLine(text: string): boolean {
  const words = text.toLowerCase().match(/[\p{L}-]+/gu) ?? [];
  if (words.length === 0 || words.length > 12) return false;
  return (
    ROLE_LINE_WORDS.has(words[0]!) || (words.length <= 5 && ROLE_LINE_WORDS.has(words.at(-1)!))
  );
}

/** Puts an all-capitals name into ordinary capitalisation, without a title before it. */
function tidyName(titled: string): string {
  const name = titled.trim().replace(NAME_TITLE, '');
  if (name !== name.toUpperCase()) return name;
  return name
    .toLowerCase()
    .replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/** Counts other lines of the page that repeat a candidate title: copies, breadcrumbs, captions. */
function countTitleEchoes(lines: LineInfo[], candidate: LineInfo): number {
  const key = candidate.key;
  if (!key) return 0;
  let echoes = 0;
  for (const line of lines) {
    // "More from Markets live" names a section, not the headline.
    if (line.n === candidate.n || !line.text || line.chrome === RELATED_BLOCK) continue;
    const other = line.key;
    if (
      other === key ||
      other.endsWith(` ${key}`) ||
      (other.startsWith(`${key} `) && other.length - key.length <= 40)
    )
      echoes++;
  }
  return echoes;
}

function isTitleCandidate(line: LineInfo): boolean {
  return (
    !!line.text &&
    !line.chrome &&
    !line.meta &&
    line.words >= 2 &&
    line.words <= 40 &&
    /\p{L}/u.test(line.text) &&
    !KIND_WORDS[line.text.toLowerCase()]
  );
}

const WEEKDAY_BEFORE = /\b(sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?,?\s*$/i;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** A page date from a date found in a line; for one without a year, the weekday printed before it. */
function pageDateFrom(found: FoundDate, rule: string, lineText?: string): PageDate | null {
  if (!found.valid || found.month === null) return null;
  const date: PageDate = { year: found.year, month: found.month, day: found.day, rule };
  const weekday =
    lineText && found.year === null ? WEEKDAY_BEFORE.exec(lineText.slice(0, found.index)) : null;
  if (weekday) date.weekday = WEEKDAYS.indexOf(weekday[1]!.toLowerCase());
  return date;
}

/** The finder of repeated units such as "Site | TaglineSite | Tagline" printed by a title bar. */
function findRepeatedUnit(text: string): string | null {
  for (let size = 3; size <= text.length / 2; size++) {
    if (text.length % size !== 0) continue;
    const unit = text.slice(0, size);
    if (unit.repeat(text.length / size) === text) return unit.trim();
  }
  return null;
}

/** A label that some sites print before a headline, on the same line. */
const KICKER =
  /^(?:breaking(?: news)?|explainer|explained|exclusive|watch|live|update|analysis|opinion|comment|video|photos|podcast|interview|review|editorial|factbox|fact check)\s*[:|–—]\s+(?=\S)/i;

/** Section names that open breadcrumbs ("Business > Industry") without naming the site. */
const SECTION_WORDS = new Set(
  'news world business research politics sport sports opinion culture analysis tech technology science health economy markets climate environment lifestyle entertainment features publications insights commentary national international local asia europe africa americas middle east'.split(
    ' ',
  ),
);

/** A publisher's name without its company form ("Al Jazeera Media Network" → "Al Jazeera"). */
function stripCompanyForm(name: string): string {
  let out = name.replace(/\s+or its affiliated companies$/i, '').trim();
  for (;;) {
    const next = out
      .replace(
        /,?\s+(?:&\s+)?(?:media(?:\s+(?:network|group|inc|bv|cic|srl|ltd|limited|llc|plc|gmbh|holdings))?|co\.?|company|ltd\.?|limited|llc|inc\.?|plc|gmbh|bv|cic|srl|s\.?a\.?|corporation|holdings|publishing)$/i,
        '',
      )
      .trim();
    if (next === out || !next) return out;
    out = next;
  }
}

/**
 * The holder a copyright line names, without its company form: "© 2024 Terra Viva. Some rights
 * reserved", "© Geba Tribune. Todos os direitos reservados", "© West Africa Today Media Group 2023".
 */
function readCopyrightHolder(text: string): string | null {
  const m =
    /^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?,?)?\s*(.+)$/i.exec(
      text,
    );
  if (!m) return null;
  // The name ends where the notice goes on: a full stop, a dash or bar, "or its affiliates".
  const name = m[1]!
    .split(/\.\s|\.$|\s[–—|·•-]\s|\s+or its\b|,\s/)[0]!
    .replace(/\s+\d{4}$/, '')
    .trim();
  if (!name || name.split(/\s+/).length > 8 || !/^\p{Lu}/u.test(name)) return null;
  return stripCompanyForm(name);
}

/** Whether a word in capitals is the initials of the words of a name ("LARGI", "Latin America Resource Governance Initiative"). */
function isAcronymOf(acronym: string, name: string): boolean {
  return acronym.length >= 2 && initialsOf(name) === acronym;
}

interface OutletVote {
  name: string;
  fullName: string | null;
  weight: number;
  rule: string;
}

/** Collects what the page's chrome says about who published it, with a weight per rule. */
function collectOutletVotes(
  lines: LineInfo[],
  decisions: LineDecision[],
  title: string,
): OutletVote[] {
  const votes: OutletVote[] = [];
  const titleKey = normalizeKey(title);
  const vote = (raw: string, weight: number, rule: string) => {
    const cleaned = raw
      .trim()
      .replace(/^[“"'«]|[”"'».:]+$/g, '')
      .trim();
    if (!cleaned || cleaned.split(/\s+/).length > 8) return;
    const [name, ...rest] = cleaned.split(/\s+\|\s+/);
    if (!name || normalizeKey(name) === titleKey || /^(home|blog|news|main)$/i.test(name)) return;
    // "WAPF | West Atlantic Policy Forum": the words after the bar spell out the acronym.
    const fullName = rest[0] && isAcronymOf(name.trim(), rest[0]) ? rest[0] : cleaned;
    votes.push({ name: name.trim(), fullName: rest.length ? fullName : null, weight, rule });
  };
  const lead = lines.find((l) => decisions[l.n]?.role === 'paragraph');
  const agency =
    lead &&
    /^\p{Lu}[\p{Lu} .'-]+,[^()]{0,40}\((\p{Lu}[\p{L}.&' -]{1,30})\)\s*[-–—]/u.exec(lead.text);
  if (agency) vote(agency[1]!, 3, 'news-agency dateline opening the lead');
  const top = lines.find((l) => l.text);
  if (
    top &&
    !top.chrome &&
    !top.meta &&
    top.words >= 1 &&
    top.words <= 6 &&
    !/[.!?:,]$/.test(top.text) &&
    !isPersonName(top.text) &&
    normalizeKey(top.text) !== titleKey
  ) {
    const next = lines.slice(top.n + 1, top.n + 4).filter((l) => l.text);
    // "Civic Beat — Marlow Heights": the name before its tagline.
    const siteName = top.text.split(/\s+[—–|]\s+/)[0]!;
    const topKey = ` ${normalizeKey(siteName).replace(/^the /, '')} `;
    const expansion = next[0]?.text;
    if (top.words === 1 && expansion && isAcronymOf(top.text, expansion))
      votes.push({
        name: top.text,
        fullName: expansion,
        weight: 2,
        rule: 'site name at the top of the page, spelled out under it',
      });
    else if (next.filter((l) => l.chrome).length >= 2 && top.words >= 2)
      vote(siteName, 2, 'site name at the top of the page, over the menu');
    // The name the page opens with and names again in its chrome (copyright, prompts, notes).
    else if (
      topKey.trim().length >= 4 &&
      lines.some((l) => l.n !== top.n && l.text && ` ${l.key} `.includes(topKey))
    )
      vote(
        /\s\|\s/.test(top.text) ? top.text : siteName,
        2,
        'site name at the top of the page, named again below',
      );
  }
  // The logo's words above the headline, which the copyright line names as its company's first
  // words: "The Meridian" over "© 2023 Meridian News & Media Limited". The logo is the outlet.
  const holders = lines
    .slice(-40)
    .map((l) => readCopyrightHolder(l.text))
    .filter((h): h is string => h !== null)
    .map((h) => ` ${normalizeKey(h)} `);
  for (const line of lines.slice(0, 30)) {
    if (!line.text || line.words > 4 || decisions[line.n]?.role === 'paragraph') continue;
    if (normalizeKey(line.text) === titleKey) break;
    const logo = normalizeKey(line.text).replace(/^the /, '');
    // "KABAR CELEBES" over "© 2025 KabarCelebes.id": the site's address spells the logo unspaced.
    const glued = logo.includes(' ') ? ` ${logo.replace(/ /g, '')} ` : null;
    if (
      logo.length >= 4 &&
      holders.some(
        (h) => (h.startsWith(` ${logo} `) && h !== ` ${logo} `) || (glued && h.startsWith(glued)),
      )
    ) {
      vote(line.text, 3, 'site name at the top of the page, as the copyright line begins');
      break;
    }
  }
  for (const line of lines) {
    if (!line.text || decisions[line.n]?.role === 'paragraph') continue;
    const text = line.text;
    let m: RegExpExecArray | null;
    if ((m = /originally (?:published|appeared) (?:on|in|by|at) (?:the )?([^.,;]+)/i.exec(text)))
      vote(m[1]!, 6, 'originally published on');
    if ((m = /^(\S+(?:\s\S+){0,3}) publishes\b/.exec(text))) vote(m[1]!, 4, 'X publishes');
    // "Pacific Rim Perspectives is published by the Pacific Rim Policy Network": the publication,
    // not its publisher, whose name the copyright line gives.
    if ((m = PUBLISHER_NOTE.exec(text))) vote(m[1]!, 4, 'X is published by');
    if ((m = /^(?:last|latest|more) (?:news|stories|articles) (?:in|from|on|at) (.+)$/i.exec(text)))
      vote(m[1]!, 3, 'latest news from X');
    const unit = findRepeatedUnit(text);
    if (unit && line.words <= 40) vote(unit, 4, 'site name repeated in the title bar');
    else if (line.repeats >= 2 && /\s\|\s/.test(text) && line.words <= 12)
      vote(text, 3, 'site name repeated in the chrome');
    const crumbs = splitBreadcrumb(text);
    // A trail's root is as often a section or a competition as the site: it only adds weight.
    if (crumbs && crumbs.length >= 2 && !SECTION_WORDS.has(crumbs[0]!.toLowerCase()))
      vote(crumbs[0]!, 1, 'breadcrumb root');
    if ((m = /^(.{2,40}?)\s+[-–—|]\s+back to (?:the )?home(?: ?page)?$/i.exec(text)))
      vote(m[1]!, 3, 'link back to the home page');
    if ((m = /^support (?:the )?(\p{Lu}[\p{L}'’.&-]*(?:\s\p{Lu}[\p{L}'’.&-]*){0,3})$/u.exec(text)))
      vote(m[1]!, 1, 'support prompt');
    const holder = readCopyrightHolder(text);
    if (holder) vote(holder, 2, 'copyright line');
    if (
      (m = /^by:?\s+(.+?)(?:\s+(?:published|posted|updated)\b.*)?:?$/i.exec(text)) &&
      !readByline(text)
    )
      vote(m[1]!, 2, 'byline names an organisation');
    const key = line.key;
    // A browser tab's title with a label before the headline: "Opinion | Title — Site".
    if (
      titleKey &&
      !key.startsWith(`${titleKey} `) &&
      key.includes(` ${titleKey} `) &&
      line.n < 12 &&
      (m = /\s[|–—-]\s([^|–—]{2,40})$/.exec(text))
    )
      vote(m[1]!, 3, 'title bar "Title | Site"');
    if (
      titleKey &&
      key.startsWith(`${titleKey} `) &&
      /\s[|–—-]\s/.test(text.slice(title.length - 2))
    ) {
      vote(text.slice(text.search(/\s[|–—-]\s[^|–—-]*$/) + 3), 3, 'title bar "Title | Site"');
    }
  }
  return votes;
}

/** Resolves outlet votes against the curated list and picks the best-supported publisher. */
export function chooseOutlet(votes: OutletVote[], outlets: KnownOutlet[]): OutletGuess | null {
  const byAlias = new Map<string, KnownOutlet>();
  for (const outlet of outlets) {
    for (const alias of [outlet.name, outlet.fullName, ...outlet.aliases]) {
      if (alias) byAlias.set(normalizeKey(alias), outlet);
    }
  }
  const tally = new Map<
    string,
    { weight: number; vote: OutletVote; known?: KnownOutlet; rules: Set<string> }
  >();
  // A name spelled out elsewhere on the page ("LARGI" over its full name) is one outlet.
  const byFullName = new Map(
    votes.filter((v) => v.fullName).map((v) => [normalizeKey(v.fullName!), v.name]),
  );
  for (const vote of votes) {
    const key = normalizeKey(byFullName.get(normalizeKey(vote.name)) ?? vote.name);
    const known =
      byAlias.get(key) ??
      byAlias.get(normalizeKey(vote.fullName ?? '')) ??
      byAlias.get(key.replace(/ (com|org|net|bg|az|ru|ge|am|ua|io|info|news)$/, ''));
    // "The Continental" and "Continental" are one name.
    const id = known?.id ?? slugify(key.replace(/^the\s+/i, ''));
    const entry = tally.get(id) ?? { weight: 0, vote, known, rules: new Set<string>() };
    entry.weight += vote.weight;
    entry.rules.add(vote.rule);
    if (vote.fullName && !entry.vote.fullName) entry.vote = vote;
    else if (!entry.vote.fullName && vote.name.length > entry.vote.name.length) entry.vote = vote;
    tally.set(id, entry);
  }
  const ranked = [...tally.entries()].sort(
    (a, b) => b[1].weight - a[1].weight || compareStrings(a[0], b[0]),
  );
  const best = ranked[0];
  if (!best || best[1].weight < 2 || !best[0]) return null;
  const [id, { vote, known, rules }] = best;
  const rule = [...rules].sort().join(' + ');
  if (known) return { id: known.id, name: known.name, fullName: known.fullName, known: true, rule };
  // A short word in capitals is an acronym ("WAPF"), kept as written; a longer one is a logo.
  const name = /^\p{Lu}{2,5}$/u.test(vote.name) ? vote.name : tidyName(vote.name);
  return { id: slugify(name) || id, name, fullName: vote.fullName, known: false, rule };
}

/** Reads a byline's name, or returns null when what follows "By" is not a person. */
function readByline(bracketed: string): string | null {
  // A wire's closing credit comes in brackets: "(Reporting by Camila Fuentes; Editing by …)";
  // its first clause names the reporters, each maybe with the city they filed from.
  const text = bracketed
    .replace(/^\((.*)\)$/, '$1')
    .split(/\s*;\s*/)[0]!
    .replace(/\s+in\s+\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?(?=\s+and\s+\p{Lu})/gu, '');
  const m = BYLINE.exec(text);
  if (!m || !isBylineLine(text, text.split(/\s+/).length)) return null;
  const names = m[3]!
    .replace(/\s*\(?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\)?/g, '')
    .split(/\s+(?:published|posted|updated|on|in|at|for)\s|\s*[|•·–—;]\s*|\s+-\s+|\s+\d/i)[0]!
    .replace(/[:.*_]+$/, '')
    .trim();
  const several = readPersonNames(names);
  if (several) return several;
  const first = names.split(/\s*,\s*/)[0]!;
  return isPersonName(first) ? tidyName(first) : null;
}

/** "Posted on March 3, 2025 by Karen Li": the byline that ends a dateline. */
const DATELINE_BYLINE = new RegExp(String.raw`\bby\s+(${NAME_WORDS})$`, 'u');
/** "— Sarah Whitcombe, Media and Communications": a signature closing the piece. */
const SIGNATURE = new RegExp(String.raw`^[—–]\s*(${NAME_WORDS})(?:,.*)?$`, 'u');
/** "Jane Roe is a water engineer based in Tashkent.": an author note closing the article. */
const AUTHOR_NOTE = new RegExp(String.raw`^(${NAME_WORDS}) is (?:a|an|the)\s`, 'u');

/** The verbs after an author's name that open a note about them ("… is a climate reporter"). */
const NOTE_VERB = /^(?:is|was|covers|writes|reports|has been|leads|edits)\b/;

/**
 * Takes the notes about the authors that close an article out of its body: "Hannah Okafor is a
 * climate reporter …", "Odhiambo covers East Africa for …", or an author's name alone.
 */
function markAuthorNotes(
  lines: LineInfo[],
  decisions: LineDecision[],
  span: { start: number; end: number },
  author: string,
  mark: (n: number, reason: string) => void,
): void {
  const names = author.split(/,\s*|\s+and\s+/).map((name) => name.trim());
  const forms = names
    .flatMap((name) => [name, name.split(/\s+/).at(-1)!])
    .map((f) => `${f.toLowerCase()} `);
  const isNote = (text: string) => {
    const lower = text.toLowerCase();
    const form = forms.find((f) => lower.startsWith(f));
    return form !== undefined && NOTE_VERB.test(lower.slice(form.length));
  };
  const alone = new Set(names.map((name) => normalizeKey(name)));
  let seen = 0;
  for (let n = span.end; n >= span.start && seen < 8; n--) {
    const line = lines[n]!;
    const role = decisions[n]?.role;
    if (!line.text || role === 'chrome' || role === 'meta') continue;
    seen++;
    if (line.words <= 60 && isNote(line.text)) mark(n, 'note about the author');
    else if (alone.has(line.key)) mark(n, "author's name over a note");
    else break;
  }
}

/** Reads "A and B" or "A, B and C" as several people's names, or returns null. */
function readPersonNames(text: string): string | null {
  const parts = text.split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/i);
  if (parts.length < 2 || !parts.every(isPersonName)) return null;
  const tidy = parts.map(tidyName);
  return tidy.length === 2
    ? tidy.join(' and ')
    : `${tidy.slice(0, -1).join(', ')} and ${tidy.at(-1)}`;
}

/**
 * Reads the page's metadata from the lines around the body: the headline and dek just above it,
 * datelines and bylines between them, the site's name in its chrome, a byline after the end.
 */
export function readMetadata(
  lines: LineInfo[],
  decisions: LineDecision[],
  span: { start: number; end: number },
  outlets: KnownOutlet[],
): PageMetadata {
  const evidence: Record<string, string> = {};
  const warnings: string[] = [];
  const mark = (n: number, reason: string) => {
    decisions[n] = { role: 'meta', reason };
  };

  // Title: the nearest title-like line above the body, preferring one the page repeats.
  const above: LineInfo[] = [];
  let nameLine: LineInfo | undefined;
  let roleLine: LineInfo | undefined;
  let pastMeta = false;
  // More candidates than are used are gathered, so that a "Summary" label above them is met.
  for (let i = span.start - 1; i >= 0 && above.length < 8; i--) {
    const line = lines[i]!;
    // Lines between a "Summary" label or a related-articles heading and the body are its items,
    // not headlines; a dateline or byline between them means the label stands above the header.
    if (line.meta) pastMeta = true;
    if (!pastMeta && (line.chrome === SUMMARY_LABEL || line.chrome === RELATED_BLOCK))
      above.length = 0;
    if (!isTitleCandidate(line)) continue;
    // A person's name alone just above the body is the byline under the headline, and may
    // have the author's role on the line under it.
    if (!nameLine && above.length === 0 && (isPersonName(line.text) || readPersonNames(line.text)))
      nameLine = line;
    else if (!nameLine && !roleLine && above.length === 0 && isAuthorRoleLine(line.text))
      roleLine = line;
    else above.push(line);
  }
  // The headline stands above the byline and the dateline: what passed for a candidate between
  // them and the body (a caption, a player's label, a score) is not it when a headline-sized
  // line sits right above them.
  const headerTop = findHeaderTop(lines, span.start);
  if (headerTop !== null) {
    const higher = above.filter((l) => l.n < headerTop);
    const nextAbove = lines.slice(0, headerTop).findLast((l) => l.text);
    if (
      higher[0] &&
      higher[0] === nextAbove &&
      higher[0].words >= 5 &&
      !splitBreadcrumb(higher[0].text)
    )
      above.splice(0, above.length, ...higher);
  }
  above.splice(3);
  if (roleLine && !nameLine) {
    above.unshift(roleLine);
    roleLine = undefined;
  }
  if (roleLine) mark(roleLine.n, "author's role");
  if (nameLine && above.length === 0) {
    above.push(nameLine);
    nameLine = undefined;
  }
  let titleLine: LineInfo | undefined = above[0];
  let dekLine: LineInfo | undefined;
  const [first, second] = above;
  // The nearest line is the standfirst, not the headline, when the line above it is the one the
  // page repeats, or a shorter headline-sized line that does not end in a full stop while the
  // nearer one is a long summary.
  const standfirstUnder = (headline: LineInfo, standfirst: LineInfo) =>
    (countTitleEchoes(lines, headline) > 0 &&
      countTitleEchoes(lines, standfirst) === 0 &&
      standfirst.words >= 6) ||
    (countTitleEchoes(lines, standfirst) === 0 &&
      headline.words >= 5 &&
      !/\.$/.test(headline.text) &&
      !isPersonName(headline.text) &&
      ((standfirst.words >= 12 && standfirst.words > headline.words) ||
        (standfirst.words >= 6 && /\.$/.test(standfirst.text))));
  if (first && second && standfirstUnder(second, first)) {
    const between = lines.slice(second.n + 1, first.n).every((l) => !l.text || l.meta || l.chrome);
    if (between) {
      titleLine = second;
      dekLine = first;
    }
  }
  let title: string;
  if (titleLine) {
    // A kicker before the headline ("Explainer:", "BREAKING:", "WATCH:") is a label, not the title.
    title = titleLine.text.replace(KICKER, '') || titleLine.text;
    evidence.title =
      countTitleEchoes(lines, titleLine) > 0
        ? 'headline above the body, repeated in the page'
        : 'headline above the body';
    mark(titleLine.n, 'title');
    // Copies of the headline are chrome once the headline is known.
    const key = normalizeKey(title);
    for (const line of lines)
      if (line.n !== titleLine.n && line.key === key)
        decisions[line.n] = { role: 'chrome', reason: 'title printed again' };
  } else {
    const crumbTail = lines
      .map((l) => splitBreadcrumb(l.text))
      .find((c) => c && c.length > 1)
      ?.at(-1);
    const firstParagraph = lines.find((l) => decisions[l.n]?.role === 'paragraph');
    if (crumbTail) {
      title = crumbTail;
      evidence.title = 'last item of the breadcrumb';
    } else {
      const sentence = firstParagraph?.text.split(/(?<=[.!?])\s/)[0] ?? '';
      title =
        sentence.split(/\s+/).slice(0, 14).join(' ') +
        (sentence.split(/\s+/).length > 14 ? '…' : '');
      evidence.title = 'no headline shown: made from the first sentence';
      warnings.push('no title shown; title made from the first sentence');
    }
  }

  // Dek: a standfirst line between the headline and the body, or a lone short sentence right under it.
  const firstBody = lines.findIndex(
    (l, i) =>
      i >= span.start && (decisions[i]?.role === 'paragraph' || decisions[i]?.role === 'heading'),
  );
  if (!dekLine && titleLine) {
    const between = lines
      .slice(titleLine.n + 1, span.start)
      .filter((l) => isTitleCandidate(l) && l.words >= 6);
    if (between.length === 1) dekLine = between[0];
  }
  if (!dekLine && titleLine && firstBody >= 0) {
    const candidate = lines[firstBody]!;
    const onlyBlankBetween = lines
      .slice(titleLine.n + 1, firstBody)
      .every((l) => !l.text || decisions[l.n]?.role === 'chrome');
    // Share buttons or a reading time between it and the next paragraph set it apart as the
    // standfirst whatever its tense ("… 4 min read" under it, then the lead).
    const furnitureAfter = (line: LineInfo) => {
      const next = lines.slice(line.n + 1, span.end + 1).find((l) => l.text);
      return next !== undefined && (next.chrome === SHARE_BUTTONS || next.meta !== null);
    };
    // A standfirst summarises in the present tense; a news lead reports in the past, with attribution.
    // Tense is only read for English, so elsewhere the sentence stays in the body, where nothing is lost.
    // Language and tense are the costly tests, so they run last, on a line that passes the others.
    const reports = () =>
      detectLanguage(
        lines
          .slice(firstBody, span.end + 1)
          .map((l) => l.text)
          .join('\n'),
      ) !== 'en' ||
      /\b(said|says|told|according to|announced|reported)\b|["“”«»]/i.test(candidate.text) ||
      nlp(candidate.text).has('#PastTense');
    if (
      onlyBlankBetween &&
      decisions[firstBody]?.role === 'paragraph' &&
      candidate.words <= 35 &&
      // Two sentences only with a byline or share bar under them, which a lead never has.
      (candidate.text.split(/(?<=[.!?])\s+(?=\p{Lu})/u).length === 1 ||
        (candidate.text.split(/(?<=[.!?])\s+(?=\p{Lu})/u).length === 2 &&
          furnitureAfter(candidate))) &&
      lines.slice(firstBody + 1, span.end + 1).some((l) => decisions[l.n]?.role === 'paragraph') &&
      !/^(on|in|at)\s|^\p{Lu}{3,}[\s,(]/u.test(candidate.text) &&
      findDates(candidate.text.slice(0, 40)).length === 0 &&
      (furnitureAfter(candidate) || !reports())
    )
      dekLine = candidate;
  }
  const dek = dekLine?.text ?? null;
  if (dekLine) {
    mark(dekLine.n, 'dek');
    evidence.dek =
      dekLine.n < span.start
        ? 'standfirst between headline and body'
        : 'single short sentence under the headline';
  }

  // The header zone runs from a few lines above the headline to the first paragraph; the
  // trailing zone from the last paragraph to the first end marker.
  const headerFrom = titleLine ? Math.max(0, titleLine.n - 3) : Math.max(0, span.start - 6);
  const bodyStart = firstBody >= 0 ? firstBody : span.start;
  const header = lines.slice(headerFrom, bodyStart).filter((l) => l.text && l.n !== titleLine?.n);
  const metaInside = lines
    .slice(bodyStart, span.end + 1)
    .filter((l) => decisions[l.n]?.role === 'meta' && l.n !== dekLine?.n);
  const trailing: LineInfo[] = [];
  for (let i = span.end + 1; i < lines.length && trailing.length < 8; i++) {
    const line = lines[i]!;
    if (!line.text || ABOUT_AUTHOR.test(line.text)) continue;
    if (END_MARKER.test(line.text)) break;
    trailing.push(line);
  }

  // Dates: "published" beats a bare dateline; "updated" is kept apart; relative dates are refused.
  let date: PageDate | null = null;
  let updated: PageDate | null = null;
  for (const line of [...header, ...metaInside, ...trailing]) {
    const isUpdate = /\b(last )?updated\b|\bmodified\b/i.test(line.text);
    const found = findDates(line.text).filter((d) => d.month !== null);
    if (found.some((d) => !d.valid))
      warnings.push(`impossible date "${found.find((d) => !d.valid)!.text}" ignored`);
    const valid = found.filter((d) => d.valid);
    if (valid.length === 0) {
      if (findRelativeDate(line.text) && !date)
        warnings.push(`relative date "${findRelativeDate(line.text)}" not turned into a date`);
      continue;
    }
    if (line.words > 25 && !/published|posted/i.test(line.text)) continue;
    const published = /\b(published|posted)\b/i.exec(line.text);
    // "Jul. 14, 2025 6:30 a.m. | Updated Jul. 15, 2025": the date before the word is the publication's.
    const updateAt = isUpdate ? /\b(?:last )?updated\b|\bmodified\b/i.exec(line.text)!.index : -1;
    if (isUpdate && !published && valid[0]!.index > updateAt) {
      updated ??= pageDateFrom(valid[0]!, 'update timestamp');
      if (decisions[line.n]?.role !== 'meta') mark(line.n, 'update timestamp');
      continue;
    }
    if (isUpdate && !published) {
      const after = valid.find((d) => d.index > updateAt);
      if (after) updated ??= pageDateFrom(after, 'update timestamp');
    }
    const pick = published
      ? (valid.find((d) => d.index > published.index) ?? valid[0]!)
      : valid[0]!;
    const candidate = pageDateFrom(
      pick,
      published
        ? '"Published" line'
        : trailing.includes(line)
          ? 'dateline after the body'
          : 'dateline near the headline',
      line.text,
    );
    if (candidate && (!date || (published && !date.rule.startsWith('"Published"'))))
      date = candidate;
  }
  const leadLine = lines.find(
    (l) => l.n >= bodyStart && l.n !== dekLine?.n && decisions[l.n]?.role === 'paragraph',
  );
  if (!date && leadLine) {
    const lead = leadLine.text.slice(0, 80);
    const m = /^(?:On|(?:\p{Lu}[\p{L}-]+,?\s+)+(?:\([^)]*\)\s*)?[-–—,]?)\s*/u.exec(lead);
    const found = findDates(lead).find((d) => d.index <= (m?.[0].length ?? 0) + 1 && d.valid);
    if (found) {
      date = pageDateFrom(found, 'date in the opening words of the lead');
      warnings.push('no dateline shown; date taken from the lead');
    }
  }
  if (!date) {
    // The page's own address near the top may carry the date: ".../2024/02/19/slug".
    for (const line of lines.slice(0, Math.max(titleLine?.n ?? 0, 0) + 1)) {
      const m = /^https?:\/\/\S*?\/((?:19|20)\d{2})\/([01]\d)\/([0-3]\d)\//.exec(line.text);
      if (m && isRealDay(+m[1]!, +m[2]!, +m[3]!)) {
        date = { year: +m[1]!, month: +m[2]!, day: +m[3]!, rule: "date in the page's address" };
        break;
      }
    }
  }
  if (!date && updated) {
    // A page that shows only when it was updated was published by then: the date a reader sees.
    date = { ...updated, rule: 'update timestamp, the only date shown' };
    warnings.push('only an update date shown; taken as the date');
  }
  if (date) evidence.date = date.rule + (date.year === null ? ' (no year shown)' : '');
  else warnings.push('no publication date shown');
  if (updated) evidence.updated = updated.rule;

  // Author: a byline near the headline, "X in City, Date", or a name alone after the body.
  let author: string | null = null;
  for (const line of [...header, ...metaInside]) {
    // A dateline may end with its byline: "Posted on March 3, 2025 by Karen Li".
    const tail = line.meta ? DATELINE_BYLINE.exec(line.text)?.[1] : undefined;
    const byline = readByline(line.text);
    const name =
      byline ??
      NAME_IN_CITY.exec(line.text)?.[1] ??
      NAME_AT_PLACE.exec(line.text)?.[1] ??
      NAME_WITH_ROLE.exec(line.text)?.[1] ??
      NAME_WITH_PLACE.exec(line.text)?.[1] ??
      tail ??
      null;
    if (name && (byline || isPersonName(name))) {
      author = tidyName(name);
      evidence.author = 'byline near the headline';
      mark(line.n, 'byline');
      break;
    }
  }
  if (!author && nameLine) {
    author = readPersonNames(nameLine.text) ?? tidyName(nameLine.text);
    evidence.author = 'name alone under the headline';
    mark(nameLine.n, 'byline');
  }
  if (!author) {
    // A name alone in the header with the author's role or a timestamp under it: "Sophie
    // Karalis", "Markets reporter", "Updated 2 hours ago", above a live page's first posts.
    const byline = header.find((line, k) => {
      const under = header[k + 1];
      return (
        !line.meta &&
        !line.chrome &&
        isPersonName(line.text) &&
        under !== undefined &&
        (isAuthorRoleLine(under.text) || under.meta !== null)
      );
    });
    if (byline) {
      author = tidyName(byline.text);
      evidence.author = 'name alone in the header, over a role or a date';
      mark(byline.n, 'byline');
    }
  }
  if (!author) {
    for (const line of trailing) {
      // A signature closing the piece: "— Sarah Whitcombe, Media and Communications".
      const signed = SIGNATURE.exec(line.text)?.[1];
      const byline =
        readByline(line.text) ??
        NAME_IN_CITY.exec(line.text)?.[1] ??
        (signed && isPersonName(signed) ? signed : null);
      // A name alone is two or three words: four capitalised words after the body are more often
      // a row of tags ("Asia Pacific Elections Kyrgyzstan").
      const alone = line.words <= 3 && isPersonName(line.text) ? line.text : null;
      const name = byline ?? alone;
      if (name) {
        author = tidyName(name);
        evidence.author = byline ? 'byline after the body' : 'name alone on a line after the body';
        mark(line.n, 'byline');
        break;
      }
      if (line.words > 12) break;
    }
  }
  if (!author) {
    // An author note closing the article, or under "About the author" after it: "Jane Roe is a
    // water engineer based in Tashkent."
    const last = [...lines].reverse().find((l) => decisions[l.n]?.role === 'paragraph');
    const notes = [last, ...trailing.slice(0, 4)];
    for (const line of notes) {
      const note = line && line.words <= 30 ? AUTHOR_NOTE.exec(line.text) : null;
      if (note && isPersonName(note[1]!)) {
        author = tidyName(note[1]!);
        evidence.author = 'author note at the end of the article';
        break;
      }
    }
  }
  if (!author) warnings.push('no author shown');
  if (author) markAuthorNotes(lines, decisions, span, author, mark);

  // Outlet: what the chrome says about the publisher, never an outlet cited in the text.
  const outlet = chooseOutlet(collectOutletVotes(lines, decisions, title), outlets);
  if (outlet) evidence.outlet = outlet.rule + (outlet.known ? '' : ' (not in the outlet list)');
  else warnings.push('no outlet shown');
  if (author && outlet && normalizeKey(author) === normalizeKey(outlet.name)) author = null;

  // Section, categories and kind: the breadcrumb and labels near the headline.
  let section: string | null = null;
  for (const line of lines) {
    const crumbs = splitBreadcrumb(line.text);
    if (!crumbs) continue;
    const inner = crumbs
      .slice(1)
      .filter(
        (c) => normalizeKey(c) !== normalizeKey(title) && !/^(home|blog|news|main)$/i.test(c),
      );
    if (inner.length) {
      section = inner.at(-1)!;
      evidence.section = 'breadcrumb';
      break;
    }
  }
  let categories: string[] = [];
  let kind: string | null = null;
  const near = titleLine ? lines.slice(Math.max(0, titleLine.n - 3), bodyStart) : [];
  for (const line of near) {
    if (!line.text || line.n === titleLine?.n) continue;
    const word = line.text.toLowerCase().replace(/[:.]$/, '');
    if (KIND_WORDS[word]) {
      kind = KIND_WORDS[word]!;
      evidence.kind = 'label near the headline';
      mark(line.n, 'kind label');
    } else if (
      line.chrome !== SHARE_BUTTONS &&
      line.words <= 2 &&
      /\p{Ll}\p{Lu}/u.test(line.text) &&
      !/\s\S+\s/.test(line.text)
    ) {
      categories = line.text.split(/(?<=\p{Ll})(?=\p{Lu})/u);
      evidence.categories = 'category labels run together near the headline';
    }
  }
  if (!kind) {
    const fromCategory = categories.map((c) => KIND_WORDS[c.toLowerCase()]).find(Boolean);
    if (fromCategory) {
      kind = fromCategory;
      evidence.kind = 'category label';
    }
  }

  return {
    title,
    dek,
    date,
    updated,
    author,
    outlet,
    section,
    categories,
    kind,
    evidence,
    warnings,
  };
}
