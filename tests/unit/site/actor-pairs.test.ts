import { describe, expect, it } from 'vitest';
import { countActorPairs } from '../../../src/lib/actor-pairs.ts';

/** Mentions written as `article#paragraph` per actor. */
const mentions = (byActor: Record<string, string[]>) =>
  new Map(
    Object.entries(byActor).map(([actor, list]) => [
      actor,
      list.map((ref) => {
        const [article, paragraph] = ref.split('#') as [string, string];
        return { article, paragraph };
      }),
    ]),
  );

describe('the pairs of actors named in the same paragraph', () => {
  it.each([
    ['no actors', {}, []],
    ['an actor alone', { russia: ['a#p1', 'b#p2'] }, []],
    [
      'two actors in one paragraph',
      { russia: ['a#p1'], azerbaijan: ['a#p1'] },
      [{ a: 'azerbaijan', b: 'russia', weight: 1 }],
    ],
    [
      'a paragraph counted once however often each actor is named in it',
      { russia: ['a#p1', 'a#p1', 'a#p1'], azerbaijan: ['a#p1', 'a#p1'] },
      [{ a: 'azerbaijan', b: 'russia', weight: 1 }],
    ],
    [
      'the same paragraph number in two articles as two paragraphs',
      { russia: ['a#p1', 'b#p1'], azerbaijan: ['a#p1', 'b#p1'] },
      [{ a: 'azerbaijan', b: 'russia', weight: 2 }],
    ],
    [
      'different paragraphs of one article as no pair',
      { russia: ['a#p1'], azerbaijan: ['a#p2'] },
      [],
    ],
    [
      'three actors in a paragraph as three pairs, heaviest first, then by id',
      {
        turkey: ['a#p1'],
        russia: ['a#p1', 'b#p3'],
        azerbaijan: ['a#p1', 'b#p3'],
      },
      [
        { a: 'azerbaijan', b: 'russia', weight: 2 },
        { a: 'azerbaijan', b: 'turkey', weight: 1 },
        { a: 'russia', b: 'turkey', weight: 1 },
      ],
    ],
  ])('counts %s', (_, byActor, expected) => {
    expect(countActorPairs(mentions(byActor))).toEqual(expected);
  });

  it('counts every pair of a large corpus as a direct count does', () => {
    // Twelve actors over 200 articles of 6 paragraphs, each actor in a fixed pattern of them,
    // given in reverse id order so that a pair's order is seen to come from the ids.
    const actors = Array.from({ length: 12 }, (_, n) => `actor-${String(n).padStart(2, '0')}`);
    const byActor: Record<string, string[]> = {};
    [...actors].reverse().forEach((actor, n) => {
      const list: string[] = [];
      for (let article = 0; article < 200; article++)
        for (let p = 0; p < 6; p++)
          if ((article * 7 + p * 3 + n * n) % (n + 2) === 0) list.push(`a${article}#p${p}`);
      byActor[actor] = list;
    });
    const expected = new Map<string, number>();
    for (let i = 0; i < actors.length; i++)
      for (let j = i + 1; j < actors.length; j++) {
        const other = new Set(byActor[actors[j]!]);
        const both = new Set(byActor[actors[i]!]!.filter((ref) => other.has(ref))).size;
        if (both) expected.set(`${actors[i]} ${actors[j]}`, both);
      }
    const pairs = countActorPairs(mentions(byActor));
    expect(new Map(pairs.map((p) => [`${p.a} ${p.b}`, p.weight]))).toEqual(expected);
    expect(pairs.map((p) => p.weight)).toEqual(
      [...pairs.map((p) => p.weight)].sort((x, y) => y - x),
    );
  });
});
