/**
 * The only definition of Parallax's entities. The ingest (scripts/) validates every entry it
 * writes with these schemas, and src/content.config.ts reads content/ through the same ones,
 * so a field cannot mean one thing to the pipeline and another to the site.
 */
import { z } from 'astro/zod';

/** A lowercase, hyphenated identifier used for entry ids and page paths. */
export const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens');

/** How much of a date is known: a whole day, only its month, or only its year. */
export const datePrecisionSchema = z.enum(['day', 'month', 'year']);

/** Whether an ISO date string (YYYY, YYYY-MM or YYYY-MM-DD) names a real calendar date. */
function isRealIsoDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const date = new Date(Date.UTC(y!, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** An ISO date of day, month or year precision: `2025-07-03`, `2025-07` or `2025`. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isRealIsoDate, 'is not a real calendar date');

/** The id of a paragraph inside its article, stable across rebuilds: `p-1`, `p-2`, … */
export const paragraphIdSchema = z.string().regex(/^p-[1-9]\d*$/, 'must look like p-3');

/** A pointer to the exact paragraph that a fact was read from. */
export const paragraphRefSchema = z.object({
  article: slugSchema,
  paragraph: paragraphIdSchema,
});

/** The kinds of actor Parallax tells apart. */
export const actorKindSchema = z.enum(['person', 'organisation', 'country', 'place', 'media']);

/** The kinds of article a page may label itself with. */
export const articleKindSchema = z.enum([
  'news',
  'analysis',
  'opinion',
  'commentary',
  'review',
  'interview',
  'explainer',
]);

/** A section heading inside an article body. */
export const headingSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  depth: z.number().int().min(2).max(4),
});

/** A direct quotation with its speaker, traced to its paragraph. */
export const quoteSchema = z.object({
  text: z.string().min(1),
  speaker: slugSchema.nullable(),
  speakerName: z.string().nullable(),
  paragraph: paragraphIdSchema,
  /** The outlet or medium the speaker spoke to ("told DW"), as a source id. */
  medium: slugSchema.nullable().default(null),
});

/** One mention of an actor in an article paragraph, with the words used. */
export const mentionSchema = z.object({
  actor: slugSchema,
  paragraph: paragraphIdSchema,
  surface: z.string().min(1),
});

/** How strongly an article or paragraph is about a topic. */
export const topicScoreSchema = z.object({
  topic: slugSchema,
  score: z.number().min(0),
  paragraphs: z.array(paragraphIdSchema).default([]),
});

/** A source (outlet, agency, institution) that an article cites, and where. */
export const citationSchema = z.object({
  source: slugSchema,
  paragraph: paragraphIdSchema,
  surface: z.string().min(1),
});

/** One group of cited voices: a side (country id, or `unaffiliated`) or an actor kind. */
export const voiceGroupSchema = z.object({
  key: z.string().min(1),
  quotes: z.number().int().min(0),
  speakers: z.array(slugSchema).default([]),
});

/** The breakdown of an article's quoted speakers by side (affiliation) and by actor kind. */
export const voicesSchema = z.object({
  bySide: z.array(voiceGroupSchema).default([]),
  byKind: z.array(voiceGroupSchema).default([]),
});

/** Which rule decided a metadata field, kept so that a reader can audit the extraction. */
export const evidenceSchema = z.record(z.string(), z.string());

/** An article's front matter: everything but the Markdown body. */
export const articleSchema = z.object({
  seedFile: z.string().min(1),
  title: z.string().min(1),
  dek: z.string().nullable(),
  date: isoDateSchema.nullable(),
  datePrecision: datePrecisionSchema.nullable(),
  dateInferred: z.boolean(),
  updated: isoDateSchema.nullable().default(null),
  /** The publishing outlet as a source id. */
  outlet: slugSchema.nullable(),
  author: z.string().nullable(),
  section: z.string().nullable().default(null),
  categories: z.array(z.string()).default([]),
  kind: articleKindSchema.nullable().default(null),
  language: z.string().min(2),
  url: z.string().url().nullable().default(null),
  headings: z.array(headingSchema),
  paragraphCount: z.number().int().min(0),
  wordCount: z.number().int().min(0),
  readingMinutes: z.number().int().min(0),
  /** The article this one repeats (same text under another name, or a republished copy). */
  duplicateOf: slugSchema.nullable().default(null),
  actors: z.array(slugSchema).default([]),
  mentions: z.array(mentionSchema).default([]),
  events: z.array(slugSchema).default([]),
  topics: z.array(topicScoreSchema).default([]),
  quotes: z.array(quoteSchema).default([]),
  citations: z.array(citationSchema).default([]),
  /** Who the article lets speak, counted from its quotes: by the speakers' side and by kind. */
  voices: voicesSchema.default({ bySide: [], byKind: [] }),
  evidence: evidenceSchema.default({}),
});
export type Article = z.infer<typeof articleSchema>;

/**
 * What other pages need to know of an article: its front matter without the per-paragraph detail
 * (mentions, citations, voices, evidence) that only its own page shows, and without its quotes,
 * which other pages read from the quote index. The site's content layer holds cards, so its
 * memory does not grow with every mention and quote of every article.
 */
export const articleCardSchema = articleSchema.omit({
  mentions: true,
  citations: true,
  voices: true,
  evidence: true,
  quotes: true,
});
export type ArticleCard = z.infer<typeof articleCardSchema>;

/** One mention of an actor as other pages list it: where, and the words used, without the sentence. */
export const actorMentionSchema = paragraphRefSchema.extend({ surface: z.string().min(1) });
export type ActorMention = z.infer<typeof actorMentionSchema>;

