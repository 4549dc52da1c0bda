import { normalizeKey } from './text.ts';
import { findDates, findRelativeDate } from './dates.ts';

/** What one line of a scraped page looks like, measured once and reused by every rule. */
export interface LineInfo {
  n: number;
  text: string;
  words: number;
  /** Ends like a sentence (or a lead-in to a quote). */
  endsSentence: boolean;
  /** Long enough and punctuated enough to be running text. */
  prose: boolean;
  /** Why the line is site chrome, if a chrome rule matched. */
  chrome: string | null;
  /** Why the line is page metadata (dates, bylines, counters), if a metadata rule matched. */
  meta: string | null;
  /** How many times the same text appears as a line in the page. */
  repeats: number;
  /** The text folded for comparison (see normalizeKey), computed once per line. */
  key: string;
  bullet: boolean;
}

const SENTENCE_END = /[.!?…:]["”’»)\]]*$|["”»]$/;
// A lone question is how headlines and sub-headings are often phrased, so it is not running text.
const LONE_QUESTION = /^[^.!]*\?["”’»]*$/;

/** The chrome reason of a promotion's opening marker ("skip past newsletter promotion"). */
export const PROMOTION_BLOCK = 'promotion block';
/** The chrome reason of a promotion's closing marker ("after newsletter promotion"). */
export const PROMOTION_END = 'end of a promotion block';

/** The chrome reason of a label that opens a list of the article's key points ("Summary"). */
export const SUMMARY_LABEL = 'summary label';
/** The chrome reason of a heading that opens a list of other articles ("Related", "Most read"). */
export const RELATED_BLOCK = 'related-articles block';
/** The chrome reason of a share bar or one of its buttons, which other rules look for. */
export const SHARE_BUTTONS = 'share buttons';

/** A consent banner's button, as its row prints it. */
const CONSENT_BUTTON = String.raw`(?:accept(?: all)?(?: cookies)?|agree|i agree|ok|got it|reject(?: all)?|decline|refuse|allow(?: all)?|essential only|necessary only|only necessary|(?:cookie )?settings|customi[sz]e|manage (?:preferences|options|cookies))`;

/** A publication's tool button: download, print, share, cite. */
const TOOL_BUTTON = String.raw`(?:(?:download )?pdf(?: \([^)]*\))?|print|share|cite(?: this(?: publication| article| page| report)?)?|e-?mail|save|download|listen)`;

/** Chrome rules for short lines: generic site furniture, never the seeds' own sentences. */
const SHORT_CHROME: Array<[RegExp, string]> = [
  [
    /^(home|menu|search|close|skip to (main )?content|toggle navigation|navigation|main menu|sections?|more|latest|live)$/i,
    'navigation label',
  ],
  [
    /\bcookies?\b|\bprivacy (policy|settings|notice)\b|\bterms (of|and) (use|service|conditions)\b|\bconsent\b/i,
    'cookie or legal notice',
  ],
  [
    // One button or a row of them: "Accept all Essential only Settings".
    new RegExp(`^${CONSENT_BUTTON}(?:\\s+${CONSENT_BUTTON})*$`, 'i'),
    'consent button',
  ],
  [
    // A row of a publication's tools: "PDF (410 KB) Print Share Cite this publication".
    new RegExp(`^${TOOL_BUTTON}(?:\\s+${TOOL_BUTTON})+$`, 'i'),
    SHARE_BUTTONS,
  ],
  [
    /\b(subscribe|subscription|newsletter|sign ?up|sign in|log ?in|log ?out|create an account|lost your password|forgot (your )?password|my account|my bookmarks|welcome back|have an existing account|in your inbox)\b/i,
    'account or subscription prompt',
  ],
  [/^(register|donate|support us|become a member|join us)\b/i, 'account or subscription prompt'],
  [
    /^(share|share this( article| story| post| page)?|shares?|tweet|print|email|e-mail|facebook|twitter|whatsapp|telegram|linkedin|reddit|copy link|pinterest|vk|x)(\s+(facebook|twitter|email|print|whatsapp|telegram|linkedin|reddit|x|vk|download pdf|pdf|cite this|save|bookmark))*$/i,
    SHARE_BUTTONS,
  ],
  [
    /\b(follow us|find us on|stay connected|connect with us|our socials|socials)\b|^(twitter|youtube|facebook|instagram|telegram)\s*(follow|subscribe|like)/i,
    'social links',
  ],
  [/\ball rights reserved\b|^©|^copyright\b|\(c\)\s*\d{4}|\bpowered by\b/i, 'copyright line'],
  [
    /^(you (might|may) also like|related( articles| posts| stories| news| content| reading)?|read (more|also|next)|see also|more (from|on|stories|news|articles)|recommended( for you| stories)?|most (read|popular|viewed|shared)|popular( posts| news| now)?|trending( now)?|latest( news| posts| stories| articles)?|last news|top (news|stories)|editor'?s picks|what to read next|further reading|in other news|don'?t miss)\b/i,
    RELATED_BLOCK,
  ],
  [
    /^(summary|key points|highlights|in brief|at a glance|key takeaways|what you need to know|tl;?dr)$/i,
    SUMMARY_LABEL,
  ],
  [/^font size\b|^(a-? a a\+?|a a a a?)$/i, 'interface label'],
  [/^[Hh]ome(\s+\p{Lu}[\p{L}&-]*){3,}$/u, 'navigation menu'],
  [
    /^(leave a (comment|reply)|comments?( \(\d+\))?|\d+ comments?|add (a )?comment|post a comment|cancel reply|reply|your email address will not be published|required fields are marked|name\s*\*?|email\s*\*?|website|save my name)/i,
    'comment form',
  ],
  [/^(previous|next|older|newer) (article|post|story|page)\b/i, 'article navigation'],
  [/^our (?:standards|principles)\s*:/i, 'editorial standards note'],
  [/^(tags?|topics?|categories|filed under|keywords|labels)\s*:/i, 'tag list'],
  [
    /^(advertisement|advert|ad|sponsored( content)?|ad feedback|promoted|partner content)$/i,
    'advertisement',
  ],
  [
    /^(font resizer\w*|aa|notification|show more|load more|view all|see all|back to top|scroll to top|print this|toggle|open menu|close menu|purchase licensing rights|reuse this content)$/i,
    'interface label',
  ],
  [
    /^(?:[▶►]\s*)?(listen( now)?|listen to (this|the) (article|story|episode|podcast|interview)|audio|play|pause)(\s*[·|-]?\s*\(?\d{1,2}(:\d{2}){0,2}\)?)*(\s*min(ute)?s?)?$/i,
    'interface label',
  ],
  [
    /^(photo|image|picture|illustration|credit|video|graphic|getty images|reuters|ap photo|afp)\s*[:|/]/i,
    'image caption',
  ],
  [/\s[-–]\s\d{1,2}$/, 'image caption numbering'],
  [
    /^(item \d+ of \d+|\[\d+\/\d+\]|list (\d+ )?of \d+( items)?|end of list|image caption,?|media caption,?)$/i,
    'gallery or list counter',
  ],
  [
    /^(click here to share\b.*|share\d+|save (article|for later)|gift (this )?article|scroll to continue)$/i,
    SHARE_BUTTONS,
  ],
  [/^(table of )?contents:?$/i, 'table of contents'],
  // A live page's list of its key posts, each "18:04 Talks adjourn", and its filter.
  // "• 4.12pm Kestrel Bay closes up", "Auto-refresh ON Newest first ▾".
  [
    /^(?:key events|filter posts\b.*|show key events only|auto-?refresh\b.*|(?:newest|oldest|latest) first\b.*)$|^(?:[•·▪●◦‣∙*]\s*)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s+\p{Lu}\S*\s+\S.*[^.!?]$/iu,
    'live page index',
  ],
  [/^[^\p{L}\p{N}]+$/u, 'stray symbols'],
];

/**
 * A photo's credit closing a caption: "Photograph: Rui Fonseca/The Continental", "File photo:
 * Special Arrangement", "[Martín Quispe/Reuters]", "(Yonhap)", "(AP Photo/Brian Inganga)",
 * "(Peter Gondwe for The Eastbridge Tribune)".
 */
const PHOTO_CREDIT =
  /(?:\([^()]{2,40}\/[^()]{2,30}\)|\(\p{Lu}[\p{L}.'’ -]{2,40} for (?:the )?\p{Lu}[^()]{1,40}\)|\.\s*\(\p{Lu}{2,10}\)|©\s*[^.]{2,80}|\bcourtesy(?: of)? \p{Lu}[^.]{1,60}|\b(?:photograph|photo|file photo|picture|image|illustration|credit|photos?)(?: credits?)?\s*(?:by)?\s*:\s*[^.:]{2,80}|\[[^\]]{2,60}\/[^\]]{2,40}\]|\((?:[^()]*\bphoto\b[^()]*|yonhap|ap|afp|reuters|epa|xinhua|getty images|file)\)|\bgetty images|\bimage source\b.*)$/iu;

/**
 * A credit after a caption's last sentence, "Outlet/Photographer": "… on Saturday. LUC TREMBLAY /
 * THE NORTHERN CURRENT", "… March 13, 2024. Meridian/Luis Gamarra".
 */
const CAPITALS_CREDIT =
  /[.!?]\s+(?:\p{Lu}[\p{Lu}.'’ -]+\s?\/\s?\p{Lu}[\p{Lu}.'’ -]+|\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,2}\/\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+){1,2})$/u;

/** A gallery's caption: "[1/2] A man walks past …", "Item 1 of 2 A man walks past …". */
const GALLERY_CAPTION = /^(?:\[\d+\/\d+\]|item \d+ of \d+\s)/i;

/** A line that is only a photo agency's credit; the line after it is the photo's caption. */
const PHOTO_AGENCY_LINE =
  /^(?:image source,?\s*)?(?:getty images|shutterstock|alamy|epa(?:-efe)?|pa media)$|\svia getty images$/i;

/**
 * Whether a line ends with a photo's credit. Only its end is read, and only when that end can
 * hold a credit (a colon, a closing bracket, a slash, an agency's name), since most lines are
 * running text that cannot.
 */
function endsWithPhotoCredit(text: string): boolean {
  const tail = text.slice(-120);
  const last = tail[tail.length - 1];
  if (tail.includes('/') && CAPITALS_CREDIT.test(tail)) return true;
  if (
    last !== ']' &&
    last !== ')' &&
    !tail.includes(':') &&
    !/getty|image source|courtesy|©/i.test(tail)
  )
    return false;
  return PHOTO_CREDIT.test(tail);
}

/** The nearest line above a line that is not blank. */
function findPreviousText(lines: string[], n: number): string {
  for (let i = n - 1; i >= 0; i--) if (lines[i]) return lines[i]!;
  return '';
}

/** One button of a share bar: "Share on X", "[Email]", "Copy link", "Print". */
const SHARE_BUTTON_WORDS = String.raw`share(?: (?:on|via) [\p{L}]+| this(?: page| article| story)?)?|social sharing|download pdf(?: \([^)]*\))?|email|e-mail|print|copy(?: link)?|link|link copied|tweet|post|save(?: (?:article|story|for later))?|bookmark|gift (?:this )?(?:article|story)|listen|comments?|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|bluesky|threads|pinterest`;
const SHARE_BUTTON = new RegExp(String.raw`^\[?\s*(?:${SHARE_BUTTON_WORDS})\s*\]?$`, 'iu');
/** A row of buttons whose spaces were collapsed into one ("Gift this article Save Share"). */
const SHARE_BUTTON_ROW = new RegExp(String.raw`^(?:(?:${SHARE_BUTTON_WORDS})(?:\s+|$))+$`, 'iu');

/** Whether a line is a row of share buttons ("[Share on Facebook] [Share on X] [Email] [Print]"). */
function isShareBar(text: string, words: number): boolean {
  if (words > 16 || !/share|mail|print|cop(y|ied)|pdf|parta|compar|teilen/i.test(text))
    return false;
  // "Share: Facebook X WhatsApp Email Print": the networks after the label, one word each; the
  // label may be in the page's own language ("Partilhar:", "Partager :").
  const listed =
    /^(?:\p{L}+\s*\/\s*)?(?:share(?: this(?: article| story| page)?)?|partilhar|compartilhar|compartir|partager|teilen|condividi|delen|bagikan)(?:\s?:\s*|\s+)(.+)$/iu.exec(
      text,
    )?.[1];
  if (listed) {
    const items = listed.split(/\s*[|·•/]\s*|\s+/).filter(Boolean);
    // Buttons in the page's own language among them ("Salin tautan / Copy link") are allowed
    // once most of the row is networks.
    const known = items.filter((button) => SHARE_BUTTON.test(button)).length;
    return known === items.length || (known >= 3 && known >= items.length * 0.6);
  }
  const buttons = text.split(/\s*\]\s*\[?\s*|\s{2,}|\s*[|·•]\s*/).filter(Boolean);
  if (buttons.length > 0 && buttons.every((button) => SHARE_BUTTON.test(button))) return true;
  // Two buttons at least, so that a heading of one word ("Listen") stays.
  return words >= 2 && words <= 8 && SHARE_BUTTON_ROW.test(text);
}

/**
 * Words that every NOTE_CHROME rule needs, matched on the lowercased line first: most lines are
 * running text that holds none of them, and this one pattern is cheaper than the rules.
 */
const NOTE_HINT =
  /download|latest news|submit|reporting|letters|follow|promotion|email|read|see also|more on|related|continues|contributed|inputs from|grant from|editorial|thanks for|before you go|part of|post is public|subscribe|spam|°|watch|video|listen|▶|►|free|type your/;

/** Chrome rules for notes of up to NOTE_WORDS words: prompts, credits, links to other articles. */
const NOTE_WORDS = 45;
const NOTE_CHROME: Array<[RegExp, string]> = [
  [
    /^[▶►]\s*(?:watch|video|listen)\s*[:|]\s*\S|^(?:watch|video|listen)\s*[:|].*[(|]\s*\d{1,2}:\d{2}\)?$|^(?:type|enter) your email\b|\byou have (?:\d+|one|two|three) free (?:articles?|stories) (?:remaining|left)\b|\bsubscribe now for\b/iu,
    'player, sign-up or paywall prompt',
  ],
  [/^thanks for reading\b|\bthis post is public\b/i, 'newsletter sign-off'],
  [/^before you go\b.{0,3}$/i, 'appeal for support'],
  [
    /^this (?:interview|article|story|report|piece|podcast) is part of (?:our|a|the) (?:\S+ )?series\b/i,
    'series note',
  ],
  [/\bunsubscribe at any time\b|\bno spam\b/i, 'newsletter prompt'],
  [/\d\s?°[CF]\b.*\d\s?°[CF]\b/, 'weather bar'],
  [
    /\bdownload (?:the |our )?(?:\p{Lu}[\p{L}]* ){0,4}app\b|^get the latest news\b|\bsubmit a (?:response|letter)\b|\bour letters section\b|^follow .{0,60}\b(?:at|on) (?:https?:\/\/|www\.|whatsapp|telegram|google news|facebook|instagram|twitter|x\b)/iu,
    'site promotion or reader prompt',
  ],
  [/^skip past .{0,40}promotion$/i, PROMOTION_BLOCK],
  [/^after .{0,40}promotion$/i, PROMOTION_END],
  [/^enter your email( address)?$/i, 'newsletter sign-up field'],
  [
    /^(?:also read|read more|read also|see also|more on this( story)?|related)\s*[:|]\s*\S.{0,200}$/i,
    RELATED_BLOCK,
  ],
  [/^story continues (below|after) (this )?(ad|advertisement)$/i, 'advertisement'],
  [
    /\bcontributed (?:reporting )?to this (?:report|story|article)\b|^\((?:with inputs|additional reporting) from [^)]+\)$/i,
    'reporting credits',
  ],
  [
    /\bsupported by a grant from\b|\bretains? (?:full )?editorial (?:independence|control)\b/i,
    'funding note',
  ],
];

/**
 * A plea for money closing the article. Both halves are needed: "support us" alone is also what
 * people quoted in a story say. The words of the first half are looked for first, on the
 * lowercased line, since nearly every line has none of them.
 */
const APPEAL_HINT = /journalism|reporting|readers|paywall/;
const APPEAL =
  /\b(?:support us|(?:please )?support (?:the )?\p{Lu}\p{L}+ (?:from|today|with)|become a (?:subscriber|member|supporter|patron)|from as little as|monthly gift|small favou?r to ask|donate (?:today|now))\b/iu;

/** Chrome rules that may match long lines too: legal notices and editorial disclaimers. */
const ANY_CHROME: Array<[RegExp, string]> = [
  [/\bforeign agent\b|иностранн\w* агент/i, 'foreign-agent legal notice'],
  [/^by (using|continuing to use|browsing) (this|our) (site|website)/i, 'cookie or legal notice'],
  [/\bwe use cookies\b|\buses cookies\b/i, 'cookie or legal notice'],
  [
    /\b(?:store and\/?(?:or )?access information on (?:a|your) device|we value your privacy|our \d+ partners|(?:accept|reject) all cookies|cookie (?:policy|settings|preferences))\b/i,
    'cookie or legal notice',
  ],
  [/^(?:copyright\b|©|\(c\))[^.]{0,120}\.?\s*all rights reserved\b/i, 'copyright line'],
  [
    /\bmay not be (?:published|reproduced), broadcast, rewritten or redistributed\b|\backnowledges? the traditional (?:owners|custodians)\b/i,
    'copyright or acknowledgement notice',
  ],
  [
    /\b(originally|first) (published|appeared|ran) (on|in|by|at)\b|\bis republished (from|with)\b/i,
    'republication notice',
  ],
  [
    /\b(publishes|opinions|views)\b.{0,80}\b(expressed|perspectives|do not necessarily reflect|constructive debate|own and do not)/i,
    'editorial disclaimer',
  ],
];

const ABOUT_AUTHOR_WORDS = 'about the (?:authors?|writers?|contributors?)';
/** The heading of an author's biography after the article, which ends the body but not the page's metadata. */
export const ABOUT_AUTHOR = new RegExp(`^${ABOUT_AUTHOR_WORDS}$`, 'i');

/** Lines whose only job is to end an article: nothing after them belongs to its body. */
export const END_MARKER = new RegExp(
  String.raw`^(you (might|may) also like|related( articles| posts| stories| news| content)?(?!\s*[:|]\s*\S)|more (from|on) |recommended( for you| stories)?|most (read|popular|viewed)|leave a (comment|reply)|comments?( \(\d+\))?$|\d+ comments?$|share this (article|story|post)|what to read next|further reading|read next|${ABOUT_AUTHOR_WORDS}$|-*\s*ends\s*-*$|notes to editors?$|#{3}$|(?:topics|tags|tagged|filed under|related topics|explore more on these topics)\s*:?$)`,
  'i',
);

/**
 * Whether a line lists sections or editions set apart by middle dots ("Commodities · Base Metals ·
 * Deals", "Singapore · Sydney · Jakarta"): three or more short capitalised items, which a byline
 * with its outlet ("Name · Outlet ·") is not. Unlike a trail, it says nothing of the site's name.
 */
function isDottedList(text: string): boolean {
  const items = text.split(/\s+[·•]\s+/);
  return (
    items.length >= 3 &&
    items.every((item) => /^\p{Lu}[\p{L}&'’-]*(?:\s[\p{L}&'’-]+){0,2}$/u.test(item))
  );
}

