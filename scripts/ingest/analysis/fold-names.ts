import { normalizeKey } from '../text.ts';
import type { ArticleAnalysis } from './analyze.ts';
import type { AnalysedArticle } from './collect.ts';
import { countVoices } from './sides.ts';
import type { ActorInfo } from './types.ts';

/**
 * Discovered institutions by the last two or three words of their names, where those words end
 * no other institution's name: "cerro alto" → Compañía Minera Cerro Alto. A person the rules
 * found under such words (`normalizeKey` of the name) is the institution's short name.
 */
export function indexInstitutionTails(actors: Iterable<ActorInfo>): Map<string, ActorInfo | null> {
  const byTail = new Map<string, ActorInfo | null>();
  for (const actor of actors) {
    if (actor.reviewed || (actor.kind !== 'organisation' && actor.kind !== 'media')) continue;
    const words = normalizeKey(actor.name).split(' ');
    for (let n = 2; n <= 3 && n < words.length; n++) {
      const tail = words.slice(-n).join(' ');
      const seen = byTail.get(tail);
      // Two institutions ending alike ("… Water Board") leave the short name to neither.
      byTail.set(tail, seen === undefined || seen?.id === actor.id ? actor : null);
    }
  }
  return byTail;
}

/** An article's analysis with some actor ids replaced by others, and its voices counted again. */
function replaceActors(analysis: ArticleAnalysis, into: Map<string, ActorInfo>): ArticleAnalysis {
  const id = (actor: string) => into.get(actor)?.id ?? actor;
  const actors = new Map<string, ActorInfo>();
  for (const actor of analysis.actors) {
    const kept = into.get(actor.id) ?? actor;
    actors.set(kept.id, kept);
  }
  const quotes = analysis.quotes.map((q) =>
    q.quote.speaker && into.has(q.quote.speaker)
      ? {
          ...q,
          quote: {
            ...q.quote,
            speaker: id(q.quote.speaker),
            speakerName: into.get(q.quote.speaker)!.name,
          },
        }
      : q,
  );
  return {
    ...analysis,
    actors: [...actors.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    mentions: analysis.mentions.map((m) => (into.has(m.actor) ? { ...m, actor: id(m.actor) } : m)),
    quotes,
    events: analysis.events.map((e) => ({
      ...e,
      actors: Object.fromEntries(
        Object.entries(e.actors).map(([actor, kind]) => [id(actor), into.get(actor)?.kind ?? kind]),
      ),
    })),
    voices: countVoices(
      quotes.map((q) => q.quote),
      actors,
    ),
  };
}

/**
 * Gives an institution's short name back to it across the corpus: an article that only writes
 * "Cerro Alto said" quotes the company another article names in full ("Compañía Minera Cerro
 * Alto"), not a person the rules took from the verb of saying. Linear in the number of actors.
 */
export function foldShortNamesAcrossArticles(articles: AnalysedArticle[]): AnalysedArticle[] {
  const byTail = indexInstitutionTails(articles.flatMap((a) => a.analysis.actors));
  if (byTail.size === 0) return articles;
  return articles.map((article) => {
    const into = new Map<string, ActorInfo>();
    for (const actor of article.analysis.actors) {
      if (actor.reviewed || actor.kind !== 'person') continue;
      const owner = byTail.get(normalizeKey(actor.name));
      if (owner) into.set(actor.id, owner);
    }
    return into.size === 0
      ? article
      : { id: article.id, analysis: replaceActors(article.analysis, into) };
  });
}
