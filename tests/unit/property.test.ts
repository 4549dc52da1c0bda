import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { articleSchema } from '../../src/schema.ts';
import { buildCorpus } from '../../scripts/ingest/corpus.ts';
import { extractArticle, type ArticleDraft } from '../../scripts/ingest/extract.ts';
import { loadKnowledge } from '../../scripts/ingest/pipeline.ts';
import { paragraphText } from '../../scripts/ingest/structure.ts';
import { countWords, normalizeKey } from '../../scripts/ingest/text.ts';
import { ROOT } from '../helpers/seeds.ts';

/**
 * Property tests of the per-article ingest: on any bytes it never throws and what it keeps is
 * schema-valid; chrome mixed around real paragraphs never costs a paragraph; an article reads
 * the same in every encoding it can be saved in. CI runs 1,000 cases per property.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.CI ? 1000 : 200));
const knowledge = loadKnowledge(path.join(ROOT, 'content/knowledge'));

const PARAGRAPHS = [
  'The three old cranes of the northern harbour went back to work on Monday after a winter of repairs that cost the port authority more than it had planned.',
  'Dock workers said the queue of ships outside the breakwater had grown to eleven during the last week of the repairs, and that night shifts would continue.',
  'The port authority expects the new electric cranes ordered last year to arrive in the autumn, when the old ones will be kept only as a reserve.',
  'Farmers in the valley have complained for years that the river floods their fields every spring, and the regional council has now promised a new dyke.',
  'Engineers from the university will survey the banks this summer; their report, due in October, will decide where the first section is built.',
  'Critics of the plan argue that the money would be better spent on moving the most exposed farms uphill, as neighbouring regions did a decade ago.',
  'The café on the quay — a favourite of the dock workers — reopened too, with “the same coffee as before”, its owner said, and the same prices.',
  'Shipping companies expect the backlog to clear within a month, although insurers warned that premiums for the route would stay high until next year.',
];
const CYRILLIC_PARAGRAPHS = [
  'Региональный совет во вторник проголосовал за закрытие двух угольных электростанций до конца десятилетия, после долгих споров между фермерами и экологами.',
  'Сторонники плана заявили, что он сократит выбросы в долине почти на треть, а противники предупредили о потере сотен рабочих мест в шахтёрских городах.',
  'Совет пообещал создать фонд для пострадавших городов и опубликует детали программы переподготовки до представления следующего бюджета.',
];
/** Lines that are site chrome on any site: navigation, notices, sharing, counters, captions. */
const HEADER_CHROME = [
  'Home',
  'Menu',
  'Search',
  'Skip to content',
  'We use cookies to improve your experience.',
  'Accept all',
  'Subscribe to our newsletter',
  'Sign in',
  'Home > World > Europe',
  '• News',
  '• Sport',
  '• Culture',
];
const INNER_CHROME = [
  'Advertisement',
  'Share',
  'Photo: Reuters',
  '1,204 views',
  '5 min read',
  'Facebook',
  'Twitter',
];
const FOOTER_CHROME = [
  'Related articles',
  'Share this article',
  'Leave a reply',
  '© 2025 Example Media. All rights reserved.',
  'Privacy Policy',
  'Terms of Use',
];

/** The paragraphs (and dek) a draft kept, as the reader sees them. */
function keptTexts(draft: ArticleDraft): string[] {
  return [
    ...(draft.meta.dek ? [draft.meta.dek] : []),
    ...draft.structure.paragraphs.map(paragraphText),
  ];
}

function extractText(name: string, text: string): ArticleDraft {
  const result = extractArticle(name, Buffer.from(text, 'utf8'), knowledge);
  if (!result.ok) throw new Error(`${name}: ${result.problem}`);
  return result.draft;
}

const article = fc.record({
  title: fc.constantFrom(
    'Harbour cranes return after a long winter',
    'Council promises a new dyke for the valley',
    'What the port plans for the autumn',
  ),
  date: fc.constantFrom('April 14, 2025', '14.04.2025', '2025-04-14 09:30', '14 April 2025', ''),
  paragraphs: fc.shuffledSubarray(PARAGRAPHS, { minLength: 2, maxLength: 6 }),
});

