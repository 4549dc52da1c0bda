import { planEntryPages } from '../../../lib/entry-pages.ts';
import { paths } from '../../../lib/format.ts';
import type { APIRoute } from 'astro';
import { articleFeed } from '../../../lib/feeds.ts';
import { getSiteIndex, hasActorFeed } from '../../../lib/site-index.ts';

export async function getStaticPaths() {
  const actors = (await getSiteIndex()).actors.filter(hasActorFeed);
  return planEntryPages(
    { route: 'actor-feeds', digest: 'actor', address: paths.actorFeed },
    actors,
    (actor) => ({ params: { id: actor.id } }),
  );
}

export const GET: APIRoute = async ({ params, site }) => {
  const index = await getSiteIndex();
  const actor = index.actorById.get(params.id!)!;
  const articles = actor.data.articles
    .map((id) => index.articleById.get(id))
    .filter((a) => a !== undefined);
  return articleFeed(
    site,
    `Parallax: ${actor.data.name}`,
    `Articles that mention ${actor.data.name}.`,
    articles,
  );
};