/** A person, organisation, country, place or medium that the articles mention. */
export const actorSchema = z.object({
  name: z.string().min(1),
  kind: actorKindSchema,
  aliases: z.array(z.string()).default([]),
  description: z.string().nullable().default(null),
  /** The country (actor id) the actor belongs to or speaks for, used to group voices by side. */
  affiliation: slugSchema.nullable().default(null),
  /** False for names discovered by the ingest and not yet in the knowledge file. */
  reviewed: z.boolean(),
  articles: z.array(slugSchema),
  mentions: z.array(actorMentionSchema.extend({ sentence: z.string() })).default([]),
});
export type Actor = z.infer<typeof actorSchema>;

/**
 * What other pages need to know of an actor: all but its mentions, which the mention index holds,
 * and the articles that mention it, which the site reads from those mentions.
 */
export const actorCardSchema = actorSchema.omit({ mentions: true, articles: true });
export type ActorCard = z.infer<typeof actorCardSchema>;

/**
 * The quotes of every article, by article id, and the mentions of every actor, by actor id: the
 * two cross-article lists that pages of speakers, topics and actors gather. The ingest writes each
 * as one file (content/indexes/), which the site reads once per build, rather than in the content
 * layer's cards: there they were half of a store that Astro serializes and walks whole on every
 * build (39 MB at 10,000 articles).
 */
export const quoteIndexSchema = z.record(slugSchema, z.array(quoteSchema));
export type QuoteIndex = z.infer<typeof quoteIndexSchema>;
export const mentionIndexSchema = z.record(slugSchema, z.array(actorMentionSchema));
export type MentionIndex = z.infer<typeof mentionIndexSchema>;

/** One source's account of an event: the paragraph and the details it gives. */
export const eventVariantSchema = paragraphRefSchema.extend({
  /** The sentence that reports the event, as the source wrote it. */
  text: z.string().min(1),
  /** Details such as `dead: 38`, `aboard: 67`, `cause: surface-to-air missile`. */
  claims: z.record(z.string(), z.string()).default({}),
});

/** A dated happening, merged across every article that reports it. */
export const eventSchema = z.object({
  title: z.string().min(1),
  /** What kind of happening it is (crash, closure, arrest, statement…), from the words used. */
  kind: z.string().nullable().default(null),
  date: isoDateSchema,
  datePrecision: datePrecisionSchema,
  /** Set when the text only places the event early, mid or late in its month or year. */
  approximate: z.enum(['early', 'mid', 'late']).nullable().default(null),
  articles: z.array(slugSchema).min(1),
  paragraphs: z.array(paragraphRefSchema).min(1),
  actors: z.array(slugSchema).default([]),
  topics: z.array(slugSchema).default([]),
  variants: z.array(eventVariantSchema).default([]),
});
export type Event = z.infer<typeof eventSchema>;

/** A theme of the corpus, with the articles assigned to it by evidence. */
export const topicSchema = z.object({
  name: z.string().min(1),
  description: z.string(),
  terms: z.array(z.string()).default([]),
  articles: z.array(z.object({ article: slugSchema, score: z.number().min(0) })).default([]),
  events: z.array(slugSchema).default([]),
  actors: z.array(slugSchema).default([]),
});
export type Topic = z.infer<typeof topicSchema>;

/** An outlet that publishes articles, or a medium or institution that articles cite. */
export const sourceSchema = z.object({
  name: z.string().min(1),
  fullName: z.string().nullable().default(null),
  kind: z.enum(['publisher', 'cited', 'both']),
  homepage: z.string().url().nullable().default(null),
  country: slugSchema.nullable().default(null),
  reviewed: z.boolean(),
  articles: z.array(slugSchema).default([]),
  citedBy: z.array(paragraphRefSchema).default([]),
});
export type Source = z.infer<typeof sourceSchema>;

/** A hand-written actor in content/knowledge/actors.json. */
export const knownActorSchema = z.object({
  id: slugSchema,
  name: z.string().min(1),
  kind: actorKindSchema,
  aliases: z.array(z.string()).default([]),
  description: z.string().nullable().default(null),
  affiliation: slugSchema.nullable().default(null),
  /** For a capital or seat of power ("Moscow", "the Kremlin"): the actor it names when used as an actor. */
  standsFor: slugSchema.nullable().default(null),
  /** For a country: the adjectives and demonyms that point to it ("Azerbaijani", "Russians"). */
  adjectives: z.array(z.string()).default([]),
});
export type KnownActor = z.infer<typeof knownActorSchema>;

/** A hand-written outlet in content/knowledge/outlets.json, with the spellings pages use. */
export const knownOutletSchema = z.object({
  id: slugSchema,
  name: z.string().min(1),
  fullName: z.string().nullable().default(null),
  aliases: z.array(z.string()).default([]),
  homepage: z.string().url().nullable().default(null),
  country: slugSchema.nullable().default(null),
});
export type KnownOutlet = z.infer<typeof knownOutletSchema>;

/** A hand-written topic in content/knowledge/topics.json, with the terms that signal it. */
export const knownTopicSchema = z.object({
  id: slugSchema,
  name: z.string().min(1),
  description: z.string(),
  terms: z.array(z.string()).min(1),
  /** A catch-all theme: an article that matches only broad topics is reported as an unknown theme. */
  broad: z.boolean().default(false),
});
export type KnownTopic = z.infer<typeof knownTopicSchema>;
