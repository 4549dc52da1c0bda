import { describe, expect, it } from 'vitest';
import {
  chooseAstroNodeFlags,
  chooseProcessCount,
  SPLIT_MIN_ARTICLES,
} from '../../../scripts/site/split-build.ts';
import { keepOwnPages, readBuildShard } from '../../../src/lib/build-shards.ts';

const addresses = Array.from({ length: 2000 }, (_, i) =>
  i % 2 ? `/actors/name-${i}/` : `/articles/story-${i}/`,
);

describe('the share of a split build', () => {
  it.each([
    [undefined, null],
    ['', null],
    ['0/1', null],
    ['0/2', { index: 0, count: 2 }],
    ['3/4', { index: 3, count: 4 }],
  ])('reads PARALLAX_SHARD=%j as %j', (value, expected) => {
    expect(readBuildShard(value)).toEqual(expected);
  });

  it.each(['2/2', '1', 'a/b', '-1/2', '0/0'])(
    'refuses PARALLAX_SHARD=%j with a clear message',
    (value) => {
      expect(() => readBuildShard(value)).toThrow(/PARALLAX_SHARD must be "index\/count"/);
    },
  );

  it('gives every page to exactly one process, whatever the number of processes', () => {
    for (const count of [2, 3, 4]) {
      const shares = Array.from({ length: count }, (_, index) =>
        keepOwnPages(addresses, (a) => a, { index, count }),
      );
      expect(shares.flat().sort()).toEqual([...addresses].sort());
      // Evenly enough that no process waits long for another: within 10% of a fair share.
      for (const share of shares)
        expect(Math.abs(share.length - addresses.length / count)).toBeLessThan(
          addresses.length / count / 10,
        );
    }
  });

  it('keeps every page when the build is not split', () => {
    expect(keepOwnPages(addresses, (a) => a, null)).toBe(addresses);
  });
});

describe('the number of build processes', () => {
  it.each([
    [5, 8, 1],
    [SPLIT_MIN_ARTICLES - 1, 8, 1],
    [SPLIT_MIN_ARTICLES, 8, 4],
    [10_000, 2, 1],
    [10_000, 3, 1],
    [10_000, 4, 2],
    [10_000, 16, 4],
  ])('for %i articles on %i cores is %i', (articles, cores, expected) => {
    expect(chooseProcessCount(articles, cores)).toBe(expected);
  });
});

describe("an Astro process's Node flags", () => {
  it.each([
    ['', ['--max-semi-space-size=64']],
    ['--max-old-space-size=8192', ['--max-semi-space-size=64']],
    ['--max-semi-space-size=16', []],
    ['--max-old-space-size=8192 --max-semi-space-size=128', []],
  ])('with NODE_OPTIONS "%s" are %j', (nodeOptions, expected) => {
    expect(chooseAstroNodeFlags(nodeOptions)).toEqual(expected);
  });
});
