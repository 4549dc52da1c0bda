import { describe, expect, it } from 'vitest';
import { readIngestSteps } from '../../../scripts/bench/ingest-steps.ts';

describe("reading the ingest's step times", () => {
  it.each([
    [
      'table\ningest steps: read 30120 ms, compare 3201 ms, validate 1900 ms, write 4012 ms\n',
      { read: 30120, compare: 3201, validate: 1900, write: 4012 },
    ],
    ['ingest steps: read 12 ms', { read: 12 }],
    ['a report table without the line', null],
    ['', null],
  ])('reads %j as %j', (log, expected) => {
    expect(readIngestSteps(log)).toEqual(expected);
  });
});
