import type { Event } from '../../../src/schema.ts';
import { compareStrings, slugify } from '../text.ts';
import {
  isStrongKind,
  rateTitle,
  tellsKind,
  UNRESOLVED_NAME,
  type EventCandidate,
} from './events.ts';
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
  /** The kind-and-actor keys the cluster is listed under, for undated references. */
  listed: Set<string>;
  /** Key words of its members' titles, and of their whole sentences. */
  titleWords: Set<string>;
  textWords: Set<string>;
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

/** Words too common in reports to show that two of them tell the same happening. */
const COMMON = new Set(
  `the and but for from with without into onto over under after before since until during about against between
  through among amid than that this these those there their them they then its was were been being has have had does
  did will would could should might must can not also only just more most other such some any each every all both
  either neither very too said says say told tells telling according reported report reports added adding week weeks
  days month months year years time first last second third former four five seven eight nine dozens hundreds
  thousands three six ten people official officials government cent percent what which whom whose where when while because although
  however still already again later earlier near around back own same statement spokesperson spokesman spokeswoman
  minister ministry country countries side sides reporters publicly privately further`.split(/\s+/),
);

/** Words that tell one happening in other words ("freed" for "released"). */
const SAME_AS: Record<string, string> = { freed: 'releas', free: 'releas', shut: 'clos' };

/** A rough stem, so that "closed" and "closure", "offered" and "offering" meet. */
function stemWord(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  const same = SAME_AS[w];
  if (same) return same;
  if (/ly$/.test(w) && w.length > 6) w = w.slice(0, -2);
  if (/ie[sd]$/.test(w)) return `${w.slice(0, -3)}y`;
  const suffix = /(?:ations?|ions?|ments?|ings?|ures?|ages?|ees|ers|ed|es|s|e)$/.exec(w);
  if (suffix && w.length - suffix[0].length >= 4) w = w.slice(0, -suffix[0].length);
  return w.replace(/([bdglmnprt])\1$/, '$1');
}

