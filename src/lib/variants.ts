/** One detail of an event (a claim key) as each source gives it. */
export interface ClaimRow {
  key: string;
  /** One value per variant, in the variants' order; null where that source does not say. */
  values: Array<string | null>;
  /** True when at least two sources give different values. */
  differs: boolean;
}

/** Lines up the sources' claims about one event, key by key, and marks where they disagree. */
export function claimTable(
  variants: ReadonlyArray<{ claims: Record<string, string> }>,
): ClaimRow[] {
  const keys = [...new Set(variants.flatMap((v) => Object.keys(v.claims)))].sort();
  return keys.map((key) => {
    const values = variants.map((v) => v.claims[key] ?? null);
    const distinct = new Set(
      values.filter((v): v is string => v !== null).map((v) => v.trim().toLowerCase()),
    );
    return { key, values, differs: distinct.size > 1 };
  });
}

/** Turns a claim key such as `deadCount` or `official_reason` into words: "dead count", "official reason". */
export function claimLabel(key: string): string {
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
}
