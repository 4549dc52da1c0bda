import type { CollectionEntry } from 'astro:content';
import { DEFAULT_SITE, paths } from './format.ts';
import { renderRss } from './rss.ts';
import { getSiteIndex } from './site-index.ts';

/** The newest articles a feed lists. */
const FEED_ITEMS = 50;

/** Builds an RSS response listing articles newest first, each linked to its page on the site. */
export async function articleFeed(
  site: URL | undefined,
  title: string,
  description: string,
  articles: CollectionEntry<'articles'>[],
): Promise<Response> {
  const index = await getSiteIndex();
  const home = new URL('/', site ?? DEFAULT_SITE);
  // Paths are absolute, so they resolve against the site's origin, as `new URL(path, site)` does.
  const absolute = (address: string) => `${home.origin}${address}`;
  const newest = articles
    .filter((a) => a.data.date)
    .sort((a, b) => (a.data.date! < b.data.date! ? 1 : a.data.date! > b.data.date! ? -1 : 0))
    .slice(0, FEED_ITEMS);
  const xml = renderRss({
    title,
    description,
    link: home.href,
    items: newest.map((article) => {
      const outlet = article.data.outlet;
      return {
        title: article.data.title,
        link: absolute(paths.article(article.id)),
        pubDate: new Date(article.data.date!),
        description: article.data.dek ?? undefined,
        author: article.data.author ?? undefined,
        categories: article.data.topics
          .map((t) => index.topicById.get(t.topic)?.data.name)
          .filter((n): n is string => !!n),
        source: outlet
          ? {
              url: absolute(paths.source(outlet)),
              name: index.sourceById.get(outlet)?.data.name ?? outlet,
            }
          : undefined,
      };
    }),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/xml' } });
}
