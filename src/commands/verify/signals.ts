/**
 * Ctrl-C, SIGTERM and SIGHUP during verify: the first one aborts the running docker call (execa's
 * cancelSignal) and lets verify remove what it started before exiting 130 / 143 / 129. While verify
 * runs it holds the CLI's "writing" state (src/io/cancel.ts), so the entry point's handler does not
 * exit at once; a second signal does (the entry point's for Ctrl-C, this one otherwise). An exit
 * hook then names what was left, with the command that removes it.
 */
import { beginWrite, CANCEL_SIGNALS, endWrite } from '../../io/cancel.ts';
import { CancelledError, SignalledError } from '../../errors.ts';
import type { Ledger } from './cleanup.ts';

/** 128 + the signal's number, as shells report it: the one table the entry point uses too. */
const SIGNAL_EXIT = CANCEL_SIGNALS;
type WatchedSignal = keyof typeof SIGNAL_EXIT;

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
  let received: WatchedSignal | null = null;
  let ledger: Ledger | null = null;
  const write = (text: string) => {
    try {
      stderr.write(text);
    } catch {
      // SIGHUP: the terminal may be gone.
    }
  };
  const onSignal = (name: WatchedSignal) => {
    if (received === null) {
      received = name;
      write(`\ncreate-slim-python: ${name === 'SIGINT' ? 'Ctrl-C' : name}: stopping and removing what verify started...\n`);
      controller.abort(name);
    } else if (name !== 'SIGINT') {
      process.exit(SIGNAL_EXIT[name]);
    }
  };
  const listeners = (Object.keys(SIGNAL_EXIT) as WatchedSignal[]).map((name) => [name, () => onSignal(name)] as const);
  const onExit = () => {
    for (const resource of ledger?.remaining() ?? []) write(`create-slim-python: left behind ${resource.kind} ${resource.ref}: remove it with ${ledger!.commandFor(resource)}\n`);
  };
  for (const [name, listener] of listeners) process.on(name, listener);
  process.on('exit', onExit);
  beginWrite();
  return {
    signal: controller.signal,
    cancelledError: () =>
      received === null || received === 'SIGINT'
        ? new CancelledError('cancelled: removed what verify started')
        : new SignalledError(`stopped by ${received}: removed what verify started`, SIGNAL_EXIT[received]),
    track(next) {
      ledger = next;
    },
    dispose() {
      for (const [name, listener] of listeners) process.off(name, listener);
      process.off('exit', onExit);
      endWrite();
    },
  };
}
