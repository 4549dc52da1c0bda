import rss from '@astrojs/rss';
import type { CollectionEntry } from 'astro:content';
import { paths } from './format.ts';
import { getSiteIndex } from './site-index.ts';

/** Builds an RSS response listing articles newest first, each linked to its page on the site. */
export async function articleFeed(
  site: URL | undefined,
  title: string,
  description: string,
  articles: CollectionEntry<'articles'>[],
): Promise<Response> {
  const index = await getSiteIndex();
  const dated = articles.filter((a) => a.data.date);
  return rss({
    title,
    description,
    site: site ?? 'http://localhost:4321',
    trailingSlash: true,
    items: [...dated]
      .sort((a, b) => (a.data.date! < b.data.date! ? 1 : a.data.date! > b.data.date! ? -1 : 0))
      .slice(0, 50)
      .map((article) => ({
        title: article.data.title,
        link: paths.article(article.id),
        pubDate: new Date(article.data.date!),
        description: article.data.dek ?? undefined,
        author: article.data.author ?? undefined,
        categories: article.data.topics
          .map((t) => index.topicById.get(t.topic)?.data.name)
          .filter((n): n is string => !!n),
        customData: article.data.outlet
          ? `<source url="${new URL(paths.source(article.data.outlet), site)}">${escapeXml(index.sourceById.get(article.data.outlet)?.data.name ?? article.data.outlet)}</source>`
          : undefined,
      })),
  });
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