/** The content words of a text that say what happened: lowercase (names are actors), not common. */
function findKeyWords(text: string): Set<string> {
  const out = new Set<string>();
  text = text.replace(/\bgave way\b/gi, 'collapsed').replace(/\bset free\b/gi, 'released');
  for (const m of text.matchAll(/\p{Ll}[\p{L}'’-]{3,}/gu)) {
    if (m.index! > 0 && /[\p{L}\p{M}-]/u.test(text[m.index! - 1]!)) continue;
    if (!COMMON.has(m[0])) out.add(stemWord(m[0]));
  }
  return out;
}

function countShared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

const wordsCache = new WeakMap<EventCandidate, { title: Set<string>; clause: Set<string> }>();

/** The key words of a report's title and of its clause, read once per report. */
function readReportWords(c: EventCandidate): { title: Set<string>; clause: Set<string> } {
  let words = wordsCache.get(c);
  if (!words) {
    words = { title: findKeyWords(c.title), clause: findKeyWords(c.clause) };
    wordsCache.set(c, words);
  }
  return words;
}

/**
 * How many key words a report shares with a cluster (its title against their sentences, or the
 * reverse), and what share of its title's key words that is.
 */
function countSharedWords(c: EventCandidate, cluster: Cluster): { words: number; share: number } {
  const { title, clause } = readReportWords(c);
  const words = Math.max(
    countShared(title, cluster.textWords),
    countShared(clause, cluster.titleWords),
  );
  return { words, share: title.size ? countShared(title, cluster.textWords) / title.size : 0 };
}

/**
 * How well a report's title names an event: better when read from its own dated sentence, and
 * when it holds a word of the event's kind ("detained" for an arrest).
 */
function rateReport(c: EventCandidate, kind: string): number {
  const text = c.text.toLowerCase();
  const words = c.title.toLowerCase().match(/\p{L}+/gu) ?? [];
  const own = words.filter((w) => text.includes(w)).length >= words.length * 0.8;
  return (
    rateTitle(c.title) + (own ? 1 : 0) + (kind !== 'other' && tellsKind(c.title, kind) ? 1 : 0)
  );
}

/** How specific a kind is: a strong kind over a weak one over none. */
function rankKind(kind: string): number {
  return kind === 'other' ? 0 : isStrongKind(kind) ? 2 : 1;
}

/**
 * Whether a dated report joins a cluster. Reports of one kind need an actor in common (more on
 * another day of the month), or key words in common; reports of one day but of different kinds
 * ("blocked the ring road", "a farmers' protest") need key words in common as well, more when
 * both kinds are specific, so that a flood and a vote on one day stay apart.
 */
function fitsCluster(
  member: Member,
  cluster: Cluster,
  score: number,
  { words, share }: { words: number; share: number },
): boolean {
  const c = member.candidate;
  const date = c.date!;
  const sameDay = date.day !== null && date.day === cluster.date.day;
  const sameArticle = cluster.members.some((m) => m.article === member.article);
  const named = Object.keys(c.actors).some((id) => !id.startsWith(UNRESOLVED_NAME));
  // A sentence of the same article that names no one but gives the same day refers back to
  // the happening ("the two governments describe the August 31 collision differently").
  const refersBack =
    sameArticle && sameDay && !named && cluster.members.every((m) => m.candidate.text !== c.text);
  const combined = score + 2 * words;
  // Key words agree when two are shared, or one when most of a short title's are ("a protest in
  // X") or when the reports share actors of their own (a person and a place).
  const agree = words >= 2 || (words >= 1 && (share >= 0.5 || score >= 5));
  if (cluster.kind === c.kind) {
    if (c.kind === 'other') {
      if (sameDay) return score >= 3 || refersBack || (agree && combined >= 4);
      // Within a month, reports that say what happened in the same words.
      return date.month !== null && cluster.date.month !== null && words >= 2 && combined >= 4;
    }
    if (!sameDay) return score >= 2 || sameArticle || words >= 2;
    // One article tells one happening of a specific kind a day; a weak kind ("said") needs more.
    if (sameArticle && rankKind(c.kind) === 2) return true;
    // A report that names no one ("the prisoners were freed") cannot disagree.
    return score >= 1 || (words >= 1 && (!named || combined >= 4));
  }
  // Of one month or year, reports of two kinds ("the sinking of a ferry", "40 people drowned")
  // need both actors and key words in common.
  if (!sameDay) return score >= 3 && words >= 2;
  if (refersBack && Math.min(rankKind(c.kind), rankKind(cluster.kind)) < 2) return true;
  if (rankKind(c.kind) === 2 && rankKind(cluster.kind) === 2)
    return (words >= 2 && combined >= 6) || (words >= 1 && share >= 0.5 && combined >= 4);
  return agree && combined >= 4;
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
 * compared only with events of the same month (or year), most precise first: of one kind they
 * need an actor or key words in common, of two kinds only on the same day and with key words in
 * common; events of one day that one pass left apart are then joined when one fits the other.
 * Undated references are looked up by kind and shared actor, never against every event, so the
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
  const join = (cluster: Cluster, member: Member) => {
    const c = member.candidate;
    cluster.members.push(member);
    if (rankKind(c.kind) > rankKind(cluster.kind)) cluster.kind = c.kind;
    for (const [id, kind] of Object.entries(c.actors)) cluster.actors.set(id, kind);
    // Listed under every kind its reports give: "the release" finds an event first told as "freed".
    for (const kind of new Set([cluster.kind, c.kind]))
      for (const id of cluster.actors.keys()) {
        const key = `${kind}|${id}`;
        if (cluster.listed.has(key)) continue;
        cluster.listed.add(key);
        appendTo(byKindActor, key, cluster);
      }
    for (const w of readReportWords(c).title) cluster.titleWords.add(w);
    for (const w of readReportWords(c).clause) cluster.textWords.add(w);
  };

  for (const member of dated) {
    const c = member.candidate;
    const date = c.date!;
    const pool =
      date.month !== null ? (byMonth.get(monthKey(date)) ?? []) : (byYear.get(date.year) ?? []);
    let best: Cluster | null = null;
    let bestScore = 0;
    for (const cluster of pool) {
      if (!compatible(date, cluster.date)) continue;
      const score = overlap(c.actors, cluster);
      const shared = countSharedWords(c, cluster);
      const sameArticle = cluster.members.some((m) => m.article === member.article);
      // Of two fitting events, the one this article already reports, then one of its kind, wins.
      const combined =
        score + 2 * shared.words + (sameArticle ? 1 : 0) + (cluster.kind === c.kind ? 0.5 : 0);
      if (fitsCluster(member, cluster, score, shared) && (combined > bestScore || !best)) {
        best = cluster;
        bestScore = combined;
      }
    }
    if (!best) {
      best = {
        order: clusters.length,
        kind: c.kind,
        date,
        members: [],
        actors: new Map(),
        listed: new Set(),
        titleWords: new Set(),
        textWords: new Set(),
      };
      clusters.push(best);
      if (date.month !== null) appendTo(byMonth, monthKey(date), best);
      appendTo(byYear, date.year, best);
    }
    join(best, member);
  }

  // Reports are joined in one pass, so an event of a day may have formed before the report that
  // ties it to another of that day ("closed the bridge" before "said …, announcing the
  // closure"): such events of one day are joined when one's best report fits the other.
  const byDay = new Map<string, Cluster[]>();
  for (const cluster of clusters)
    if (cluster.date.day !== null) appendTo(byDay, toIso(cluster.date), cluster);
  const gone = new Set<Cluster>();
  for (const day of byDay.values())
    for (let j = 1; j < day.length; j++) {
      const later = day[j]!;
      const lead = later.members.reduce((a, b) =>
        rateReport(b.candidate, later.kind) > rateReport(a.candidate, later.kind) ? b : a,
      );
      const into = day
        .slice(0, j)
        .find(
          (earlier) =>
            !gone.has(earlier) &&
            fitsCluster(
              lead,
              earlier,
              overlap(lead.candidate.actors, earlier),
              countSharedWords(lead.candidate, earlier),
            ),
        );
      if (!into) continue;
      for (const m of later.members) join(into, m);
      gone.add(later);
    }

  for (const member of members.filter((m) => !m.candidate.date)) {
    const c = member.candidate;
    const seen = new Set<Cluster>();
    let best: Cluster | null = null;
    let bestScore = 2;
    const before = published.get(member.article);
    for (const id of Object.keys(c.actors)) {
      for (const cluster of byKindActor.get(`${c.kind}|${id}`) ?? []) {
        if (seen.has(cluster) || gone.has(cluster)) continue;
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
    if (gone.has(cluster)) continue;
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
    // The title that best says what happened, of the reports whose own sentence dates it.
    const dating = cluster.members.filter((m) => m.candidate.dateSource === 'text');
    const titled = (
      dating.length ? dating : cluster.members.filter((m) => m.candidate.date)
    ).reduce((a, b) =>
      rateReport(b.candidate, cluster.kind) > rateReport(a.candidate, cluster.kind) ? b : a,
    );
    events.set(id, {
      title: titled.candidate.title,
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