/** A breadcrumb trail such as "Home > World > Title". */
export function splitBreadcrumb(text: string): string[] | null {
  const parts = text.split(/\s+(?:>|»|›|→|\/|\|)\s+/);
  // A slash separates crumbs only in a trail that starts at the home page ("Home / India"), or
  // in one of three or more short capitalised crumbs ("Interviews / Extractives / Peru").
  const slashTrail =
    /^home\s+\/\s/i.test(text) ||
    (parts.length >= 3 && parts.every((p) => /^\p{Lu}\S*(?:\s\S+){0,2}$/u.test(p)));
  if (parts.length < 2 || !(/\s(?:>|»|›|→)\s/.test(text) || slashTrail)) return null;
  if (parts.some((p) => p.split(/\s+/).length > 25 || p.length === 0)) return null;
  return parts;
}

/** A byline's opening words: English ones, and the usual ones of other languages the ingest meets. */
export const BYLINE =
  /^(?:(by|written by|posted by|words by|words|reporting by|story by|interview by|interviewed by|author|authors|writer|text)|(von|par|por|di|door|av|af|автор|авторы|текст|yazar|müəllif|penulis|oleh|wartawan)(?:\s*\/\s*(?:writer|author|by))?)\s*:?\s+(\S.*)$/i;
/** Two to four capitalised words, as a byline writes a person's name (a pattern's source). */
export const NAME_WORDS = String.raw`\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}`;
/** "Name in City Month D, YYYY": a byline that carries the place and date of writing. */
export const NAME_IN_CITY = new RegExp(
  String.raw`^(${NAME_WORDS})\s+in\s+\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?,?\s+(?:on\s+)?\S`,
  'u',
);
/** "Hannah Vu in Dakar", alone on its line: a byline if the words before "in" are a person's name. */
export const NAME_AT_PLACE = new RegExp(
  String.raw`^(${NAME_WORDS})\s+in\s+\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?$`,
  'u',
);
/** "Sanjay Pillai | Dubai", "Emma Tremblay · CPB News ·": a byline with the place or outlet, no "By". */
export const NAME_WITH_PLACE =
  /^(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,2})\s*[|·]\s*\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}\s*·?$/u;
