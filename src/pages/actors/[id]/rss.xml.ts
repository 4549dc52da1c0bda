import { planEntryPages } from '../../../lib/entry-pages.ts';
import { paths } from '../../../lib/format.ts';
import type { APIRoute } from 'astro';
import { articleFeed } from '../../../lib/feeds.ts';
import { getSiteIndex, hasActorFeed } from '../../../lib/site-index.ts';

export async function getStaticPaths() {
  const index = await getSiteIndex();
  const actors = index.actors.filter((actor) => hasActorFeed(index, actor));
  return planEntryPages(
    { route: 'actor-feeds', digest: 'actor', address: paths.actorFeed },
    actors,
    (actor) => ({ params: { id: actor.id } }),
  );
}

export const GET: APIRoute = async ({ params, site }) => {
  const index = await getSiteIndex();
  const actor = index.actorById.get(params.id!)!;
  const articles = (index.articlesByActor.get(actor.id) ?? [])
    .map((id) => index.articleById.get(id))
    .filter((a) => a !== undefined);
  return articleFeed(
    site,
    `Parallax: ${actor.data.name}`,
    `Articles that mention ${actor.data.name}.`,
    articles,
  );
};
