/** Processor time a process tree spent, in seconds: in its own code, and in the kernel's. */
export interface CpuSeconds {
  user: number;
  sys: number;
}

/**
 * A shell line that runs its arguments as a command, then prints the processor time of its
 * children (the command and everything it waited for) with `times`, and exits with the
 * command's status. POSIX shells all have `times`; Node has no way to read a child's.
 */
const TIMED_COMMAND = 'command="$1"; shift; "$command" "$@"; status=$?; times >&2; exit $status';

/** The arguments for `sh` that run a command and report its processor time on stderr. */
export function timeShellArgs(command: string, args: string[]): string[] {
  return ['-c', TIMED_COMMAND, 'sh', command, ...args];
}

/** Reads the children's times from the end of a shell's `times` output (`0m1.5s 0m0.25s`). */
export function readShellTimes(stderr: string): CpuSeconds | null {
  const last = stderr.trimEnd().split('\n').at(-1)?.trim() ?? '';
  const match = /^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/.exec(last);
  if (!match) return null;
  const seconds = (m: string, s: string) => Math.round((Number(m) * 60 + Number(s)) * 10) / 10;
  return { user: seconds(match[1]!, match[2]!), sys: seconds(match[3]!, match[4]!) };
}
