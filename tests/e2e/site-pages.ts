/**
 * What the browser tests visit: one built page of each type, chosen from the site's own JSON
 * export so that the tests follow whatever the ingest produced instead of hard-coding entries.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/seeds.ts';

/** The built site the tests run against. */
export const DIST = path.resolve(ROOT, process.env.PARALLAX_DIST ?? 'dist');

interface Exported {
  id: string;
  url: string;
  [key: string]: unknown;
}

/** Reads one collection of the JSON export (dist/data/<name>.json). */
export function exported<T extends { id: string; url: string } = Exported>(
  name: 'articles' | 'actors' | 'events' | 'sources' | 'topics',
): T[] {
  return JSON.parse(readFileSync(path.join(DIST, 'data', `${name}.json`), 'utf8')) as T[];
}

/** The entry with the largest value of a measure, or undefined for an empty list. */
function largest<T>(items: T[], measure: (item: T) => number): T | undefined {
  return items.reduce<T | undefined>(
    (best, item) => (best === undefined || measure(item) > measure(best) ? item : best),
    undefined,
  );
}

const count = (value: unknown) => (Array.isArray(value) ? value.length : 0);

/** One page per page type: the busiest entry of each collection, plus the listing pages. */
export function pageTypes(): Array<{ type: string; path: string }> {
  const pages: Array<{ type: string; path: string }> = [
    { type: 'home', path: '/' },
    { type: 'articles', path: '/articles/' },
    { type: 'actors', path: '/actors/' },
    { type: 'events', path: '/events/' },
    { type: 'topics', path: '/topics/' },
    { type: 'sources', path: '/sources/' },
    { type: 'timeline', path: '/timeline/' },
    { type: 'graph', path: '/graph/' },
    { type: 'search', path: '/search/?q=Azerbaijan' },
    { type: '404', path: '/no-such-page/' },
  ];
  const pick = (
    type: string,
    name: Parameters<typeof exported>[0],
    measure: (item: Exported) => number,
  ) => {
    const entry = largest(exported(name), measure);
    if (entry) pages.push({ type, path: entry.url });
  };
  pick('article', 'articles', (a) => count(a.quotes) + count(a.actors) + count(a.events));
  pick('actor', 'actors', (a) => count(a.mentions));
  pick('event', 'events', (e) => count(e.variants) * 10 + count(e.articles));
  pick('topic', 'topics', (t) => count(t.articles) + count(t.events));
  pick('source', 'sources', (s) => count(s.articles) + count(s.citedBy));
  const topic = largest(exported('topics'), (t) => count(t.events));
  if (topic && existsSync(path.join(DIST, 'timeline', 'topics', topic.id)))
    pages.push({ type: 'timeline-topic', path: `/timeline/topics/${topic.id}/` });
  return pages;
}
