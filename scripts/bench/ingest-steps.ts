/** Reads the ingest's timing of its steps from the line `--timings` prints, or null without one. */
export function readIngestSteps(log: string): Record<string, number> | null {
  const line = /^ingest steps: (.*)$/m.exec(log)?.[1];
  if (!line) return null;
  return Object.fromEntries(
    [...line.matchAll(/(\w+) (\d+) ms/g)].map((m) => [m[1]!, Number(m[2])] as const),
  );
}
