/** A character that is neither ASCII nor a no-break space nor general punctuation (U+2000–U+206F). */
const NOT_PLAIN = /[^\x00-\x7f\u00a0\u2000-\u206f]/;

/** Lowercases a string and folds punctuation and spacing, for comparing lines and names. */
export function normalizeKey(text: string): string {
  // Most text is ASCII, with at most spaces and punctuation beyond it (no-break spaces, curly
  // quotes, dashes), none of them letters or digits: it needs no decomposition and no
  // Unicode-aware pattern.
  if (!NOT_PLAIN.test(text))
    return text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Latin spellings of Cyrillic letters, so that ids of Russian, Ukrainian or Bulgarian titles stay readable. */
const CYRILLIC: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  є: 'ye',
  і: 'i',
  ї: 'yi',
  ґ: 'g',
  ў: 'u',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'c',
  ђ: 'dj',
  џ: 'dz',
  ѓ: 'gj',
  ќ: 'kj',
  ѕ: 'dz',
  қ: 'q',
  ғ: 'gh',
  ү: 'u',
  ұ: 'u',
  ң: 'ng',
  ө: 'o',
  һ: 'h',
  ә: 'a',
};

/** Makes a URL-safe id from any text: lowercase ASCII words joined by hyphens. */
export function slugify(text: string, maxWords = 12): string {
  const transliterated = normalizeKey(
    text.toLowerCase().replace(/[\u0400-\u04ff]/g, (ch) => CYRILLIC[ch] ?? ch),
  )
    .replace(/ı/g, 'i')
    .replace(/ə/g, 'e')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9 ]+/g, ' ');
  return transliterated.split(/\s+/).filter(Boolean).slice(0, maxWords).join('-');
}

/** The first letters of a name's capitalised words: "Latin America Resource Governance Initiative" → "LARGI". */
export function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

/** Counts the words of a text as a reader would. */
export function countWords(text: string): number {
  // In plain text (see NOT_PLAIN) every letter and digit is ASCII.
  const word = NOT_PLAIN.test(text)
    ? /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu
    : /[A-Za-z0-9][A-Za-z0-9'’.-]*/g;
  let n = 0;
  while (word.exec(text)) n++;
  return n;
}

/** Splits a paragraph into sentences, keeping closing quotes with their sentence. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…]["”’»)]*)\s+(?=["“‘«(]?[\p{Lu}\p{N}])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'with', 'was', 'has', 'are'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'sich', 'auch'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'dans', 'pour', 'que'],
  es: ['el', 'la', 'los', 'las', 'que', 'del', 'por', 'una', 'para', 'con'],
  it: ['il', 'che', 'della', 'per', 'una', 'sono', 'con', 'non', 'del', 'gli'],
  tr: ['ve', 'bir', 'bu', 'için', 'ile', 'olarak', 'daha', 'çok', 'gibi', 'olan'],
  az: ['və', 'bir', 'bu', 'üçün', 'ilə', 'olaraq', 'daha', 'çox', 'kimi', 'olan'],
  ru: ['и', 'в', 'не', 'на', 'что', 'с', 'по', 'это', 'как', 'его'],
  uk: ['і', 'в', 'не', 'на', 'що', 'з', 'та', 'це', 'як', 'його'],
  bg: ['и', 'в', 'не', 'на', 'че', 'с', 'за', 'се', 'от', 'са'],
};

const STOPWORD_SET = new Set(Object.values(STOPWORDS).flat());

/** Guesses the language of a text from its most common short words (ISO 639-1). */
export function detectLanguage(text: string): string {
  // The first few thousand words tell the language as well as the whole text does; only stopwords
  // are counted, since nothing else is scored.
  const counts = new Map<string, number>();
  const sample = text.slice(0, 20_000).toLowerCase();
  const word = NOT_PLAIN.test(sample) ? /[\p{L}]+/gu : /[a-z]+/g;
  let seen = 0;
  for (let m = word.exec(sample); m && seen < 3000; m = word.exec(sample), seen++)
    if (STOPWORD_SET.has(m[0])) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
  let best = 'und';
  let bestScore = 0;
  for (const [lang, list] of Object.entries(STOPWORDS)) {
    const score = list.reduce((sum, w) => sum + (counts.get(w) ?? 0), 0);
    if (score > bestScore) {
      best = lang;
      bestScore = score;
    }
  }
  return bestScore >= 3 ? best : 'und';
}

/** Orders strings by code point, the same on every machine whatever its locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
