import type { Article } from '../../../src/schema.ts';
import { compareStrings } from '../text.ts';
import type { ActorInfo } from './types.ts';

type Group = Article['voices']['bySide'][number];

function toGroups(map: Map<string, { quotes: number; speakers: Set<string> }>): Group[] {
  return [...map.entries()]
    .map(([key, g]) => ({ key, quotes: g.quotes, speakers: [...g.speakers].sort(compareStrings) }))
    .sort((a, b) => b.quotes - a.quotes || compareStrings(a.key, b.key));
}

/**
 * Breaks down who an article lets speak: quotes counted by the speaker's side (the country the
 * actor is affiliated with, or the country itself) and by the speaker's kind.
 */
export function countVoices(
  quotes: Article['quotes'],
  actors: Map<string, ActorInfo>,
): Article['voices'] {
  const bySide = new Map<string, { quotes: number; speakers: Set<string> }>();
  const byKind = new Map<string, { quotes: number; speakers: Set<string> }>();
  const bump = (map: typeof bySide, key: string, speaker: string) => {
    const g = map.get(key) ?? { quotes: 0, speakers: new Set<string>() };
    g.quotes++;
    g.speakers.add(speaker);
    map.set(key, g);
  };
  for (const q of quotes) {
    if (!q.speaker) continue;
    const actor = actors.get(q.speaker);
    const side = actor?.kind === 'country' ? actor.id : (actor?.affiliation ?? 'unaffiliated');
    bump(bySide, side, q.speaker);
    bump(byKind, actor?.kind ?? 'unknown', q.speaker);
  }
  return { bySide: toGroups(bySide), byKind: toGroups(byKind) };
}
