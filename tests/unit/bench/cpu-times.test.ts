import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readShellTimes, timeShellArgs } from '../../../scripts/bench/cpu-times.ts';

describe("reading a shell's times", () => {
  it.each([
    ['0m0.004s 0m0.000s\n1m10.52s 0m12.3s\n', { user: 70.5, sys: 12.3 }],
    ['some warning\n0m0.000000s 0m0.000000s\n0m3.340000s 0m0.020000s', { user: 3.3, sys: 0 }],
    ['no times here', null],
    ['', null],
  ])('reads %j as %j', (stderr, expected) => {
    expect(readShellTimes(stderr)).toEqual(expected);
  });
});

describe('timing a command through the shell', () => {
  it("reports the processor time of the command's own children, and keeps its exit status", () => {
    // A child of the command burns about half a second: the time is counted once it is waited for.
    const script = `require('node:child_process').spawnSync(process.execPath, ['-e', 'const t = Date.now(); while (Date.now() - t < 500);']); process.exit(3);`;
    const result = spawnSync('sh', timeShellArgs(process.execPath, ['-e', script]), {
      encoding: 'utf8',
    });
    expect(result.status).toBe(3);
    const times = readShellTimes(result.stderr);
    expect(times!.user + times!.sys).toBeGreaterThanOrEqual(0.4);
  });
});