/** "Aparna Menon | Staff Writer", "Dana Whitcomb, Reporter": a byline with the author's role, no "By". */
export const NAME_WITH_ROLE = new RegExp(
  String.raw`^(${NAME_WORDS})\s*[|,–—]\s*(?:[\p{L}-]+\s+){0,3}(?:writer|correspondent|reporter|editor|columnist|contributor|journalist|staff)s?$`,
  'iu',
);
const CAPITALISED_NAME = new RegExp(`^${NAME_WORDS}$`, 'u');

const EDITOR_CREDIT = new RegExp(
  String.raw`^(?:editor|edited by|editing by|penyunting|redaktur)\s*:?\s+${NAME_WORDS}$`,
  'iu',
);
const WIRE_CREDITS =
  /^(?:reporting|writing|reported) by\b.*\b(?:editing|additional reporting|compiled|writing) by\b/i;

/** Whether a line is a byline; a foreign opening word ("Von", "Par") only counts before a capitalised name. */
export function isBylineLine(text: string, words: number): boolean {
  const m = BYLINE.exec(text);
  if (!m || words > 20) return false;
  return m[1] !== undefined || CAPITALISED_NAME.test(m[3]!.trim());
}
const COUNTER =
  /^(\d[\d.,]*\s*[km]?\s*(views?|reads?|comments?|shares?|likes?)?|\d+\s*(min(ute)?s?|hours?)(\s+read)?|(reading time|read time)\s*:?.*)$/i;
