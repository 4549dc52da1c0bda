import type { Actor, Article, Event, Source, Topic } from '../../src/schema.ts';
import { analyzeArticle, type ArticleAnalysis } from './analysis/analyze.ts';
import { collectActors, collectCitedSources, collectTopics } from './analysis/collect.ts';
import { foldShortNamesAcrossArticles } from './analysis/fold-names.ts';
import { mergeEvents } from './analysis/merge-events.ts';
import { toIsoDate } from './dates.ts';
import type { ArticleDraft, Knowledge } from './extract.ts';
import {
  indexDatedSentences,
  indexDayMentions,
  inferYear,
  sentencesOf,
  type DayMentionIndex,
} from './infer-year.ts';
import { paragraphText } from './structure.ts';
import { compareStrings, normalizeKey, slugify } from './text.ts';

/** An article ready to be written: its id, front matter and Markdown body. */
export interface CorpusArticle {
  id: string;
  data: Article;
  body: string;
}

/** Every entry the ingest writes, by collection, plus notes for the report. */
export interface Corpus {
  articles: CorpusArticle[];
  sources: Map<string, Source>;
  actors: Map<string, unknown>;
  events: Map<string, unknown>;
  topics: Map<string, unknown>;
  /** Warnings that only appear once articles are compared, by input file. */
  notes: Map<string, string[]>;
}

/** Gives every article a unique, readable id from its title, in input-file order. */
function assignIds(drafts: ArticleDraft[]): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const draft of drafts) {
    const base =
      slugify(draft.meta.title, 10) || slugify(draft.seedFile.replace(/\.[^.]+$/, '')) || 'article';
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    ids.set(draft.seedFile, id);
  }
  return ids;
}

/** Word 5-grams of a text, hashed, for measuring how much two bodies overlap. */
function shingles(text: string): Set<string> {
  const words = normalizeKey(text).split(' ');
  const out = new Set<string>();
  for (let i = 0; i + 5 <= words.length; i++) out.add(words.slice(i, i + 5).join(' '));
  return out;
}

/**
 * Finds articles that repeat an earlier one: the same body under another file name, or a
 * republished copy whose body mostly matches. Candidates come from an index of opening
 * paragraphs and body hashes, so the cost stays linear in the number of articles.
 */
function findDuplicates(drafts: ArticleDraft[]): Map<string, string> {
  const duplicateOf = new Map<string, string>();
  const byBody = new Map<string, ArticleDraft>();
  const byLead = new Map<string, ArticleDraft>();
  for (const draft of drafts) {
    const { body: bodyHash, lead: leadHash } = draft.fingerprint;
    const original = byBody.get(bodyHash) ?? byLead.get(leadHash);
    if (original) {
      const a = shingles(draft.structure.paragraphs.map(paragraphText).join(' '));
      const b = shingles(original.structure.paragraphs.map(paragraphText).join(' '));
      let shared = 0;
      for (const s of a) if (b.has(s)) shared++;
      if (shared / Math.max(1, Math.min(a.size, b.size)) >= 0.8 || byBody.has(bodyHash)) {
        duplicateOf.set(draft.seedFile, original.seedFile);
        continue;
      }
    }
    byBody.set(bodyHash, draft);
    byLead.set(leadHash, draft);
  }
  return duplicateOf;
}

/** Builds the publisher entries from the outlets the articles' chrome names. */
function collectPublishers(
  drafts: ArticleDraft[],
  ids: Map<string, string>,
  knowledge: Knowledge,
): Map<string, Source> {
  const sources = new Map<string, Source>();
  const known = new Map(knowledge.outlets.map((o) => [o.id, o]));
  for (const draft of drafts) {
    const outlet = draft.meta.outlet;
    if (!outlet) continue;
    const entry =
      sources.get(outlet.id) ??
      ({
        name: outlet.name,
        fullName: outlet.fullName ?? known.get(outlet.id)?.fullName ?? null,
        kind: 'publisher',
        homepage: known.get(outlet.id)?.homepage ?? null,
        country: known.get(outlet.id)?.country ?? null,
        reviewed: outlet.known,
        articles: [],
        citedBy: [],
      } satisfies Source);
    entry.articles.push(ids.get(draft.seedFile)!);
    sources.set(outlet.id, entry);
  }
  return sources;
}

/** Runs the per-article analysis; the pipeline passes a cached version of it. */
/** The publication date a draft states outright, before any year is inferred from other articles. */
export function statedDate(draft: ArticleDraft): string | null {
  const stated = draft.meta.date;
  return stated && stated.year !== null ? toIsoDate(stated.year, stated.month, stated.day) : null;
}

export type AnalyzeFn = (draft: ArticleDraft, published: string | null) => ArticleAnalysis;

