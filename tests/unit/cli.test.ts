import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFolder, readCommandLine, readWholeNumber } from '../../scripts/cli.ts';
import { ROOT } from '../helpers/seeds.ts';
import { makeTempDir } from '../helpers/temp.ts';

const OPTIONS = {
  seeds: { type: 'string', default: 'seeds' },
  strict: { type: 'boolean', default: false },
} as const;

describe('reading a command line', () => {
  it.each([
    [['--seeds', 'in', '--strict'], { kind: 'run', values: { seeds: 'in', strict: true } }],
    [[], { kind: 'run', values: { seeds: 'seeds', strict: false } }],
    [['--help'], { kind: 'help' }],
    [['--seeds', 'in', '-h'], { kind: 'help' }],
  ])('reads %j as %j', (args, expected) => {
    expect(readCommandLine(OPTIONS, args)).toEqual(expected);
  });

  it.each([
    [['--sedes', 'in'], "Unknown option '--sedes'"],
    [['--seeds'], "Option '--seeds <value>' argument missing"],
    [['stray'], "Unexpected argument 'stray'"],
  ])('names what is wrong with %j', (args, message) => {
    const line = readCommandLine(OPTIONS, args);
    expect(line.kind).toBe('error');
    expect(line.kind === 'error' && line.message).toContain(message);
  });
});

describe('checking the values of options', () => {
  it.each([
    ['12', 1, 12],
    ['0', 0, 0],
    ['0', 1, null],
    ['1.5', 1, null],
    ['abc', 1, null],
    ['', 1, null],
    ['-3', 0, null],
  ])('reads %j with a minimum of %d as %j', (text, min, expected) => {
    expect(readWholeNumber(text, min)).toBe(expected);
  });

  it('tells a missing folder from a file that is not a folder', () => {
    const dir = makeTempDir('cli-folder');
    writeFileSync(path.join(dir, 'file.txt'), 'x');
    expect(checkFolder(dir)).toBeNull();
    expect(checkFolder(path.join(dir, 'file.txt'))).toMatch(/^not a folder: .*file\.txt$/);
    expect(checkFolder(path.join(dir, 'gone'))).toMatch(/^no such folder: .*gone$/);
  });
});

/** Runs the ingest command, as a user would, and returns its status and what it printed. */
function runIngestCommand(args: string[]): { status: number | null; output: string } {
  const result = spawnSync(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    [path.join(ROOT, 'scripts/ingest.ts'), ...args],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('the ingest command', () => {
  it('stops with one line naming a seeds folder that is not there, and writes nothing', () => {
    const out = makeTempDir('cli-out');
    const missing = path.join(out, 'no-seeds-here');
    const { status, output } = runIngestCommand(['--seeds', missing, '--out', out, '--no-cache']);
    expect(status).toBe(1);
    expect(output.trim()).toBe(`ingest: --seeds: no such folder: ${missing}`);
    expect(readdirSync(out)).toEqual([]);
  });

  it('rejects an unknown option with its usage instead of a stack trace', () => {
    const { status, output } = runIngestCommand(['--seed', 'seeds']);
    expect(status).toBe(2);
    expect(output).toContain("ingest: Unknown option '--seed'");
    expect(output).toContain('Usage: tsx scripts/ingest.ts');
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('prints how long each of its steps took when asked with --timings', () => {
    const seeds = makeTempDir('cli-seeds');
    writeFileSync(
      path.join(seeds, 'note.txt'),
      'A short note\n\nThe council met on Monday and agreed the budget for the coming year.\n',
    );
    const { status, output } = runIngestCommand([
      '--seeds',
      seeds,
      '--out',
      makeTempDir('cli-out'),
      '--no-cache',
      '--timings',
    ]);
    expect(status).toBe(0);
    expect(output).toMatch(
      /^ingest steps: read \d+ ms, compare \d+ ms, validate \d+ ms, write \d+ ms$/m,
    );
  });

  it('rejects a knowledge folder named on the command line that is not there', () => {
    const seeds = makeTempDir('cli-seeds');
    mkdirSync(path.join(seeds, 'empty'));
    const { status, output } = runIngestCommand([
      '--seeds',
      seeds,
      '--out',
      makeTempDir('cli-out'),
      '--knowledge',
      path.join(seeds, 'missing'),
      '--no-cache',
    ]);
    expect(status).toBe(1);
    expect(output.trim()).toBe(
      `ingest: --knowledge: no such folder: ${path.join(seeds, 'missing')}`,
    );
  });
});
