/**
 * Process-wide cancellation state. Ctrl-C (SIGINT), SIGTERM and SIGHUP outside a write end the
 * process at once (nothing was written; registered clean-ups such as temporary folders run
 * first); during a write they only raise the flag, which the writer checks so it can remove its
 * staging folder (or temp file) before the process exits with the signal's code.
 */
let cancelled = false;
let signal: CancelSignal | null = null;
let writes = 0;
const cleanups = new Set<() => void>();

/** The signals handled like Ctrl-C, with their documented exit codes (128 + signal number). */
export const CANCEL_SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
export type CancelSignal = keyof typeof CANCEL_SIGNALS;

/** Marks the start of a write phase. */
export function beginWrite(): void {
  writes += 1;
}

/** Marks the end of a write phase. */
export function endWrite(): void {
  writes = Math.max(0, writes - 1);
}

/** True while something is being written. */
export function isWriting(): boolean {
  return writes > 0;
}

/** Records a cancelling signal (Ctrl-C when none is named). */
export function requestCancel(received: CancelSignal = 'SIGINT'): void {
  cancelled = true;
  signal ??= received;
}

/** True once a cancelling signal was received. */
export function isCancelRequested(): boolean {
  return cancelled;
}

/** The exit code for the signal received, or null when none was. */
export function signalExitCode(): number | null {
  return signal === null ? null : CANCEL_SIGNALS[signal];
}

/**
 * Registers a synchronous clean-up (e.g. removing a temporary folder) to run when a signal ends
 * the process outside a write; returns the function that unregisters it.
 */
export function onCancelCleanup(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Runs every registered clean-up once; a failing one does not stop the others. */
export function runCancelCleanups(): void {
  for (const cleanup of [...cleanups]) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch {
      // Best effort: the process is ending on a signal.
    }
  }
}
