/**
 * Ctrl-C, SIGTERM and SIGHUP during verify, seen through the run's one cancellation channel
 * (src/io/cancel.ts; the entry point owns the signal handlers). Verify runs as the channel's
 * write section, so the first signal does not end the process: it aborts the channel's signal,
 * which stops the running docker call (execa's cancelSignal), and verify removes what it started
 * before exiting 130 / 143 / 129. A second signal ends the process at once; the clean-up hook
 * then names what was left, with the command that removes it.
 */
import { CANCEL_SIGNALS, type Cancellation } from '../../io/cancel.ts';
import { CancelledError, SignalledError } from '../../errors.ts';
import type { Ledger } from './cleanup.ts';

export interface SignalWatch {
  signal: AbortSignal;
  /** The error to exit with, once a signal arrived. */
  cancelledError(): CancelledError;
  /** Lets the exit hook see what is left. */
  track(ledger: Ledger): void;
}

/** Runs `work` (verify) as the channel's write section, with what it needs to stop cleanly. */
export async function withSignalWatch<T>(cancel: Cancellation, stderr: NodeJS.WritableStream, work: (watch: SignalWatch) => Promise<T>): Promise<T> {
  let ledger: Ledger | null = null;
  const write = (text: string) => {
    try {
      stderr.write(text);
    } catch {
      // SIGHUP: the terminal may be gone.
    }
  };
  const onAbort = () => {
    const name = cancel.received();
    write(`\ncreate-slim-python: ${name === 'SIGINT' || name === null ? 'Ctrl-C' : name}: stopping and removing what verify started...\n`);
  };
  const reportLeft = () => {
    for (const resource of ledger?.remaining() ?? []) write(`create-slim-python: left behind ${resource.kind} ${resource.ref}: remove it with ${ledger!.commandFor(resource)}\n`);
  };
  cancel.signal.addEventListener('abort', onAbort, { once: true });
  const unregister = cancel.onCleanup(reportLeft);
  const watch: SignalWatch = {
    signal: cancel.signal,
    cancelledError: () => {
      const received = cancel.received();
      return received === null || received === 'SIGINT'
        ? new CancelledError('cancelled: removed what verify started')
        : new SignalledError(`stopped by ${received}: removed what verify started`, CANCEL_SIGNALS[received]);
    },
    track(next) {
      ledger = next;
    },
  };
  try {
    return await cancel.whileWriting(() => work(watch));
  } finally {
    cancel.signal.removeEventListener('abort', onAbort);
    unregister();
  }
}
