/**
 * Drives the built CLI (or any command) through a real pseudo-terminal with
 * test/support/pty-drive.py: wait for each expected text, then type keys or send a signal.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI_BIN, REPO_ROOT } from './cli.ts';

export const PTY_DRIVER = join(REPO_ROOT, 'test/support/pty-drive.py');
export const ENTER = '\r';
export const DOWN = '\x1b[B';

/** Keys to type, or `{ signal: 'TERM' }` to send a signal to the process. */
export type PtyAction = string | { signal: 'TERM' | 'HUP' | 'INT' };

export interface PtyResult {
  exitCode: number;
  output: string;
  pendingSteps: unknown[];
}

/** Runs `argv` in a pseudo-terminal in `cwd`; `argv[0]` defaults to the built CLI under node. */
export function drivePty(
  cwd: string,
  args: string[],
  steps: [string, PtyAction][],
  options: { command?: string[]; env?: Record<string, string>; timeout?: number; script?: string } = {},
): PtyResult {
  const script = options.script ?? join(cwd, '.pty-script.json');
  const argv = [...(options.command ?? [process.execPath, CLI_BIN]), ...args];
  const timeout = options.timeout ?? 30;
  writeFileSync(script, JSON.stringify({ argv, cwd, steps, timeout, env: options.env ?? {} }));
  const out = execFileSync('python3', [PTY_DRIVER, script], { encoding: 'utf8', timeout: (timeout + 10) * 1000 });
  return JSON.parse(out) as PtyResult;
}
