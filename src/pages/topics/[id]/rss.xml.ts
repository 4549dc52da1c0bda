import { planEntryPages } from '../../../lib/entry-pages.ts';
import { paths } from '../../../lib/format.ts';
import type { APIRoute } from 'astro';
import { articleFeed } from '../../../lib/feeds.ts';
import { getSiteIndex } from '../../../lib/site-index.ts';

export async function getStaticPaths() {
  const { topics } = await getSiteIndex();
  return planEntryPages(
    { route: 'topic-feeds', digest: 'topic', address: paths.topicFeed },
    topics,
    (topic) => ({ params: { id: topic.id } }),
  );
}

export const GET: APIRoute = async ({ params, site }) => {
  const index = await getSiteIndex();
  const topic = index.topicById.get(params.id!)!;
  const articles = (index.articlesByTopic.get(topic.id) ?? []).map((r) => r.article);
  return articleFeed(
    site,
    `Parallax: ${topic.data.name}`,
    topic.data.description || `Articles on ${topic.data.name}.`,
    articles,
  );
};
