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
