/**
 * Process entry point: wires the real streams, handles Ctrl-C, SIGTERM and SIGHUP alike, and
 * exits with main's code (a signal's code, 128 + its number, when one cancelled the run).
 */
import { CANCEL_SIGNALS, createCancellation, signalExitCode, type CancelSignal } from './io/cancel.ts';
import { main } from './main.ts';
import { EXIT } from './errors.ts';

const cancel = createCancellation();
let interrupts = 0;
for (const signal of Object.keys(CANCEL_SIGNALS) as CancelSignal[]) {
  process.on(signal, () => {
    interrupts += 1;
    cancel.request(signal);
    // While writing, the writer sees the flag, cleans up and exits through the error boundary.
    // Otherwise (or on a second signal) nothing is half-done: clean up temporary files, stop now.
    // process.exit also runs @inquirer's exit hook, which shows the cursor again.
    if (interrupts > 1 || !cancel.isWriting()) {
      cancel.runCleanups();
      try {
        process.stderr.write(`\ncreate-slim-python: cancelled${signal === 'SIGINT' ? '' : ` (${signal})`}: nothing was written\n`);
      } catch {
        // SIGHUP: the terminal may be gone.
      }
      process.exit(CANCEL_SIGNALS[signal]);
    }
  });
}

// process.stdin is a getter that builds the stream (~2 ms): only touch it when a command reads it.
const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  get stdin() {
    return process.stdin;
  },
  stdout: process.stdout,
  stderr: process.stderr,
  cancel,
});
// A write cancelled by SIGTERM or SIGHUP ends as "cancelled" (130) in main: report the signal's
// code. A signal that arrived after the last file was complete still ends with that code.
const signalled = signalExitCode(cancel);
if (signalled !== null && code === EXIT.ok) process.stderr.write('create-slim-python: stopped by a signal after the write in progress completed\n');
process.exitCode = signalled !== null && (code === EXIT.cancelled || code === EXIT.ok) ? signalled : code;
