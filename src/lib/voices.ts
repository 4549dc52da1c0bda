import { compareNames } from './format.ts';
/**
 * Who is speaking: groups quotations and citations by the speaker's side (the country an actor
 * belongs to or speaks for) and by kind of speaker. Pure functions over plain data.
 */

/** The few actor fields these groupings read. */
export interface SpeakerInfo {
  name: string;
  kind: string;
  affiliation: string | null;
}

/** A group of items spoken from one side, labelled for display. */
export interface SideGroup<T> {
  /** The side's actor id, or null for speakers with no known side. */
  side: string | null;
  label: string;
  items: T[];
}

/** The side an actor speaks for: a country speaks for itself, anyone else for their affiliation. */
export function sideOf(
  speaker: string | null,
  actors: ReadonlyMap<string, { data: SpeakerInfo }>,
): string | null {
  if (!speaker) return null;
  const actor = actors.get(speaker);
  if (!actor) return null;
  return actor.data.kind === 'country' ? speaker : actor.data.affiliation;
}

/** Groups items by their speaker's side, largest group first and the unplaced voices last. */
export function groupBySide<T>(
  items: readonly T[],
  speakerOf: (item: T) => string | null,
  actors: ReadonlyMap<string, { data: SpeakerInfo }>,
): SideGroup<T>[] {
  const groups = new Map<string | null, T[]>();
  for (const item of items) {
    const side = sideOf(speakerOf(item), actors);
    const list = groups.get(side);
    if (list) list.push(item);
    else groups.set(side, [item]);
  }
  return [...groups]
    .map(([side, list]) => ({
      side,
      label:
        side === null
          ? 'Unplaced or unattributed voices'
          : `${actors.get(side)?.data.name ?? side} voices`,
      items: list,
    }))
    .sort(
      (a, b) =>
        Number(a.side === null) - Number(b.side === null) ||
        b.items.length - a.items.length ||
        compareNames(a.label, b.label),
    );
}

/** Counts items by their speaker's kind ("person", "organisation", …; "unknown" when unresolved), largest first. */
export function countByKind<T>(
  items: readonly T[],
  speakerOf: (item: T) => string | null,
  actors: ReadonlyMap<string, { data: SpeakerInfo }>,
): Array<{ kind: string; count: number }> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const speaker = speakerOf(item);
    const kind = (speaker && actors.get(speaker)?.data.kind) || 'unknown';
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts]
    .map(([kind, count]) => ({ kind, count }))
    .sort((a, b) => b.count - a.count || compareNames(a.kind, b.kind));
}
