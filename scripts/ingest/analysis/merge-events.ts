import type { Event } from '../../../src/schema.ts';
import { compareStrings, slugify } from '../text.ts';
import { UNRESOLVED_NAME, type EventCandidate } from './events.ts';
import type { ActorInfo } from './types.ts';
import { precisionOf, toIso, type DatePoint } from './when.ts';

/** One article's event candidates, with its id and publication date (ISO, or null). */
export interface ArticleEvents {
  article: string;
  published: string | null;
  candidates: EventCandidate[];
}

interface Member {
  article: string;
  candidate: EventCandidate;
}

interface Cluster {
  order: number;
  kind: string;
  date: DatePoint;
  members: Member[];
  actors: Map<string, ActorInfo['kind']>;
}

const WEIGHT: Record<string, number> = {
  person: 3,
  organisation: 3,
  media: 3,
  place: 2,
  country: 1,
};
const PRECISION_RANK = { day: 0, month: 1, year: 2 } as const;

/** How much two reports share: specific actors count more than the countries every report names. */
function overlap(actors: Record<string, ActorInfo['kind']>, cluster: Cluster): number {
  let score = 0;
  for (const [id, kind] of Object.entries(actors))
    if (cluster.actors.has(id)) score += WEIGHT[kind] ?? 1;
  return score;
}

function monthKey(d: DatePoint): string {
  return `${d.year}-${d.month}`;
}

/** Whether a date can be the same happening as the cluster's: same day, or within its month or year. */
function compatible(d: DatePoint, c: DatePoint): boolean {
  if (d.year !== c.year) return false;
  if (d.month === null || c.month === null) return true;
  if (d.month !== c.month) return false;
  return d.day === null || c.day === null || d.day === c.day;
}

