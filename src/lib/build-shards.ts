// A large site can be built by several Astro processes at once, each rendering its share
// of the pages into the same output folder (scripts/build-site.ts starts them). Astro renders on
// one thread (with a body worker and the garbage collector beside it, most of two cores): on a
// machine with more cores, one process leaves the rest idle.

/** Which share of the pages this process renders: the `index`-th of `count`. */
export interface BuildShard {
  index: number;
  count: number;
}

/** Reads this process's share from PARALLAX_SHARD (`index/count`); null when it renders every page. */
export function readBuildShard(value = process.env.PARALLAX_SHARD): BuildShard | null {
  if (!value) return null;
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index >= count)
    throw new Error(`PARALLAX_SHARD must be "index/count" with index < count, not "${value}"`);
  return count === 1 ? null : { index, count };
}

/**
 * The share a page's address belongs to: a hash of the address alone, so that a page stays with the
 * same process from one build to the next and its kept file is that process's to keep or delete.
 */
export function shardOfAddress(address: string, count: number): number {
  // FNV-1a: cheap, and spreads similar addresses (`/actors/a/`, `/actors/b/`) evenly.
  let hash = 0x811c9dc5;
  for (let i = 0; i < address.length; i++) {
    hash ^= address.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
}

/** Keeps the items whose address falls to this process; all of them when the build is not split. */
export function keepOwnPages<T>(
  items: T[],
  addressOf: (item: T) => string,
  shard = readBuildShard(),
): T[] {
  if (!shard) return items;
  return items.filter((item) => shardOfAddress(addressOf(item), shard.count) === shard.index);
}
