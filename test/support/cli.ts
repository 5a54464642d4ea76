/**
 * Runs the BUILT CLI (`node bin/create-slim-python.js`, i.e. dist/ from `npm run build`) as a
 * subprocess, the way a user's shell would: stdin is 'ignore' unless `input` is given, in which
 * case exactly that text is piped. Never rejects on a non-zero exit: the caller asserts the code.
 */
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { isCi as isCiEnv } from '../../src/io/io.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI_BIN = fileURLToPath(new URL('../../bin/create-slim-python.js', import.meta.url));

// A hung CLI (e.g. waiting on a prompt) fails the test instead of stalling the whole run.
const CLI_TIMEOUT_MS = 60_000;

export interface CliOptions {
  cwd?: string;
  input?: string;
  env?: Record<string, string>;
  /** Kill the CLI after this long (default 60 s); commands that install wheels need more. */
  timeoutMs?: number;
}

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI with `args`; resolves with its exit code and full stdout/stderr. */
export async function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const result = await execa('node', [CLI_BIN, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: options.env,
    ...(options.input === undefined ? { stdin: 'ignore' as const } : { input: options.input }),
    reject: false,
    stripFinalNewline: false,
    timeout: options.timeoutMs ?? CLI_TIMEOUT_MS,
  });
  // A signal-killed child (timeout) has no exit code; -1 keeps the type a number and fails any assertion on 0.
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** True when running under CI (the CLI's own rule): missing tools then fail, never skip. */
export function isCi(): boolean {
  return isCiEnv(process.env);
}