describe('the ingest under random input', () => {
  it('never throws on random bytes, and what it keeps is schema-valid', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 3000 }),
          fc.string({ maxLength: 3000, unit: 'binary' }).map((s) => new TextEncoder().encode(s)),
        ),
        fc.constantFrom('a.txt', 'a.md', 'a.html'),
        (bytes, name) => {
          const result = extractArticle(name, bytes, knowledge);
          if (!result.ok) {
            expect(result.problem.length).toBeGreaterThan(0);
            return;
          }
          const corpus = buildCorpus([result.draft], knowledge);
          for (const entry of corpus.articles)
            expect(articleSchema.safeParse(entry.data).success).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('never throws on random text made of words, lines and markup, and stays schema-valid', () => {
    const token = fc.oneof(
      fc.constantFrom(
        'the',
        'port',
        'said',
        'Home',
        '>',
        '|',
        '—',
        '<script>alert(1)</script>',
        '[x](javascript:alert(1))',
        '---',
        '#',
        '*',
        '\n',
        '\n\n',
        '\r\n',
        '\t',
        '\u00a0',
        '2025',
        'July',
        '31.02.2025',
        'By',
        'John',
        'Carter',
        '.',
        ',',
        '©',
      ),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 400 }),
        fc.constantFrom('a.txt', 'a.md', 'a.html'),
        (tokens, name) => {
          const result = extractArticle(name, Buffer.from(tokens.join(' '), 'utf8'), knowledge);
          if (!result.ok) return;
          const corpus = buildCorpus([result.draft], knowledge);
          for (const entry of corpus.articles)
            expect(articleSchema.safeParse(entry.data).success).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('never loses a paragraph it kept on the clean page when chrome is mixed around it', () => {
    fc.assert(
      fc.property(
        article,
        fc.array(fc.constantFrom(...HEADER_CHROME), { maxLength: 8 }),
        fc.array(fc.option(fc.constantFrom(...INNER_CHROME), { nil: undefined }), {
          minLength: 6,
          maxLength: 6,
        }),
        fc.array(fc.constantFrom(...FOOTER_CHROME), { maxLength: 6 }),
        (a, header, inner, footer) => {
          const clean = [a.title, a.date, ...a.paragraphs.flatMap((p) => [p, ''])].join('\n');
          const noisy = [
            ...header,
            a.title,
            a.date,
            ...a.paragraphs.flatMap((p, i) => [p, '', ...(inner[i] ? [inner[i]!, ''] : [])]),
            ...footer,
          ].join('\n');
          const kept = keptTexts(extractText('clean.txt', clean));
          const noisyKept = keptTexts(extractText('noisy.txt', noisy));
          for (const paragraph of kept) expect(noisyKept).toContain(paragraph);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('reads an article the same in every encoding it can be saved in', () => {
    const latin = fc.record({
      paragraphs: fc.shuffledSubarray(PARAGRAPHS, { minLength: 2, maxLength: 5 }),
      script: fc.constant('latin' as const),
    });
    const cyrillic = fc.record({
      paragraphs: fc.shuffledSubarray(CYRILLIC_PARAGRAPHS, { minLength: 2, maxLength: 3 }),
      script: fc.constant('cyrillic' as const),
    });
    const encode: Record<string, (text: string) => Buffer> = {
      'utf-8': (t) => Buffer.from(t, 'utf8'),
      'utf-8 with BOM': (t) =>
        Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]),
      'utf-16le with BOM': (t) =>
        Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(t, 'utf-16le')]),
      'utf-16be with BOM': (t) =>
        Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(t, 'utf-16be')]),
      'utf-16le': (t) => iconv.encode(t, 'utf-16le'),
      'windows-1252': (t) => iconv.encode(t, 'windows-1252'),
      'windows-1251': (t) => iconv.encode(t, 'windows-1251'),
      CRLF: (t) => Buffer.from(t.replace(/\n/g, '\r\n'), 'utf8'),
    };
    // BOM-less UTF-16 is found by its zero bytes, which only Latin text has; each script has its code page.
    const encodings = {
      latin: [
        'utf-8',
        'utf-8 with BOM',
        'utf-16le with BOM',
        'utf-16be with BOM',
        'utf-16le',
        'windows-1252',
        'CRLF',
      ],
      cyrillic: [
        'utf-8',
        'utf-8 with BOM',
        'utf-16le with BOM',
        'utf-16be with BOM',
        'windows-1251',
        'CRLF',
      ],
    };
    fc.assert(
      fc.property(fc.oneof(latin, cyrillic), fc.nat(), (a, pick) => {
        const list = encodings[a.script];
        const encoding = list[pick % list.length]!;
        const text = [
          'A headline for the encoding test',
          'April 14, 2025',
          ...a.paragraphs.flatMap((p) => [p, '']),
        ].join('\n');
        const reference = keptTexts(extractText('reference.txt', text));
        const result = extractArticle('encoded.txt', encode[encoding]!(text), knowledge);
        expect(result.ok, encoding).toBe(true);
        if (result.ok) expect(keptTexts(result.draft), encoding).toEqual(reference);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('comparison keys', () => {
  /** The folding that `normalizeKey` short-cuts for text of ASCII, no-break spaces and punctuation. */
  const foldFully = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();

  it('are the same by the short cut as by full Unicode folding, for every character it takes', () => {
    for (let code = 0; code < 0x2070; code++) {
      if (code > 0x7f && code !== 0xa0 && code < 0x2000) continue;
      const text = `Ab${String.fromCharCode(code)}Cd 1`;
      expect(normalizeKey(text), `U+${code.toString(16)}`).toBe(foldFully(text));
    }
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'aZ09 .,“”’—–\u00a0\u2026\u203cé'.split('')) }),
        (text) => normalizeKey(text) === foldFully(text),
      ),
      { numRuns: RUNS * 10 },
    );
  });

  it('count the words of plain text the same by the short cut as by the Unicode pattern', () => {
    const countFully = (text: string) => text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)?.length ?? 0;
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."aZ09 .,“”’'—–-\u00a0\u2026é".split('')) }),
        (text) => countWords(text) === countFully(text),
      ),
      { numRuns: RUNS * 10 },
    );
  });
});
