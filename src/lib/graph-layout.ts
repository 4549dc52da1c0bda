/** A node placed on the drawing. */
export interface PlacedNode {
  id: string;
  x: number;
  y: number;
}

/** Places nodes evenly on a circle around (cx, cy), the first at the top, going clockwise; coordinates rounded to 0.1. */
export function circleLayout(
  ids: readonly string[],
  cx: number,
  cy: number,
  radius: number,
): PlacedNode[] {
  const round = (n: number) => Math.round(n * 10) / 10;
  return ids.map((id, i) => {
    const angle = (2 * Math.PI * i) / Math.max(ids.length, 1) - Math.PI / 2;
    return { id, x: round(cx + radius * Math.cos(angle)), y: round(cy + radius * Math.sin(angle)) };
  });
}

/** Shortens a label to at most `max` characters, ending it with an ellipsis when cut. */
export function shortLabel(text: string, max = 22): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Maps a weight onto a stroke width between min and max, relative to the heaviest weight. */
export function strokeWidth(weight: number, maxWeight: number, min = 0.75, max = 8): number {
  if (maxWeight <= 0) return min;
  return Math.round((min + ((max - min) * weight) / maxWeight) * 100) / 100;
}
