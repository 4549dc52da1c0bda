import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { actorSchema, articleSchema, eventSchema, sourceSchema, topicSchema } from './schema.ts';

// The benchmark and some tests build from another content folder than the project's own.
const contentDir = process.env.PARALLAX_CONTENT ?? './content';

/** Reads one JSON file per entry from a generated folder of content/. */
function jsonFolder(folder: string) {
  return glob({ pattern: '*.json', base: `${contentDir}/${folder}` });
}

export const collections = {
  articles: defineCollection({ loader: glob({ pattern: '*.md', base: `${contentDir}/articles` }), schema: articleSchema }),
  actors: defineCollection({ loader: jsonFolder('actors'), schema: actorSchema }),
  events: defineCollection({ loader: jsonFolder('events'), schema: eventSchema }),
  sources: defineCollection({ loader: jsonFolder('sources'), schema: sourceSchema }),
  topics: defineCollection({ loader: jsonFolder('topics'), schema: topicSchema }),
};
