/**
 * The few error classes the tool raises. One boundary (src/cli.ts) maps them to exit codes,
 * so every module throws what it means and never calls process.exit itself.
 */

/** Exit codes: the documented contract (README, --help). */
export const EXIT = {
  ok: 0,
  outOfDate: 1,
  usage: 2,
  conflict: 3,
  internal: 70,
  /** sysexits.h EX_CANTCREAT: the environment refused a write (permissions, read-only, disk full). */
  cannotWrite: 73,
  cancelled: 130,
} as const;

/** Invalid input or usage: a flag value, a requirement line, a config file. Exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly exitCode: number = EXIT.usage;
}

/** Input error located in a file: rendered as `FILE:LINE: message`. Exit 2. */
export class InputFileError extends UsageError {
  override name = 'InputFileError';
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly detail: string,
  ) {
    super(line === null ? `${file}: ${detail}` : `${file}:${line}: ${detail}`);
  }
}

/** Refusing to overwrite, or an unresolved merge conflict. Exit 3. */
export class ConflictError extends Error {
  override name = 'ConflictError';
  readonly exitCode: number = EXIT.conflict;
}

/** Ctrl-C at a prompt or during writing. Exit 130. */
export class CancelledError extends Error {
  override name = 'CancelledError';
  readonly exitCode: number = EXIT.cancelled;
  constructor(message = 'cancelled: nothing was written') {
    super(message);
  }
}

/** `update --check` found something out of date. Exit 1. */
export class OutOfDateError extends Error {
  override name = 'OutOfDateError';
  readonly exitCode: number = EXIT.outOfDate;
}

/** A failure outside the user's control (network, pip crashed, disk full). Exit 70 unless given. */
export class ToolError extends Error {
  override name = 'ToolError';
  constructor(
    message: string,
    readonly exitCode: number = EXIT.internal,
  ) {
    super(message);
  }
}

/** The environment refused a write: permission denied, read-only file system, disk full. Exit 73. */
export class EnvironmentError extends Error {
  override name = 'EnvironmentError';
  readonly exitCode: number = EXIT.cannotWrite;
}

interface FsCause {
  cause: string;
  fix: string;
  /** Errors of the environment (73) or of the path the user gave (2). */
  kind: 'environment' | 'usage';
}

// errno codes of file-system calls that are not our bugs: https://man7.org/linux/man-pages/man3/errno.3.html
const FS_CAUSES = new Map<string, FsCause>([
  ['EACCES', { cause: 'permission denied', fix: 'choose a directory you can write to, or fix its permissions', kind: 'environment' }],
  ['EPERM', { cause: 'operation not permitted', fix: 'choose a directory you can write to, or fix its permissions', kind: 'environment' }],
  ['EROFS', { cause: 'read-only file system', fix: 'choose a directory on a writable file system', kind: 'environment' }],
  ['ENOSPC', { cause: 'no space left on the device', fix: 'free some space, then run again', kind: 'environment' }],
  ['EDQUOT', { cause: 'disk quota exceeded', fix: 'free some space, then run again', kind: 'environment' }],
  ['EIO', { cause: 'input/output error', fix: 'check the disk, then run again', kind: 'environment' }],
  ['EMFILE', { cause: 'too many open files', fix: 'raise the open-file limit (ulimit -n), then run again', kind: 'environment' }],
  ['ENFILE', { cause: 'too many open files in the system', fix: 'close other programs, then run again', kind: 'environment' }],
  ['ENOTDIR', { cause: 'a part of the path is a file, not a directory', fix: 'choose another path', kind: 'usage' }],
  ['ENAMETOOLONG', { cause: 'the path is too long', fix: 'choose a shorter path', kind: 'usage' }],
  ['ELOOP', { cause: 'too many symbolic links in the path', fix: 'choose another path', kind: 'usage' }],
]);

/**
 * The user-facing error for a failed file-system call, naming the path and the cause, or null
 * when `error` is none of the known environment failures. `path` overrides the call's own path
 * (e.g. the target directory instead of a staging folder inside it).
 */
export function describeFsError(error: unknown, action: 'write' | 'read', path?: string): Error | null {
  const errno = error as NodeJS.ErrnoException | null;
  const code = typeof errno?.code === 'string' ? errno.code : undefined;
  const known = code === undefined ? undefined : FS_CAUSES.get(code);
  if (!known) return null;
  const full = path ?? errno?.path;
  // A path of thousands of characters (ENAMETOOLONG) is shown by its two ends.
  const where = full && full.length > 200 ? `${full.slice(0, 80)}...${full.slice(-80)}` : full;
  const message = `cannot ${action}${where ? ` ${where}` : ''}: ${known.cause} (${code}); ${known.fix}`;
  return known.kind === 'environment' ? new EnvironmentError(message) : new UsageError(message);
}

/** What the error boundary reports: known file-system failures become EnvironmentError / UsageError. */
export function toUserError(error: unknown): unknown {
  if (error && typeof error === 'object' && 'exitCode' in error) return error;
  const syscall = (error as NodeJS.ErrnoException | null)?.syscall ?? '';
  const action = /^(open|read|stat|lstat|scandir|readlink)$/.test(syscall) ? 'read' : 'write';
  return describeFsError(error, action) ?? error;
}

/** Exit code for any thrown value; unknown errors are internal failures. */
export function exitCodeOf(error: unknown): number {
  if (error && typeof error === 'object' && 'exitCode' in error) {
    const code = (error as { exitCode: unknown }).exitCode;
    if (typeof code === 'number') return code;
  }
  return EXIT.internal;
}

/** `verify` proved something wrong with the image (or could not prove a check). Exit 1. */
export class CheckFailedError extends Error {
  override name = 'CheckFailedError';
  readonly exitCode: number = EXIT.outOfDate;
}

/** Stopped by a signal other than Ctrl-C after cleaning up: exit 128 + the signal's number (SIGTERM 143, SIGHUP 129). */
export class SignalledError extends CancelledError {
  override name = 'SignalledError';
  constructor(
    message: string,
    override readonly exitCode: number,
  ) {
    super(message);
  }
}

/** The exit codes, as every command's --help lists them (README "Exit codes" is the same table). */
export const EXIT_CODES_HELP = `
Exit codes:
  0    success
  1    update --check: something is out of date
  2    invalid input or usage (the message names the flag, file or line)
  3    refusing to overwrite, or an unresolved merge conflict
  73   cannot write: permission denied, read-only file system, disk full (path and cause named)
  130  cancelled (Ctrl-C); nothing was written
  143  stopped by SIGTERM (129: SIGHUP), with the same clean-up as Ctrl-C
  70   any other failure (set DEBUG=1 for a stack trace)
`;
