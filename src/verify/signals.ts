/**
 * Ctrl-C and SIGTERM during verify: the first one aborts the running docker call (execa's
 * cancelSignal) and lets verify remove what it started before exiting 130 / 143. While verify runs
 * it holds the CLI's "writing" state (src/cli/cancel.ts), so the entry point's SIGINT handler does
 * not exit at once; a second Ctrl-C still does, and a second SIGTERM exits here. An exit hook then
 * names what was left, with the command that removes it.
 */
import { beginWrite, endWrite } from '../cli/cancel.ts';
import { CancelledError, TerminatedError } from '../errors.ts';
import { removalCommand, type Ledger } from './cleanup.ts';

export interface SignalWatch {
  signal: AbortSignal;
  /** The error to exit with, once a signal arrived. */
  cancelledError(): CancelledError;
  /** Lets the exit hook see what is left. */
  track(ledger: Ledger): void;
  dispose(): void;
}

/** Starts watching SIGINT and SIGTERM on the process until dispose(). */
export function watchSignals(stderr: NodeJS.WritableStream): SignalWatch {
  const controller = new AbortController();
  let received: 'SIGINT' | 'SIGTERM' | null = null;
  let ledger: Ledger | null = null;
  const onSignal = (name: 'SIGINT' | 'SIGTERM') => {
    if (received === null) {
      received = name;
      stderr.write(`\ncreate-slim-python: ${name === 'SIGINT' ? 'Ctrl-C' : 'SIGTERM'}: stopping and removing what verify started...\n`);
      controller.abort(name);
    } else if (name === 'SIGTERM') {
      process.exit(143);
    }
  };
  const onInt = () => onSignal('SIGINT');
  const onTerm = () => onSignal('SIGTERM');
  const onExit = () => {
    for (const resource of ledger?.remaining() ?? []) stderr.write(`create-slim-python: left behind ${resource.kind} ${resource.ref}: remove it with ${removalCommand(resource)}\n`);
  };
  process.on('SIGINT', onInt);
  process.on('SIGTERM', onTerm);
  process.on('exit', onExit);
  beginWrite();
  return {
    signal: controller.signal,
    cancelledError: () =>
      received === 'SIGTERM'
        ? new TerminatedError('stopped by SIGTERM: removed what verify started')
        : new CancelledError('cancelled: removed what verify started'),
    track(next) {
      ledger = next;
    },
    dispose() {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      process.off('exit', onExit);
      endWrite();
    },
  };
}