const META_WORDS =
  /\b(published|posted|updated|last updated|modified|views?|min(ute)?s? read|reading time|\d+\s*minutes?)\b/i;
const ALL_META_WORDS = new RegExp(META_WORDS.source, 'gi');

const POST_TIME =
  /^\d{1,2}[:.]\d{2}\s*(?:[aApP]\.?[mM]\.?)?(?:\s*(?:[A-Z]{2,5}|gmt|bst|utc|cet|cest|eat|wat|cat|ist|edt|est|pdt|pst))?$/;

/** A date, a colon or dash, and a sentence: "8 March: The strike is suspended." */
const TIMELINE_ENTRY = /^[^:–—]{3,30}\s*[:–—]\s+\p{Lu}\S*\s+\S.*[.!?]$/u;

/** Decides whether a line is page metadata: a dateline, byline, counter or timestamp. */
function detectMeta(text: string, words: number): string | null {
  // A wire story's credits, however many names they list: "Reporting by A in X; Editing by B".
  if (words <= 60 && WIRE_CREDITS.test(text)) return 'byline';
  // "Editor: Rizal Mappiasse" under the byline credits the desk, not the author.
  if (words <= 6 && EDITOR_CREDIT.test(text)) return 'editor credit';
  if (
    isBylineLine(text, words) ||
    (words <= 10 && (NAME_WITH_ROLE.test(text) || NAME_WITH_PLACE.test(text)))
  )
    return 'byline';
  if (/^(last )?updated\b|^modified\b/i.test(text)) return 'update timestamp';
  // A live page's post time, alone on its line: "18:04 GMT", "9.30am".
  if (words <= 3 && POST_TIME.test(text)) return 'time of a live post';
  if (COUNTER.test(text)) return 'counter or reading time';
  const dates = findDates(text);
  // The cheap test first: most lines are long, and these patterns scan the whole line.
  if (words <= 8 && dates.length === 0 && findRelativeDate(text)) return 'relative timestamp';
  // "8 March: The strike is suspended." is an entry of a timeline, not the page's date.
  if (dates.length > 0 && text.startsWith(dates[0]!.text) && TIMELINE_ENTRY.test(text)) return null;
  if (dates.length > 0) {
    // What is left once dates, times and counters are gone decides whether this is a dateline.
    let rest = text;
    for (const d of dates) rest = rest.replace(d.text, ' ');
    rest = rest
      .replace(/\b\d{1,2}:\d{2}(\s*[ap]\.?m\.?)?/gi, ' ')
      .replace(/\b\d[\d.,]*\s*[km]?\b/gi, ' ')
      .replace(ALL_META_WORDS, ' ')
      .replace(/\b(on|at|the|am|pm|gmt|utc|msk|cet|est|edt)\b/gi, ' ')
      .replace(/[^\p{L}]+/gu, ' ')
      .trim();
    if (rest.split(/\s+/).filter(Boolean).length <= 3) return 'dateline';
    if (NAME_IN_CITY.test(text) && words <= 14) return 'byline';
  }
  if (words <= 12 && META_WORDS.test(text) && /\d/.test(text)) return 'dateline';
  return null;
}

