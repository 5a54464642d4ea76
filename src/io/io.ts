/** Everything a command touches outside itself, injected so tests can drive it in-process. */
import type { Cancellation } from './cancel.ts';
import type { Prompter } from './prompter.ts';

export interface Io {
  cwd: string;
  env: Record<string, string | undefined>;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream;
  /** Tests inject a prompter; otherwise @inquirer is loaded when interactive. */
  prompter?: Prompter;
  /** The run's one cancellation channel (raised by the CLI entry point's signal handlers). */
  cancel: Cancellation;
}

/**
 * Interactive only when asked (`--interactive`), or when nothing says otherwise and both stdin
 * and stdout are terminals outside CI. Decided once, before any prompt is built.
 */
export function decideInteractive(flag: boolean | undefined, io: Io): boolean {
  if (flag !== undefined) return flag;
  if (isCi(io.env)) return false;
  return Boolean(io.stdin.isTTY && io.stdout.isTTY);
}

/** True when `CI` is set to anything but "", "0" or "false". */
export function isCi(env: Record<string, string | undefined>): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}
