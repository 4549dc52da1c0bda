/**
 * Reads the details a source gives about an event — how many died, went missing, were hurt,
 * detained, freed or expelled, how many were aboard, the cause, the place, the stated reason —
 * so that accounts from different outlets can be set side by side.
 * The patterns are how English news prose states such details, not facts of any one event.
 */

const UNIT_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TEN_WORDS = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec';
const WEEKDAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';

/**
 * How a count is hedged, by the words that hedge it. Synonyms share one wording so that two
 * sources giving the same figure give the same string, which is what the claims table compares;
 * an empty wording drops the hedge ("a total of 12" is 12).
 */
const QUALIFIERS: Record<string, string[]> = {
  'at least': ['at least', 'no fewer than', 'no less than', 'a minimum of'],
  'more than': ['more than', 'over', 'upwards of', 'in excess of', 'well over'],
  about: ['about', 'around', 'some', 'roughly', 'approximately', 'an estimated', 'estimated'],
  nearly: ['nearly', 'almost', 'close to', 'just under'],
  'up to': ['up to', 'as many as'],
  'fewer than': ['fewer than', 'less than'],
  '': ['a total of', 'only', 'just', 'all'],
};

const alternation = (words: string[]) => [...words].sort((a, b) => b.length - a.length).join('|');

const QUALIFIER = `(?:${alternation(Object.values(QUALIFIERS).flat())})`;
const SMALL = alternation(UNIT_WORDS.slice(1, 10));
// A year ("in 2019") stands next to the same verbs as a count; it is a count only before people.
const NUMBER = String.raw`(?:(?!(?:1[89]|20)\d\d\b(?!\s+PERSON))(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s+(?:million|thousand))?|(?:${TEN_WORDS.join('|')})(?:[-\s](?:${SMALL}))?|(?:(?<!\b(?:no|any|every|each|the|which|that|this) )one|${alternation(UNIT_WORDS.filter((w) => w !== 'one'))})(?:\s+hundred)?|(?:a|one) (?:dozen|hundred)|(?:several|a few) (?:dozen|hundred|thousand)|(?:dozens|hundreds|thousands|tens of thousands|scores)(?: of)?)`;

/** Nouns for people, as counts of them are written; a count of anything else is not read. */
const PERSON = String.raw`(?:people|persons?|individuals?|civilians?|residents?|inhabitants?|villagers?|locals|citizens?|nationals?|foreigners?|tourists?|visitors?|migrants?|refugees?|asylum[- ]seekers?|workers?|employees?|staff(?: members?)?|labou?rers?|miners?|fishermen|fisherman|fishers?|farmers?|sailors?|seafarers?|crew(?: ?members?|men)?|passengers?|pilgrims?|worshippers?|students?|pupils?|children|child|teenagers?|youths?|adults?|women|woman|men|man|boys?|girls?|babies|baby|infants?|patients?|doctors?|nurses?|medics?|teachers?|journalists?|reporters?|activists?|protest[eo]rs?|demonstrators?|rioters?|strikers?|supporters?|fans?|spectators?|soldiers?|troops|servicemen|officers?|policemen|police|guards?|firefighters?|rescuers?|volunteers?|militants?|fighters?|rebels?|insurgents?|suspects?|prisoners?|inmates?|detainees?|hostages?|captives?|victims?|survivors?|diplomats?|officials?|envoys?|ministers?|politicians?|lawmakers?|deputies|senators?|judges?|lawyers?|priests?|monks?|nuns?|clerics?|players?|athletes?|artists?|musicians?|writers?|bloggers?|traders?|vendors?|merchants?|shopkeepers?|dock(?:er|worker)s?|porters?|cleaners?|contractors?|engineers?|technicians?|pilots?|truckers?|cyclists?|pedestrians?|campers?|squatters?|tenants?|settlers?|herders?|peasants?|shepherds?|tribesmen|gunmen|jihadists?|separatists?|members?|leaders?|climbers?|hikers?|swimmers?|divers?|drivers?|motorists?|commuters?|shoppers?|guests?|others|families|relatives)`;

