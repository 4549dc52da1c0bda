import { defineCollection } from 'astro:content';
import { cardLoader } from './lib/card-loader.ts';
import { resolveContentDir } from './lib/link-indexes.ts';
import {
  actorCardSchema,
  articleCardSchema,
  eventSchema,
  sourceSchema,
  topicSchema,
} from './schema.ts';

const contentDir = resolveContentDir();

/** Reads one JSON file per entry from a generated folder of content/, keeping what its schema names. */
function jsonFolder(folder: string) {
  return cardLoader({ base: `${contentDir}/${folder}`, extension: '.json' });
}

export const collections = {
  // Articles and actors carry per-paragraph detail that only their own pages show: the content
  // layer keeps their cards, and those pages read the whole entry from its file.
  articles: defineCollection({
    loader: cardLoader({ base: `${contentDir}/articles`, extension: '.md' }),
    schema: articleCardSchema,
  }),
  actors: defineCollection({ loader: jsonFolder('actors'), schema: actorCardSchema }),
  events: defineCollection({ loader: jsonFolder('events'), schema: eventSchema }),
  sources: defineCollection({ loader: jsonFolder('sources'), schema: sourceSchema }),
  topics: defineCollection({ loader: jsonFolder('topics'), schema: topicSchema }),
};