/** Counts places where words were run together without a space ("FalloutRising"). */
function countGluedWords(text: string): number {
  return (text.match(/\p{Ll}{2}\p{Lu}\p{Ll}/gu) ?? []).length;
}

/**
 * "The Alpine Ledger is published by Helvetic Media Group, …": a note on who owns the site,
 * with the publication's name.
 */
export const PUBLISHER_NOTE =
  /^((?:The\s+)?\p{Lu}\S*(?:\s+\p{Lu}\S*){0,4})\s+is\s+(?:published|produced|owned)\s+by\b/u;

/** Measures every line of a page and applies the chrome and metadata rules to each. */
export function describeLines(lines: string[]): LineInfo[] {
  const lowered = lines.map((line) => line.toLowerCase());
  const counts = new Map<string, number>();
  for (const key of lowered) if (key) counts.set(key, (counts.get(key) ?? 0) + 1);
  const described = lines.map((text, n): LineInfo => {
    const words = text ? text.split(/\s+/).length : 0;
    const endsSentence = SENTENCE_END.test(text);
    const bullet = /^[•·▪●◦‣∙*]\s*\S/.test(text) || /^[-–—]\s+\S/.test(text);
    let chrome: string | null = null;
    if (text.length > 50_000)
      chrome = `overlong line (${text.length.toLocaleString('en')} characters)`;
    for (const [re, reason] of ANY_CHROME) if (!chrome && re.test(text)) chrome = reason;
    if (!chrome && isShareBar(text, words)) chrome = SHARE_BUTTONS;
    if (!chrome && words <= 40 && PUBLISHER_NOTE.test(text)) chrome = 'publisher note';
    if (!chrome && words <= 90 && APPEAL_HINT.test(lowered[n]!) && APPEAL.test(text))
      chrome = 'appeal for support';
    if (!chrome && words <= NOTE_WORDS && NOTE_HINT.test(lowered[n]!))
      for (const [re, reason] of NOTE_CHROME) if (!chrome && re.test(text)) chrome = reason;
    if (!chrome && words <= 60 && (GALLERY_CAPTION.test(text) || endsWithPhotoCredit(text)))
      chrome = 'image caption';
    if (!chrome && words <= 30 && n > 0) {
      const previous = findPreviousText(lines, n);
      if (previous.length <= 60 && PHOTO_AGENCY_LINE.test(previous)) chrome = 'image caption';
    }
    if (!chrome && words <= 12)
      for (const [re, reason] of SHORT_CHROME) if (!chrome && re.test(text)) chrome = reason;
    if (!chrome && bullet && words <= 6) chrome = 'menu item';
    if (!chrome && !/[.!?]\s/.test(text) && countGluedWords(text) >= 2)
      chrome = 'words run together (menu or table of contents)';
    if (!chrome && (splitBreadcrumb(text) || isDottedList(text))) chrome = 'breadcrumb';
    const meta = chrome ? null : detectMeta(text, words);
    const question = LONE_QUESTION.test(text) && words <= 40;
    const prose = !chrome && !meta && !question && ((words >= 8 && endsSentence) || words >= 25);
    return {
      n,
      text,
      words,
      endsSentence,
      prose,
      chrome,
      meta,
      repeats: counts.get(lowered[n]!) ?? 0,
      bullet,
      key: normalizeKey(text),
    };
  });
  // A dash-led line with no bulleted neighbour is a sub-heading ("– The jobs question"), not a menu.
  const neighbour = (i: number, step: number) => {
    for (let j = i + step; j >= 0 && j < described.length; j += step)
      if (described[j]!.text) return described[j];
    return undefined;
  };
  // A credit alone on its line ("Ismaël Zongo/Frontier Science") closes the caption above it.
  for (const line of described) {
    if (
      line.words > 8 ||
      !/^\p{Lu}[\p{L}.'’ -]{1,40}\/\s?\p{Lu}[\p{L}.'’ &-]{1,40}$/u.test(line.text)
    )
      continue;
    line.chrome = 'image credit';
    line.meta = null;
    const caption = neighbour(line.n, -1);
    if (caption && caption.words <= 35 && !caption.meta) {
      caption.chrome = 'image caption';
      caption.prose = false;
    }
  }
  // A video's title and caption follow its player ("Play", "01:42") and come before the text.
  for (let i = 0; i < described.length; i++) {
    if (!/^(play|watch|video)$/i.test(described[i]!.text)) continue;
    const duration = neighbour(i, 1);
    if (!duration || !/^\d{1,2}:\d{2}(:\d{2})?$/.test(duration.text)) continue;
    let captions = 0;
    for (let line = neighbour(duration.n, 1); line && captions < 2; line = neighbour(line.n, 1)) {
      if (line.words > 20 || line.meta) break;
      if (!line.chrome) line.chrome = 'video caption';
      line.prose = false;
      captions++;
    }
  }
  for (const line of described) {
    if (
      line.chrome === 'menu item' &&
      /^[-–—]\s/.test(line.text) &&
      !neighbour(line.n, -1)?.bullet &&
      !neighbour(line.n, 1)?.bullet
    )
      line.chrome = null;
  }
  return described;
}
