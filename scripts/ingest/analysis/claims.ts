/**
 * Reads the details a source gives about an event — numbers of dead and aboard, the cause, the
 * place, the stated reason — so that accounts from different outlets can be set side by side.
 * The patterns are how English news prose states such details, not facts of any one event.
 */

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  dozen: 12,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
};
const NUM =
  '(\\d[\\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|a dozen|dozens of|hundreds of)';

function toNumber(word: string): string {
  const w = word.toLowerCase().replace(/^a /, '').replace(/,/g, '');
  if (/^\d+$/.test(w)) return w;
  return NUMBER_WORDS[w] !== undefined ? String(NUMBER_WORDS[w]) : w;
}

/** Trims a phrase read as a claim: no trailing clause, no closing punctuation, at most 14 words. */
function tidy(phrase: string): string {
  const cut = phrase
    .replace(/\s+(?:which|while|and then|but|although)\b.*$/i, '')
    .replace(/[\s,.;:"”’)]+$/u, '')
    .trim();
  return cut.split(/\s+/).slice(0, 14).join(' ');
}

const RULES: Array<{ key: string; re: RegExp; read: (m: RegExpExecArray) => string }> = [
  { key: 'dead', re: new RegExp(`\\bkilling ${NUM}\\b`, 'i'), read: (m) => toNumber(m[1]!) },
  {
    key: 'dead',
    re: new RegExp(
      `\\b${NUM} (?:people |passengers |persons |of them )?(?:died|were killed|killed|dead|casualties|fatalities)\\b`,
      'i',
    ),
    read: (m) => toNumber(m[1]!),
  },
  { key: 'dead', re: new RegExp(`\\bdeaths? of ${NUM}\\b`, 'i'), read: (m) => toNumber(m[1]!) },
  {
    key: 'aboard',
    re: new RegExp(`\\bof the ${NUM} (?:people|passengers|persons)? ?(?:on board|aboard)`, 'i'),
    read: (m) => toNumber(m[1]!),
  },
  {
    key: 'aboard',
    re: new RegExp(`\\b${NUM} (?:people|persons) (?:on board|aboard)`, 'i'),
    read: (m) => toNumber(m[1]!),
  },
  {
    key: 'crew',
    re: new RegExp(`\\b${NUM} crew(?: members)?\\b`, 'i'),
    read: (m) => toNumber(m[1]!),
  },
  {
    key: 'passengers',
    re: new RegExp(`\\b${NUM} passengers\\b`, 'i'),
    read: (m) => toNumber(m[1]!),
  },
  {
    key: 'cause',
    re: /\b(?:was|were|had been|been)\s+(?:hit|struck|damaged|downed|shot down|brought down|targeted)\s+by\s+([^.;]+)/i,
    read: (m) => tidy(m[1]!),
  },
  {
    key: 'cause',
    re: /\b((?:[\p{Lu}][\p{L}-]*\s+)?(?:[\p{Ll}-]+\s+){0,2}?(?:air defen[cs]es?|forces|military|troops|missiles?))\s+(?:mistakenly\s+|accidentally\s+|deliberately\s+)?(?:targeted|shot down|hit|struck|fired on)\b/u,
    read: (m) => tidy(m[0]!),
  },
  { key: 'cause', re: /\b(?:was|were)\s+(shot down)\b/i, read: (m) => m[1]!.toLowerCase() },
  {
    key: 'place',
    re: /\bnear (?:the )?(?:[\p{Lu}][\p{L}-]+ )?(?:city|town|village|port|region) of ((?:[\p{Lu}][\p{L}-]+)(?:\s+[\p{Lu}][\p{L}-]+)*)/u,
    read: (m) => m[1]!,
  },
  {
    key: 'place',
    re: /\bnear (?:the )?((?:[\p{Lu}][\p{L}-]+)(?:\s+[\p{Lu}][\p{L}-]+)*)/u,
    read: (m) => m[1]!.replace(/\s+(?:Airport|Airfield)$/, ''),
  },
  {
    key: 'over',
    re: /\b(?:occurred|happened|flying|flew|skies|shot down|hit)\s+over\s+((?:[\p{Lu}][\p{L}-]+)(?:\s+[\p{Lu}][\p{L}-]+)*(?:\s+(?:airspace|territory|waters))?)/u,
    read: (m) => m[1]!,
  },
  { key: 'reason', re: /\b(?:was|were) due to\s+([^.;]+)/i, read: (m) => tidy(m[1]!) },
  {
    key: 'reason',
    re: /\b(?:officially\s+)?citing\s+([^.;]+)/i,
    read: (m) => tidy(m[1]!.replace(/\s+despite\b.*$/i, '')),
  },
  { key: 'reason', re: /\bbecause of\s+([^.;]+)/i, read: (m) => tidy(m[1]!) },
  { key: 'accusation', re: /\baccused of\s+([^.;]+)/i, read: (m) => tidy(m[1]!) },
];

/** Reads the details a passage gives about the event it reports, first reading of each kind wins. */
export function readClaims(passage: string): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const rule of RULES) {
    if (claims[rule.key] !== undefined) continue;
    const m = rule.re.exec(passage);
    if (m) {
      const value = rule.read(m);
      if (value) claims[rule.key] = value;
    }
  }
  return Object.fromEntries(
    Object.entries(claims).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}
