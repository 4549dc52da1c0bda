import type { APIRoute } from 'astro';
import { articleFeed } from '../lib/feeds.ts';
import { getSiteIndex } from '../lib/site-index.ts';

export const GET: APIRoute = async ({ site }) => {
  const index = await getSiteIndex();
  return articleFeed(
    site,
    'Parallax',
    'The newest articles in the collection.',
    index.articlesByDate,
  );
};