/** Picks the actor that best names an event in its id: the most reported, specific actors counting more. */
function anchorOf(cluster: Cluster): string | null {
  const counts = new Map<string, number>();
  for (const m of cluster.members)
    for (const id of Object.keys(m.candidate.actors))
      if (!id.startsWith(UNRESOLVED_NAME)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const score = ([id, n]: [string, number]) => n * (WEIGHT[cluster.actors.get(id)!] ?? 1);
  const ranked = [...counts.entries()].sort(
    (a, b) => score(b) - score(a) || compareStrings(a[0], b[0]),
  );
  return ranked[0]?.[0] ?? null;
}

/** Appends to the list stored under a key, creating it on first use. */
function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Merges the articles' event candidates into one event per happening. Dated candidates are
 * compared only with events of the same kind in the same month (or year), most precise first;
 * undated references are looked up by kind and shared actor, never against every event, so the
 * cost grows with the number of candidates, not with the number of article pairs.
 */
export function mergeEvents(inputs: ArticleEvents[]): {
  events: Map<string, Event>;
  byArticle: Map<string, string[]>;
} {
  const published = new Map(inputs.map((i) => [i.article, i.published]));
  const members: Member[] = inputs.flatMap((i) =>
    i.candidates.map((candidate) => ({ article: i.article, candidate })),
  );
  const dated = members
    .filter((m) => m.candidate.date)
    .sort(
      (a, b) =>
        PRECISION_RANK[precisionOf(a.candidate.date!)] -
          PRECISION_RANK[precisionOf(b.candidate.date!)] ||
        Number(a.candidate.dateSource === 'context') -
          Number(b.candidate.dateSource === 'context') ||
        compareStrings(toIso(a.candidate.date!), toIso(b.candidate.date!)) ||
        compareStrings(a.article, b.article) ||
        a.candidate.paragraphIndex - b.candidate.paragraphIndex,
    );
  const clusters: Cluster[] = [];
  const byMonth = new Map<string, Cluster[]>();
  const byYear = new Map<number, Cluster[]>();
  const byKindActor = new Map<string, Cluster[]>();
  const index = (cluster: Cluster, actors: Record<string, ActorInfo['kind']>) => {
    for (const [id, kind] of Object.entries(actors)) {
      // A cluster that already has the actor is already listed under it.
      if (!cluster.actors.has(id)) appendTo(byKindActor, `${cluster.kind}|${id}`, cluster);
      cluster.actors.set(id, kind);
    }
  };

  for (const member of dated) {
    const c = member.candidate;
    const date = c.date!;
    const pool =
      date.month !== null ? (byMonth.get(monthKey(date)) ?? []) : (byYear.get(date.year) ?? []);
    let best: Cluster | null = null;
    let bestScore = 0;
    for (const cluster of pool) {
      if (cluster.kind !== c.kind || !compatible(date, cluster.date)) continue;
      const sameDay = date.day !== null && date.day === cluster.date.day;
      const score = overlap(c.actors, cluster);
      const sameArticle = cluster.members.some((m) => m.article === member.article);
      const needed = c.kind === 'other' ? (sameDay ? 3 : Infinity) : sameDay ? 1 : 2;
      // A sentence of the same article that names no one but gives the same day refers back to
      // the happening ("the two governments describe the August 31 collision differently").
      const refersBack =
        sameArticle &&
        sameDay &&
        Object.keys(c.actors).every((id) => id.startsWith(UNRESOLVED_NAME));
      if (
        (score >= needed || (sameArticle && c.kind !== 'other') || refersBack) &&
        (score > bestScore || !best)
      ) {
        best = cluster;
        bestScore = score;
      }
    }
    if (!best) {
      best = { order: clusters.length, kind: c.kind, date, members: [], actors: new Map() };
      clusters.push(best);
      if (date.month !== null) appendTo(byMonth, monthKey(date), best);
      appendTo(byYear, date.year, best);
    }
    best.members.push(member);
    index(best, c.actors);
  }

  for (const member of members.filter((m) => !m.candidate.date)) {
    const c = member.candidate;
    const seen = new Set<Cluster>();
    let best: Cluster | null = null;
    let bestScore = 2;
    const before = published.get(member.article);
    for (const id of Object.keys(c.actors)) {
      for (const cluster of byKindActor.get(`${c.kind}|${id}`) ?? []) {
        if (seen.has(cluster)) continue;
        seen.add(cluster);
        if (before && compareStrings(toIso(cluster.date), before) > 0) continue;
        const score = overlap(c.actors, cluster);
        if (
          score > bestScore ||
          (score === bestScore && best && cluster.order < best.order && score > 2)
        ) {
          best = cluster;
          bestScore = score;
        }
      }
    }
    if (best) best.members.push(member);
  }

  const events = new Map<string, Event>();
  const byArticle = new Map<string, string[]>();
  for (const cluster of clusters) {
    const first = cluster.members[0]!.candidate;
    const iso = toIso(cluster.date);
    const anchor = anchorOf(cluster);
    const base = `${iso}-${cluster.kind}-${anchor ?? slugify(first.title, 5)}`.replace(/-+$/, '');
    let id = base;
    for (let k = 2; events.has(id); k++) id = `${base}-${k}`;
    const refs = new Map<string, { article: string; paragraph: string }>();
    const variants = new Map<string, Event['variants'][number]>();
    for (const m of cluster.members) {
      refs.set(`${m.article}#${m.candidate.paragraphIndex}`, {
        article: m.article,
        paragraph: m.candidate.paragraph,
      });
      const key = `${m.article}#${String(m.candidate.paragraphIndex).padStart(6, '0')}#${m.candidate.text}`;
      if (!variants.has(key))
        variants.set(key, {
          article: m.article,
          paragraph: m.candidate.paragraph,
          text: m.candidate.text,
          claims: m.candidate.claims,
        });
      byArticle.set(
        m.article,
        [...new Set([...(byArticle.get(m.article) ?? []), id])].sort(compareStrings),
      );
    }
    const sortedRefs = [...refs.entries()].sort(
      (a, b) =>
        compareStrings(a[0].split('#')[0]!, b[0].split('#')[0]!) ||
        Number(a[0].split('#')[1]) - Number(b[0].split('#')[1]),
    );
    events.set(id, {
      title: first.title,
      kind: cluster.kind,
      date: iso,
      datePrecision: precisionOf(cluster.date),
      approximate: cluster.date.day === null ? cluster.date.approximate : null,
      articles: [...new Set(cluster.members.map((m) => m.article))].sort(compareStrings),
      paragraphs: sortedRefs.map(([, r]) => r),
      actors: [...cluster.actors.keys()]
        .filter((id) => !id.startsWith(UNRESOLVED_NAME))
        .sort(compareStrings),
      topics: [],
      variants: [...variants.entries()]
        .sort((a, b) => compareStrings(a[0], b[0]))
        .map(([, v]) => v),
    });
  }
  return { events, byArticle };
}