// Words that may stand between a count and its noun ("37 Senegalese fishermen", "12 other men"),
// but not units or clauses, so that "14 per cent of residents" is not a count of residents.
const MODIFIERS = String.raw`(?:(?!(?:per|percent|cent|of|times|and|or|to|from|in|on|at|by|with|for|the|a|an|years?|months?|weeks?|days?|hours?|minutes?|kilomet(?:re|er)s?|km|miles?|met(?:re|er)s?|feet|foot|tonnes?|tons?|litres?|liters?|points?|million|billion|thousand|were|was|are|is|had|have|has|who|that|which|it|they|he|she|we|remain|still)\b)[\p{L}'’-]+\s+){0,2}`;

// What may follow a count read after its verb ("killing 12 in the blast", "freed 14 on 5 June"):
// its people, "of them", or the end of the phrase; not a month, a unit or an object.
const BOUNDARY = String.raw`(?=\s*(?:[,.;:!?)”"’—–]|$)|\s+(?:in|on|at|by|for|after|during|when|while|as|and|or|but|near|from|since|following|over|overnight|last|this|that|yesterday|today|earlier|later|so far|to date|with|without|amid|across|inside|outside|off|into|before|until|aboard|on board)\b)`;
const AFTER_COUNT = String.raw`(?=\s+${MODIFIERS}${PERSON}\b|\s+of (?:them|those|whom|the|its|their)\b|${BOUNDARY})`;

// Not money, not part of a decimal, not an age ("aged 58"), not a day after its month
// ("March 12"), and not an addition to an earlier count ("another 5").
const BEFORE_COUNT = String.raw`(?<![\p{L}\p{Sc}\d.,'’-])(?<!\bag(?:ed|e)(?: of)? (?:\d+ (?:to|and) )?)(?<!\b(?:another|further|additional|other|extra) )(?<!\b(?:${MONTHS})\.? )`;

const COUNT =
  `${BEFORE_COUNT}(?<n>(?:${QUALIFIER}\\s+)?${NUMBER})(?![\\p{L}\\d%]|[.,]\\d|\\s*(?:%|per ?cent))`.replace(
    /PERSON/g,
    () => `${MODIFIERS}${PERSON}`,
  );

const AUX = String.raw`(?:have been|has been|had been|are being|were being|were|was|are|is|have|had|has|remain|remained|remains)`;
const PAST_AUX = String.raw`(?:have been|has been|had been|were|was|have|had|has)`;
const ADVERB = String.raw`(?:still|now|all|also|reportedly|officially|later|since|confirmed|reported|believed|feared|presumed|known to (?:have|be)|thought to (?:have|be)|said to (?:have|be)|listed as|counted as)`;

/**
 * One way a detail is written: its key, its pattern, and how a match gives the value ('' for
 * none). A count's patterns look behind and ahead at every number, which is slow on long
 * passages, so they run only on passages that hold a number and the rule's own words (`hint`).
 */
type Rule = {
  key: string;
  re: RegExp;
  read: (m: RegExpMatchArray) => string;
  hint?: RegExp;
  count?: boolean;
  /** Set when the pattern starts with the count, so that it is tried only where a number is. */
  atNumber?: boolean;
  /** Set when the pattern starts with its hint's words, before a count: tried only there. */
  atHint?: boolean;
  /** Words of which the passage must hold one, looked up in its words before the pattern runs. */
  needs?: string[];
};

/** A rule that runs only on passages holding one of some words ("citing cites cited"). */
const needing = (words: string, rule: Rule): Rule => ({ ...rule, needs: words.split(' ') });

/** The words of a rule, as a cheap test that a passage may match it. */
const hintOf = (words: string) => new RegExp(String.raw`\b(?:${words})\b`, 'iu');

/**
 * The first words of a hint's alternatives ("killing|killed|claiming the lives of" → killing,
 * killed, claiming), to look up in the passage's words; undefined when an alternative opens
 * with a pattern rather than a word, which the hint's own test then covers.
 */
