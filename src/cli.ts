/**
 * Process entry point: wires the real streams, handles Ctrl-C, and exits with main's code.
 */
import { isCancelRequested, isWriting, requestCancel } from './cli/cancel.ts';
import { main } from './cli/main.ts';
import { EXIT } from './errors.ts';

let interrupts = 0;
process.on('SIGINT', () => {
  interrupts += 1;
  requestCancel();
  // While writing, the writer sees the flag, cleans up and exits 130 through the error boundary.
  // Otherwise (or on a second Ctrl-C) nothing is half-done: stop now.
  if (interrupts > 1 || !isWriting()) {
    process.stderr.write('\ncreate-slim-python: cancelled: nothing was written\n');
    process.exit(EXIT.cancelled);
  }
});

// process.stdin is a getter that builds the stream (~2 ms): only touch it when a command reads it.
process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  get stdin() {
    return process.stdin;
  },
  stdout: process.stdout,
  stderr: process.stderr,
  isCancelled: isCancelRequested,
});
