import type { CollectionEntry } from 'astro:content';
import { DEFAULT_SITE, paths } from './format.ts';
import { renderRss, renderRssItem } from './rss.ts';
import { getSiteIndex, type SiteIndex } from './site-index.ts';

/** The newest articles a feed lists. */
const FEED_ITEMS = 50;

/**
 * Each article's item by its link, written once per site index: an article is listed in the feed
 * of every actor and topic it names, and the 8,025 feeds of a 10,000-article site list each article
 * 15 times on average.
 */
const writtenItems = new WeakMap<SiteIndex, Map<string, string>>();

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
  let written = writtenItems.get(index);
  if (!written) writtenItems.set(index, (written = new Map()));
  const writeItem = (article: CollectionEntry<'articles'>) => {
    const link = absolute(paths.article(article.id));
    let xml = written.get(link);
    if (xml === undefined) {
      const outlet = article.data.outlet;
      xml = renderRssItem({
        title: article.data.title,
        link,
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
      });
      written.set(link, xml);
    }
    return xml;
  };
  const xml = renderRss({ title, description, link: home.href }, newest.map(writeItem));
  return new Response(xml, { headers: { 'Content-Type': 'application/xml' } });
}
