import { normalizeKey } from '../text.ts';
import { ORG_HEADS } from './lexicon.ts';
import type { ArticleAnalysis } from './analyze.ts';
import type { AnalysedArticle } from './collect.ts';
import { countVoices } from './sides.ts';
import type { ActorInfo } from './types.ts';

/**
 * Discovered institutions by the short names a text may give them: the last two or three words
 * of their names ("cerro alto" → Compañía Minera Cerro Alto), and a company's name without its
 * corporate words ("kestrel bay" → Kestrel Bay Resources Ltd, "nusantara daya investama" → PT
 * Nusantara Daya Investama), where no other institution has them. A person the rules found
 * under such words (`normalizeKey` of the name) is the institution's short name.
 */
export function indexInstitutionTails(actors: Iterable<ActorInfo>): Map<string, ActorInfo | null> {
  const byTail = new Map<string, ActorInfo | null>();
  const add = (key: string, actor: ActorInfo) => {
    const seen = byTail.get(key);
    // Two institutions ending alike ("… Water Board") leave the short name to neither.
    byTail.set(key, seen === undefined || seen?.id === actor.id ? actor : null);
  };
  for (const actor of actors) {
    if (actor.reviewed || (actor.kind !== 'organisation' && actor.kind !== 'media')) continue;
    const words = normalizeKey(actor.name).split(' ');
    for (let n = 2; n <= 3 && n < words.length; n++) add(words.slice(-n).join(' '), actor);
    let from = 0;
    while (from < words.length - 2 && COMPANY_FORMS.has(words[from]!)) from++;
    let to = words.length;
    while (to - from > 2 && ORG_HEADS.has(words[to - 1]!)) to--;
    if (to - from >= 2 && (from > 0 || to < words.length))
      add(words.slice(from, to).join(' '), actor);
  }
  return byTail;
}

/** Words that end a company's name with its legal form ("Ltd", "Tbk", "GmbH"). */
const LEGAL_FORMS = new Set(
  'ltd limited inc incorporated corp plc llc llp tbk ag gmbh sa nv bv pte pty co spa srl ab asa oyj'.split(
    ' ',
  ),
);

/** A company's name without its legal form, folded: "Kestrel Bay Resources Ltd" → "kestrel bay resources". */
export function stripLegalForm(name: string): string {
  const words = normalizeKey(name).split(' ');
  let from = 0;
  while (from < words.length - 1 && COMPANY_FORMS.has(words[from]!)) from++;
  let to = words.length;
  while (to - from > 1 && LEGAL_FORMS.has(words[to - 1]!)) to--;
  return words.slice(from, to).join(' ');
}

/**
 * Discovered organisations by their names without a legal form, where two or more share one:
 * "Kestrel Bay Resources" and "Kestrel Bay Resources Ltd" are one company, under the longer name.
 */
export function indexLegalNames(actors: Iterable<ActorInfo>): Map<string, ActorInfo> {
  const groups = new Map<string, ActorInfo[]>();
  for (const actor of actors) {
    if (actor.reviewed || actor.kind !== 'organisation') continue;
    const key = stripLegalForm(actor.name);
    const group = groups.get(key);
    if (!group) groups.set(key, [actor]);
    else if (!group.some((a) => a.id === actor.id)) group.push(actor);
  }
  const out = new Map<string, ActorInfo>();
  for (const [key, group] of groups)
    if (group.length > 1)
      out.set(
        key,
        group.reduce((a, b) =>
          b.name.length > a.name.length || (b.name.length === a.name.length && b.id < a.id) ? b : a,
        ),
      );
  return out;
}

/** Words that mark a company's legal form before its name ("PT", "JSC"). */
const COMPANY_FORMS = new Set(['pt', 'jsc', 'pjsc', 'ojsc', 'cv']);

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
  const all = articles.flatMap((a) => a.analysis.actors);
  const byTail = indexInstitutionTails(all);
  const byLegalName = indexLegalNames(all);
  if (byTail.size === 0 && byLegalName.size === 0) return articles;
  return articles.map((article) => {
    const into = new Map<string, ActorInfo>();
    for (const actor of article.analysis.actors) {
      if (actor.reviewed) continue;
      const owner =
        actor.kind === 'person'
          ? byTail.get(normalizeKey(actor.name))
          : actor.kind === 'organisation'
            ? byLegalName.get(stripLegalForm(actor.name))
            : undefined;
      if (owner && owner.id !== actor.id) into.set(actor.id, owner);
    }
    return into.size === 0
      ? article
      : { id: article.id, analysis: replaceActors(article.analysis, into) };
  });
}
