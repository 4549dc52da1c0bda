import { existsSync, statSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** A command line a script was given, or why it cannot run. */
export type CommandLine<T extends Options> =
  | { kind: 'run'; values: ReturnType<typeof parseArgs<{ options: T; strict: true }>>['values'] }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

/**
 * Reads a script's options: `--help` asks for its usage; an unknown option, a missing value or a
 * stray argument is an error whose message names it, rather than a stack trace from Node.
 */
export function readCommandLine<T extends Options>(options: T, args: string[]): CommandLine<T> {
  if (args.includes('--help') || args.includes('-h')) return { kind: 'help' };
  try {
    return { kind: 'run', values: parseArgs({ options, args, strict: true }).values };
  } catch (error) {
    return { kind: 'error', message: (error as Error).message.split('\n')[0]! };
  }
}

/**
 * Parses `process.argv` for a script named `command`: prints its usage and exits on `--help`, and
 * exits with status 2 after one line naming the problem and the usage on a malformed line.
 */
export function parseCommandLine<T extends Options>(
  command: string,
  usage: string,
  options: T,
): Extract<CommandLine<T>, { kind: 'run' }>['values'] {
  const line = readCommandLine(options, process.argv.slice(2));
  if (line.kind === 'run') return line.values;
  if (line.kind === 'help') {
    console.log(`Usage: ${usage}`);
    process.exit(0);
  }
  console.error(`${command}: ${line.message}\nUsage: ${usage}`);
  process.exit(2);
}

/** Stops a script with one line that names what is wrong, and status 1. */
export function failCommand(command: string, message: string): never {
  console.error(`${command}: ${message}`);
  process.exit(1);
}

/** Why a path cannot serve as an existing folder, or null when it can. */
export function checkFolder(folder: string): string | null {
  if (!existsSync(folder)) return `no such folder: ${folder}`;
  if (!statSync(folder).isDirectory()) return `not a folder: ${folder}`;
  return null;
}

/** Reads a whole number of at least `min` from an option's text, or null when it is not one. */
export function readWholeNumber(text: string, min: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) && value >= min ? value : null;
}