function firstWordsOf(words: string): string[] | undefined {
  const out: string[] = [];
  for (const alternative of words.split('|')) {
    const m = /^(?:\(\?:[^()]*\)\?\s*)*([a-z'’-]+)(\?)?(?=\s|$|\\b)/.exec(alternative);
    if (!m) return undefined;
    out.push(m[1]!);
    // "deaths?": both spellings.
    if (m[2]) out.push(m[1]!.slice(0, -1));
  }
  return out;
}

function toNumber(word: string): string {
  const w = word.toLowerCase().replace(/,/g, '').replace(/\s+/g, ' ');
  if (/^\d+(?:\.\d+)?(?: (?:million|thousand))?$/.test(w)) return w;
  const collective = /^(dozens|hundreds|thousands|tens of thousands|scores)(?: of)?$/.exec(w);
  if (collective) return collective[1]!;
  const hundred = /^(?:(a)|(\p{L}+)) (dozen|hundred)$/u.exec(w);
  if (hundred) {
    const times = hundred[1] ? 1 : UNIT_WORDS.indexOf(hundred[2]!);
    if (times > 0) return String(times * (hundred[3] === 'dozen' ? 12 : 100));
  }
  const [tens, unit] = w.split(/[-\s]/);
  const ten = TEN_WORDS.indexOf(tens!);
  if (ten >= 0) return String((ten + 2) * 10 + (unit ? UNIT_WORDS.indexOf(unit) : 0));
  const n = UNIT_WORDS.indexOf(w);
  return n >= 0 ? String(n) : w;
}

/** Writes a count with its hedge in one wording: "some 30" and "about thirty" are both "about 30". */
function toCount(text: string): string {
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  for (const [wording, hedges] of Object.entries(QUALIFIERS))
    for (const hedge of hedges)
      if (lower.startsWith(`${hedge} `))
        return `${wording} ${toNumber(lower.slice(hedge.length + 1))}`.trim();
  return toNumber(lower);
}

const CLAUSE_END = new RegExp(
  `(?:${[
    String.raw`\s*,\s*(?:and|but|which|while|who|whom|whose|where|saying|adding|alleging|claiming|insisting|arguing|according|though|although|even|despite|as well as|before|after)\b`,
    String.raw`,\s+(?:the\s+)?(?:[\p{L}'’-]+\s+){0,4}(?:said|says|told|added|reported|announced|stated)\b`,
    // A comma before a past-tense verb closes the phrase: "retaliation for the raid, recalled its envoy".
    String.raw`,\s+[\p{Ll}-]+ed\b`,
    String.raw`\s+(?:which|while|and then|but|although|though|despite|according to|even though|whereas)\b`,
    String.raw`\s+(?:on|since|last)\s+(?:${WEEKDAYS}|\d{1,2}\s+(?:${MONTHS})|(?:${MONTHS})\s+\d{1,2})\b`,
    String.raw`\s+[—–]\s`,
    String.raw`[;:]`,
  ]
    .map((p) => `(?:${p})`)
    .join('|')})[^]*$`,
  'iu',
);

/** Trims a phrase read as a claim: a quoted phrase to its quote, no trailing clause, at most 14 words. */
function tidy(phrase: string): string {
  const quoted = /^\s*["“]([^"”]{3,})["”]/u.exec(phrase);
  const cut = (quoted ? quoted[1]! : phrase)
    .replace(CLAUSE_END, '')
    .replace(/^[\s"“(]+/u, '')
    .replace(/[\s,.;:"”’)]+$/u, '')
    .trim();
  return cut.split(/\s+/).slice(0, 14).join(' ');
}

// A reason or cause that is in fact a time or a span ("over the weekend", "for two weeks").
const NOT_A_REASON = new RegExp(
  String.raw`^(?:the\s+)?(?:past|last|next|coming|first|same|rest|remainder|duration|time being|moment|weekend|week|month|year|day|night|morning|afternoon|evening|summer|winter|spring|autumn|season|years|decades?|holidays?|phone|telephone|radio|life|good|now|ever|hours|days|weeks|months|several|many|some|a\s+(?:week|month|year|day|while|period|decade|few|number)|\d|${alternation(UNIT_WORDS)}\b|${TEN_WORDS.join('|')}|${WEEKDAYS}|${MONTHS})\b`,
  'iu',
);
const reasonOrNothing = (phrase: string) => (NOT_A_REASON.test(phrase.trim()) ? '' : tidy(phrase));
// "strictly personal reasons" and "personal reasons" are one reason.
const plainReason = (phrase: string) =>
  reasonOrNothing(
    phrase.replace(
      /^\s*["“]?(?:(?:strictly|purely|mainly|largely|partly|chiefly|primarily|solely|simply|merely|officially|ostensibly|allegedly|reportedly)\s+)+/iu,
      '',
    ),
  );

/** A count read after its verb: "killing 12", "detained 37 fishermen", "the detention of 20". */
const countAfterVerb = (key: string, verbs: string): Rule => ({
  key,
  needs: firstWordsOf(verbs),
  count: true,
  atHint: true,
  hint: hintOf(verbs),
  re: new RegExp(String.raw`\b(?:${verbs})\s+${COUNT}${AFTER_COUNT}`, 'iu'),
  read: (m) => toCount(m.groups!.n!),
});

/**
 * A count read before its verb: "14 people died", "41 were missing", "nine remain missing".
 * A transitive verb must end the phrase, so that "two soldiers killed a guard" is not two dead.
 */
const countBeforeVerb = (
  key: string,
  verbs: string,
  { aux = AUX, transitive = false }: { aux?: string; transitive?: boolean } = {},
): Rule => ({
  key,
  count: true,
  atNumber: true,
  needs: firstWordsOf(verbs),
  hint: hintOf(verbs),
  re: new RegExp(
    String.raw`${COUNT}(?:\s+of (?:them|whom|those))?(?:\s+${MODIFIERS}${PERSON})?(?:\s+(?:who|that))?(?:\s+${aux})?(?:\s+${ADVERB}){0,2}\s+(?:${verbs})\b${transitive ? BOUNDARY : ''}`,
    'iu',
  ),
  read: (m) => toCount(m.groups!.n!),
});

/** A count whose state comes before its people: "37 detained fishermen", "12 missing hikers". */
const countBeforePeople = (key: string, states: string): Rule => ({
  key,
  needs: firstWordsOf(states),
  count: true,
  atNumber: true,
  hint: hintOf(states),
  re: new RegExp(String.raw`${COUNT}\s+(?:${states})\s+${MODIFIERS}${PERSON}\b`, 'iu'),
  read: (m) => toCount(m.groups!.n!),
});

/** A count in a fixed phrase, which holds the words of `hint`: "the death toll rose to 31". */
const countIn = (key: string, hint: string, pattern: string): Rule => ({
  key,
  needs: firstWordsOf(hint),
  count: true,
  atNumber: pattern.startsWith('COUNT'),
  hint: hintOf(hint),
  re: new RegExp(
    pattern.replace('COUNT', () => COUNT),
    'iu',
  ),
  read: (m) => toCount(m.groups!.n!),
});

/** A phrase read after its marker: "caused by X", "citing X". */
const phraseAfter = (key: string, needs: string, marker: string, read = tidy): Rule => ({
  key,
  needs: needs.split(' '),
  // The phrase is only looked at, so that a later marker in the same sentence can still be found.
  re: new RegExp(String.raw`${marker}\s+(?=([^.;?!]+))`, 'iu'),
  read: (m) => read(m[1]!),
});

// Decisions and acts whose reason follows them: "resigned over", "was closed for", "quit because".
const DECISION = String.raw`(?:resign(?:ed|s|ing)?|quit(?:s|ting)?|step(?:ped|s|ping)? down|walk(?:ed|s|ing)? out|went on strike|go(?:es|ing)? on strike|strik(?:e|es|ing)|struck|protest(?:ed|s|ing)?|clos(?:ed|es|ing)|shut(?:s|ting)?(?: down)?|suspend(?:ed|s|ing)|cancell?(?:ed|s|ing)|postpon(?:ed|es|ing)|bann?(?:ed|s|ing)|halt(?:ed|s|ing)|expel(?:led|s|ling)|recall(?:ed|s|ing)|dismiss(?:ed|es|ing)|sack(?:ed|s|ing)|fired|ousted|arrest(?:ed|s|ing)|detain(?:ed|s|ing)|jail(?:ed|s|ing)|fin(?:ed|es|ing)|sanction(?:ed|s|ing)|sued|su(?:es|ing)|broke down|collapsed|stalled|summon(?:ed|s|ing))`;
// The decision itself as a noun, before what it is said to be: "the closure was retaliation for X".
const DECISION_NOUN = String.raw`\b(?:the|its|this|that|his|her|their)\s+(?:decisions?|moves?|closures?|bans?|suspensions?|resignations?|expulsions?|measures?|shutdowns?|arrests?|detentions?|orders?|recalls?|sanctions?|strikes?|protests?|raids?|crackdowns?|dismissals?|sackings?|evictions?|cuts|curfews?|lockdowns?|blockades?|boycotts?|seizures?)(?:\s+[^\s.;,]+){0,6}?\s+(?:was|is|had been|has been|were|are)\s+(?:(?:purely|simply|merely|largely|partly|mainly|only|in fact|really|clearly)\s+)?`;

const RULES: Rule[] = [
  countIn(
    'dead',
    'toll',
    String.raw`\b(?:(?:death|casualty|fatality)\s+)?toll\b(?:\s+[^\s.;,]+){0,6}?\s+(?:at|of|to|is|was|reached|hit|stands at|stood at)\s+COUNT${AFTER_COUNT}`,
  ),
  countAfterVerb('dead', 'killing|killed|kills|claiming the lives of|claimed the lives of'),
  countIn(
    'dead',
    'dead',
    String.raw`\b(?:left|leaving)\s+COUNT(?:\s+${MODIFIERS}${PERSON})?\s+dead\b`,
  ),
  countBeforeVerb(
    'dead',
    'died|dead|drowned|perished|lost their lives|casualties|fatalities|deaths',
  ),
  countBeforeVerb('dead', 'killed', { transitive: true }),
  countBeforePeople('dead', 'dead'),
  countIn(
    'dead',
    'bodies',
    String.raw`COUNT\s+${MODIFIERS}bodies\s+(?:(?:have|had|were|was)\s+)?(?:been\s+)?(?:recovered|found|pulled|retrieved|identified)`,
  ),
  countIn(
    'dead',
    'bodies',
    String.raw`\b(?:recovered|found|retrieved|pulled out)\s+the\s+bodies of\s+COUNT`,
  ),
  countIn(
    'dead',
    'bodies',
    String.raw`\b(?:recovered|found|retrieved|pulled out)\s+COUNT\s+${MODIFIERS}bodies\b`,
  ),
  countIn('dead', 'deaths?', String.raw`\bdeaths? of COUNT`),
  countBeforeVerb('missing', 'missing|unaccounted for|disappeared'),
  countBeforePeople('missing', 'missing'),
  countAfterVerb('injured', 'injuring|injured|injures|wounding|wounded|wounds|hurting'),
  countBeforeVerb('injured', 'injured|wounded|hurt|injuries', { transitive: true }),
  countBeforePeople('injured', 'injured|wounded'),
  countIn(
    'stillHeld',
    'still|remain|remains|remained',
    String.raw`COUNT(?:\s+of (?:its|their|the|them|whom)(?:\s+${MODIFIERS}${PERSON})?)?(?:\s+${MODIFIERS}${PERSON})?\s+(?:(?:are|were|is|was)\s+still|(?:still\s+)?remain(?:s|ed)?(?:\s+still)?)\s+(?:in detention|in custody|behind bars|in jail|in prison|being held|held|detained|jailed|imprisoned)\b`,
  ),
  countAfterVerb('stillHeld', String.raw`still (?:holding|holds|detaining|detains)`),
  countAfterVerb(
    'detained',
    'detained|detaining|detains|arrested|arresting|arrests|rounded up|rounding up|jailed|jailing|imprisoned|imprisoning|the (?:detention|arrests?|jailing|imprisonment) of',
  ),
  countIn('detained', 'arrests', String.raw`COUNT arrests\b`),
  countBeforeVerb('detained', 'detained|arrested|jailed|imprisoned|taken into custody', {
    aux: PAST_AUX,
    transitive: true,
  }),
  countBeforePeople('detained', 'detained|arrested|jailed'),
  countAfterVerb('released', 'freed|freeing|frees|released|releasing|releases|set free|pardoned'),
  countBeforeVerb('released', 'freed|released|set free|pardoned', {
    aux: PAST_AUX,
    transitive: true,
  }),
  countAfterVerb('expelled', 'expelled|expelling|expels|(?:ordered |announced )?the expulsion of'),
  countBeforeVerb('expelled', 'expelled|declared persona non grata', {
    aux: PAST_AUX,
    transitive: true,
  }),
  countBeforePeople('expelled', 'expelled'),
  countAfterVerb(
    'abducted',
    'abducted|abducting|kidnapped|kidnapping|the (?:abduction|kidnapping) of',
  ),
  countBeforeVerb('abducted', 'abducted|kidnapped|taken hostage', {
    aux: PAST_AUX,
    transitive: true,
  }),
  countAfterVerb('evacuated', 'evacuated|evacuating|evacuates|the evacuation of'),
  countBeforeVerb('evacuated', 'evacuated|moved to safety', { aux: PAST_AUX, transitive: true }),
  countIn(
    'displaced',
    'homeless',
    String.raw`\b(?:left|leaving|made|making)\s+COUNT(?:\s+${MODIFIERS}${PERSON})?\s+homeless\b`,
  ),
  countAfterVerb('displaced', 'displacing|displaced|displaces'),
  countBeforeVerb(
    'displaced',
    'displaced|left homeless|made homeless|forced from their homes|forced to flee|fled their homes',
    { transitive: true },
  ),
  countAfterVerb('rescued', 'rescued|rescuing|rescues'),
  countBeforeVerb('rescued', 'rescued|pulled out alive|pulled alive', {
    aux: PAST_AUX,
    transitive: true,
  }),
  countIn(
    'aboard',
    'aboard|on board',
    String.raw`\bof the COUNT (?:people|passengers|persons)? ?(?:on board|aboard)`,
  ),
  countIn('aboard', 'aboard|on board', String.raw`COUNT (?:people|persons) (?:on board|aboard)`),
  countIn('crew', 'crew', String.raw`COUNT crew(?: members)?\b`),
  countIn('passengers', 'passengers', String.raw`COUNT passengers\b`),
  needing('hit struck damaged downed shot brought targeted', {
    key: 'cause',
    re: /\b(?:was|were|had been|been)\s+(?:hit|struck|damaged|downed|shot down|brought down|targeted)\s+by\s+([^.;]+)/i,
    read: (m) => tidy(m[1]!),
  }),
  needing('targeted shot hit struck fired', {
    key: 'cause',
    re: /\b((?:[\p{Lu}][\p{L}-]+\s+)?(?:[\p{Ll}-]+\s+){0,2}?(?:air defen[cs]es?|forces|military|troops|missiles?))\s+(?:mistakenly\s+|accidentally\s+|deliberately\s+)?(?:targeted|shot down|hit|struck|fired on)\b/u,
    read: (m) => tidy(m[0]!),
  }),
  phraseAfter(
    'cause',
    'caused triggered sparked set brought',
    String.raw`\b(?:caused|triggered|sparked|set off|brought on)\s+by`,
  ),
  phraseAfter(
    'cause',
    'blamed blames blaming blame',
    String.raw`\bblam(?:ed|es|ing|e)\s+(?:[^.;,]{1,50}?\s)?on`,
    reasonOrNothing,
  ),
  phraseAfter(
    'cause',
    'result consequence',
    String.raw`\b(?:was|were|is|are)\s+(?:the\s+|a\s+)?(?:direct\s+|predictable\s+|inevitable\s+|likely\s+|probable\s+)?(?:result|consequence)\s+of`,
  ),
  phraseAfter(
    'cause',
    'cause',
    String.raw`\bthe\s+(?:main\s+|real\s+|likely\s+|probable\s+|official\s+|root\s+|immediate\s+)?cause(?:\s+of\s+(?:the\s+)?[\p{L}-]+)?\s+(?:was|is)`,
  ),
  needing('destroyed flattened set', {
    key: 'cause',
    re: /\b(?:was|were|had been|been)\s+(?:destroyed|flattened|set ablaze|set alight|set on fire)\s+by\s+([^.;]+)/i,
    read: (m) => tidy(m[1]!),
  }),
  needing('shot', {
    key: 'cause',
    re: /\b(?:was|were)\s+(shot down)\b/i,
    read: (m) => m[1]!.toLowerCase(),
  }),
  needing('near', {
    key: 'place',
    re: /\bnear (?:the )?(?:[\p{Lu}][\p{L}-]+ )?(?:city|town|village|port|region) of ((?:[\p{Lu}][\p{L}-]+)(?:\s+[\p{Lu}][\p{L}-]+)*)/u,
    read: (m) => m[1]!,
  }),
  needing('near', {
    key: 'place',
    re: /\bnear (?:the )?((?:[\p{Lu}][\p{L}-]+)(?:\s+[\p{Lu}][\p{L}-]+)*)/u,
    read: (m) => m[1]!.replace(/\s+(?:Airport|Airfield)$/, ''),
  }),
  needing('over', {
    key: 'over',
    re: /\b(?:occurred|happened|flying|flew|skies|shot down|hit)\s+over\s+((?:[\p{Lu}][\p{L}-]+)(?:\s+[\p{Lu}][\p{L}-]+)*(?:\s+(?:airspace|territory|waters))?)/u,
    read: (m) => m[1]!,
  }),
  phraseAfter(
    'reason',
    'citing cites cited',
    String.raw`\b(?:officially\s+)?(?:citing|cites|cited)(?!\s+(?:by|in|as|above|earlier)\b)`,
    (p) => plainReason(p),
  ),
  needing('reasons', {
    key: 'reason',
    re: /\bfor\s+["“]?((?:[\p{L}-]+,?\s+){1,5}?reasons)\b/iu,
    read: (m) =>
      /^(?:(?:many|several|some|various|these|those|the|same|other|obvious|different|similar|both|all|no|a number of|\d+|two|three|four|five)\s+)/iu.test(
        m[1]!,
      )
        ? ''
        : plainReason(m[1]!),
  }),
  phraseAfter('reason', 'reasons', String.raw`\bfor\s+reasons\s+of`),
  phraseAfter(
    'reason',
    'grounds ground basis',
    String.raw`\bon\s+the\s+(?:grounds?|basis)\s+(?:that|of)`,
  ),
  phraseAfter(
    'reason',
    'officially ostensibly publicly formally',
    String.raw`\b(?:officially|ostensibly|publicly|formally)\s+(?:for|over|because of|due to)`,
    reasonOrNothing,
  ),
  needing('retaliation punishment revenge reprisal response reaction protest', {
    key: 'reason',
    re: new RegExp(
      String.raw`${DECISION_NOUN}((?:an?\s+)?(?:retaliation|punishment|revenge|reprisal|response|reaction|protest)\s+(?:for|to|against)\s+[^.;?!]+)`,
      'iu',
    ),
    read: (m) => tidy(m[1]!.replace(/^an?\s+(?=retaliation|punishment|revenge|reprisal)/iu, '')),
  }),
  phraseAfter(
    'reason',
    'based motivated part driven prompted',
    `${DECISION_NOUN}(?:based on|motivated by|part of|driven by|prompted by)`,
  ),
  needing('retaliation reprisal revenge', {
    key: 'reason',
    re: /\bin\s+((?:retaliation|reprisal|revenge)\s+for\s+[^.;?!]+)/iu,
    read: (m) => tidy(m[1]!),
  }),
  needing('precaution precautionary measure punishment reprisal', {
    key: 'reason',
    re: /\bas\s+(an?\s+(?:[\p{L}-]+\s+){0,2}?(?:precaution|precautionary measure|safety measure|security measure|preventive measure|punitive measure|punishment|reprisal))\b/iu,
    read: (m) => m[1]!.toLowerCase(),
  }),
  phraseAfter('reason', 'due', String.raw`\b(?:was|were) due to`),
  phraseAfter('reason', 'owing', String.raw`\bowing to`),
  phraseAfter('reason', 'because', String.raw`\bbecause of`),
  phraseAfter(
    'reason',
    'over for because',
    String.raw`\b${DECISION}(?:\s+(?![\p{L}-]+ing\b)[^\s.;,"“]+){0,4}?\s+(?:over|for|because(?!\s+of))`,
    reasonOrNothing,
  ),
  phraseAfter('accusation', 'accused', String.raw`\baccused of`),
  phraseAfter(
    'accusation',
    'accused accusing accuses accuse',
    String.raw`\baccus(?:ed|ing|es|e)\s+(?:[^.;,]{1,60}?\s)?of`,
  ),
  phraseAfter(
    'accusation',
    'charged',
    String.raw`\b(?:was|were|been|being|is|are)\s+charged\s+with`,
  ),
  phraseAfter(
    'accusation',
    'charged',
    String.raw`\bcharged\s+(?:(?:him|her|them|it)|(?:the|a|an|his|her|their|its|\d+|two|three|four|five)\s+(?:[\p{L}-]+\s+){0,2}?[\p{L}-]+)\s+with`,
  ),
  phraseAfter('accusation', 'suspicion suspected', String.raw`\b(?:on\s+suspicion|suspected)\s+of`),
];

// Every count is written with a digit or one of these words.
const HAS_NUMBER = new RegExp(
  String.raw`\d|\b(?:${alternation([...UNIT_WORDS, ...TEN_WORDS])}|dozens?|hundreds?|thousands|scores)\b`,
  'iu',
);

const SEARCHES = RULES.map((rule) => ({
  ...rule,
  // A rule that starts with its count or its verb is tried only there (sticky).
  re: new RegExp(rule.re.source, `${rule.re.flags}${rule.atNumber || rule.atHint ? 'y' : 'g'}`),
  hintAll: rule.hint ? new RegExp(rule.hint.source, `${rule.hint.flags}g`) : undefined,
}));

/** A count's pattern is slow to fail, so it runs only where its words stand near the number. */
const COUNT_REACH = 160;

/** The first value a sticky rule reads at one of the offsets, or ''. */
function readAt(rule: (typeof SEARCHES)[number], passage: string, offsets: number[]): string {
  for (const at of offsets) {
    rule.re.lastIndex = at;
    const m = rule.re.exec(passage);
    const value = m ? rule.read(m) : '';
    if (value) return value;
  }
  return '';
}

const NUMBER_HITS = new RegExp(
  String.raw`\d[\d,.]*|\b(?:${alternation([...UNIT_WORDS, ...TEN_WORDS])}|dozens?|hundreds?|thousands|scores)\b`,
  'giu',
);
const MONTH_AFTER = new RegExp(String.raw`^\s*(?:${MONTHS})\b`, 'i');
const MONTH_BEFORE = new RegExp(String.raw`\b(?:${MONTHS})\.?\s*$`, 'i');

/**
 * Where a count may start in a passage: at each number word or digit run, and up to four words
 * before it, where its hedge ("no fewer than") or its first words ("tens of thousands") stand.
 * A date's numbers are left out (a year, a day beside its month): every event's sentence has
 * them, and no count starts there.
 */
function findCountStarts(passage: string): number[] {
  const starts = new Set<number>();
  for (const m of passage.matchAll(NUMBER_HITS)) {
    let at = m.index;
    if (/^\d/.test(m[0])) {
      const end = at + m[0].length;
      const after = passage.slice(end, end + 12);
      if (/^(?:1[89]|20)\d\d$/.test(m[0]) && !/^\s+\p{Ll}/u.test(after)) continue;
      if (MONTH_AFTER.test(after) || MONTH_BEFORE.test(passage.slice(Math.max(0, at - 11), at)))
        continue;
    }
    starts.add(at);
    for (let words = 0; words < 4 && at > 0; words++) {
      let k = at - 1;
      while (k >= 0 && passage[k] === ' ') k--;
      if (k < 0 || !/[\p{L}]/u.test(passage[k]!)) break;
      while (k > 0 && /[\p{L}'’-]/u.test(passage[k - 1]!)) k--;
      at = k;
      starts.add(at);
    }
  }
  return [...starts].sort((a, b) => a - b);
}

/** Reads the details a passage gives about the event it reports, first reading of each kind wins. */
export function readClaims(passage: string): Record<string, string> {
  const claims: Record<string, string> = {};
  const starts = HAS_NUMBER.test(passage) ? findCountStarts(passage) : [];
  const words = new Set(passage.toLowerCase().match(/\p{L}+/gu));
  const counts = starts.length > 0;
  for (const rule of SEARCHES) {
    if (claims[rule.key] !== undefined) continue;
    if (rule.count && !counts) continue;
    if (rule.needs ? !rule.needs.some((w) => words.has(w)) : rule.hint && !rule.hint.test(passage))
      continue;
    if (rule.atNumber || rule.atHint) {
      const offsets = rule.atNumber
        ? starts.filter((at) => rule.hint!.test(passage.slice(at, at + COUNT_REACH)))
        : [...passage.matchAll(rule.hintAll!)]
            .map((h) => h.index)
            .filter((at) => starts.some((s) => s > at && s - at < 60));
      const value = readAt(rule, passage, offsets);
      if (value) claims[rule.key] = value;
      continue;
    }
    // A match the rule turns down ("over the weekend") must not hide a later one in the passage.
    for (const m of passage.matchAll(rule.re)) {
      const value = rule.read(m);
      if (value) {
        claims[rule.key] = value;
        break;
      }
    }
  }
  return Object.fromEntries(
    Object.entries(claims).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}
