/**
 * The one cancellation channel of a run. The entry point (src/cli.ts) owns the only process
 * signal handlers and raises it; everything else watches it through `Io.cancel`:
 * - outside a write, a signal ends the process at once (nothing was written; registered
 *   clean-ups such as temporary folders run first);
 * - during a write (`whileWriting`), it only raises the flag and aborts `signal`, so the writer
 *   (or verify, stopping its docker call) removes what it started before exiting with the
 *   signal's code; a second signal ends the process at once.
 */

/** The signals handled like Ctrl-C, with their documented exit codes (128 + signal number). */
export const CANCEL_SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
export type CancelSignal = keyof typeof CANCEL_SIGNALS;

export interface Cancellation {
  /** Aborted on the first cancelling signal, with the signal's name as its reason. */
  readonly signal: AbortSignal;
  /** True once a cancelling signal was received. */
  isRequested(): boolean;
  /** The first signal received, or null. */
  received(): CancelSignal | null;
  /** Records a cancelling signal (Ctrl-C when none is named). */
  request(received?: CancelSignal): void;
  /** Runs `work` as a write: a signal meanwhile raises the flag instead of ending the process. */
  whileWriting<T>(work: () => Promise<T>): Promise<T>;
  /** True while a write runs. */
  isWriting(): boolean;
  /** Registers a synchronous clean-up for a signal that ends the process; returns its remover. */
  onCleanup(cleanup: () => void): () => void;
  /** Runs every registered clean-up once; a failing one does not stop the others. */
  runCleanups(): void;
}

/** A fresh channel: one per process (the entry point), one per in-process test run. */
export function createCancellation(): Cancellation {
  const controller = new AbortController();
  let first: CancelSignal | null = null;
  let writes = 0;
  const cleanups = new Set<() => void>();
  return {
    signal: controller.signal,
    isRequested: () => first !== null,
    received: () => first,
    request(received = 'SIGINT') {
      if (first !== null) return;
      first = received;
      controller.abort(received);
    },
    async whileWriting(work) {
      writes += 1;
      try {
        return await work();
      } finally {
        writes -= 1;
      }
    },
    isWriting: () => writes > 0,
    onCleanup(cleanup) {
      cleanups.add(cleanup);
      return () => cleanups.delete(cleanup);
    },
    runCleanups() {
      for (const cleanup of [...cleanups]) {
        cleanups.delete(cleanup);
        try {
          cleanup();
        } catch {
          // Best effort: the process is ending on a signal.
        }
      }
    },
  };
}

/** The exit code for a received signal (128 + its number), or null when none was. */
export function signalExitCode(cancel: Pick<Cancellation, 'received'>): number | null {
  const received = cancel.received();
  return received === null ? null : CANCEL_SIGNALS[received];
}