/** Compares the articles with each other and turns the drafts into typed entries. */
export function buildCorpus(
  inputDrafts: ArticleDraft[],
  knowledge: Knowledge,
  analyze: AnalyzeFn = (draft, published) => analyzeArticle(draft, knowledge, published),
): Corpus {
  const drafts = [...inputDrafts].sort((a, b) => compareStrings(a.seedFile, b.seedFile));
  const notes = new Map<string, string[]>();
  const note = (seedFile: string, text: string) =>
    notes.set(seedFile, [...(notes.get(seedFile) ?? []), text]);
  const ids = assignIds(drafts);
  const duplicates = findDuplicates(drafts);
  for (const [copy, original] of duplicates)
    note(copy, `repeats ${original}: shown as a duplicate, not as an independent source`);

  const yearIndex = indexDatedSentences(
    drafts.map((d) => ({
      seedFile: d.seedFile,
      paragraphs: d.structure.paragraphs.map(paragraphText),
    })),
  );

  let latestKnownYear: number | null = null;
  for (const d of drafts)
    if (d.meta.date?.year) latestKnownYear = Math.max(latestKnownYear ?? 0, d.meta.date.year);
  let dayMentions: DayMentionIndex | undefined;
  // Read only when an article needs it: it splits every paragraph of every dated article.
  const mentions = () =>
    (dayMentions ??= indexDayMentions(
      drafts.flatMap((d) =>
        d.meta.date?.year
          ? [
              {
                seedFile: d.seedFile,
                published: {
                  year: d.meta.date.year,
                  month: d.meta.date.month,
                  day: d.meta.date.day,
                },
                paragraphs: d.structure.paragraphs.map(paragraphText),
              },
            ]
          : [],
      ),
    ));

  const articles: CorpusArticle[] = drafts.map((draft) => {
    const { meta, structure } = draft;
    const evidence = { ...meta.evidence };
    let date = statedDate(draft);
    let dateInferred = false;
    if (meta.date && date === null) {
      const inferred = inferYear(
        {
          seedFile: draft.seedFile,
          sentences: sentencesOf(structure.paragraphs.map(paragraphText)),
        },
        yearIndex,
        {
          month: meta.date.month,
          day: meta.date.day,
          weekday: meta.date.weekday ?? null,
          latestKnownYear,
          mentions,
        },
      );
      if (inferred) {
        date = toIsoDate(inferred.year, meta.date.month, meta.date.day);
        dateInferred = true;
        evidence.dateYear = inferred.rule;
        note(draft.seedFile, `date year inferred: ${inferred.rule}`);
      } else {
        note(draft.seedFile, 'the page gives no year and none could be inferred: date left empty');
      }
    }
    const updated = meta.updated?.year
      ? toIsoDate(meta.updated.year, meta.updated.month, meta.updated.day)
      : null;
    const data: Article = {
      seedFile: draft.seedFile,
      title: meta.title,
      dek: meta.dek,
      date,
      datePrecision: date ? (meta.date!.day === null ? 'month' : 'day') : null,
      dateInferred,
      updated,
      outlet: meta.outlet?.id ?? null,
      author: meta.author,
      section: meta.section,
      categories: meta.categories,
      kind: (meta.kind as Article['kind']) ?? null,
      language: draft.language,
      url: draft.url,
      headings: structure.headings.map((h) => ({ id: h.id, text: h.text, depth: h.depth })),
      paragraphCount: structure.paragraphs.length,
      wordCount: draft.wordCount,
      readingMinutes: Math.max(1, Math.round(draft.wordCount / 230)),
      duplicateOf: duplicates.has(draft.seedFile)
        ? ids.get(duplicates.get(draft.seedFile)!)!
        : null,
      actors: [],
      mentions: [],
      events: [],
      topics: [],
      quotes: [],
      citations: [],
      voices: { bySide: [], byKind: [] },
      evidence,
    };
    return { id: ids.get(draft.seedFile)!, data, body: draft.markdown };
  });

  const sources = collectPublishers(drafts, ids, knowledge);
  const { actors, events, topics } = analyzeCorpus(
    drafts,
    articles,
    knowledge,
    sources,
    note,
    analyze,
  );
  return { articles, sources, actors, events, topics, notes };
}

/**
 * Runs the per-article analysis (a pure function of each draft) and merges its results across
 * articles: one actor per id, one event per happening, cited sources and topic entries.
 * Duplicates are left out so that a republished copy does not count as a second source.
 */
function analyzeCorpus(
  drafts: ArticleDraft[],
  articles: CorpusArticle[],
  knowledge: Knowledge,
  sources: Map<string, Source>,
  note: (seedFile: string, text: string) => void,
  analyze: AnalyzeFn,
): { actors: Map<string, Actor>; events: Map<string, Event>; topics: Map<string, Topic> } {
  const byId = new Map(articles.map((article) => [article.id, article]));
  const analysed = foldShortNamesAcrossArticles(
    articles.flatMap((article, i) =>
      article.data.duplicateOf
        ? []
        : [{ id: article.id, analysis: analyze(drafts[i]!, article.data.date) }],
    ),
  );
  for (const { id, analysis } of analysed) {
    const data = byId.get(id)!.data;
    data.actors = [...new Set(analysis.mentions.map((m) => m.actor))].sort(compareStrings);
    data.mentions = analysis.mentions.map(({ actor, paragraph, surface }) => ({
      actor,
      paragraph,
      surface,
    }));
    data.quotes = analysis.quotes.map((q) => q.quote);
    data.topics = analysis.topics;
    data.citations = analysis.citations;
    data.voices = analysis.voices;
    if (analysis.unknownTheme)
      note(
        data.seedFile,
        `unknown theme: no curated topic fits this article${analysis.topics.length ? ` (filed under broad topics: ${analysis.topics.map((t) => t.topic).join(', ')})` : ''}`,
      );
  }
  const published = new Map(articles.map((a) => [a.id, a.data.date]));
  const { events, byArticle } = mergeEvents(
    analysed.map((a) => ({
      article: a.id,
      published: published.get(a.id) ?? null,
      candidates: a.analysis.events,
    })),
  );
  for (const article of articles) article.data.events = byArticle.get(article.id) ?? [];
  collectCitedSources(analysed, sources, knowledge);
  const topics = collectTopics(analysed, events, knowledge.topics);
  return { actors: collectActors(analysed), events, topics };
}
