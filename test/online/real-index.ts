/**
 * Helpers for tests that ask the real package index: whether it can be reached (tests skip with
 * the reason when not, except under CI, where they must run), an environment that uses only
 * PyPI, and a fake Io that captures output.
 */
import { createCancellation } from '../../src/io/cancel.ts';
import { PassThrough } from 'node:stream';
import type { Io } from '../../src/io/io.ts';
import { isCi } from '../support/cli.ts';
import { realIndexEnv } from '../support/python-venv.ts';

/** Set when running under CI: a missing network is then a failure, not a skip. */
export const IN_CI = isCi();

/**
 * The whole environment for the CLI under test, asking the real index only (realIndexEnv's
 * overrides applied to this process's environment, unset variables removed).
 */
export function pypiOnlyEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, ...realIndexEnv(), ...extra };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  return env;
}

/** Why the real index cannot be used here, or null when it can. */
export async function realIndexProblem(url = 'https://pypi.org/simple/pip/'): Promise<string | null> {
  try {
    const response = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(15_000) });
    return response.ok ? null : `${url} answered HTTP ${response.status}`;
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message;
    return `${url} cannot be reached (${cause})`;
  }
}

/** Decides whether to skip: returns true (and says why) when the tests cannot run; throws under CI. */
export function skipWithoutIndex(problem: string | null, what: string): boolean {
  if (problem === null) return false;
  if (IN_CI) throw new Error(`${what}: CI is set, so the real index must be reachable, but ${problem}`);
  console.warn(`skipping ${what}: ${problem}`);
  return true;
}

export interface FakeIo extends Io {
  out: () => string;
  err: () => string;
}

/** An Io whose stdout and stderr are captured; not a terminal. */
export function fakeIo(env: Record<string, string | undefined>, cwd = process.cwd()): FakeIo {
  const capture = (): { stream: PassThrough; text: () => string } => {
    const stream = new PassThrough();
    const chunks: string[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
    return { stream, text: () => chunks.join('') };
  };
  const stdout = capture();
  const stderr = capture();
  return {
    cwd,
    env,
    stdin: new PassThrough(),
    stdout: stdout.stream,
    stderr: stderr.stream,
    cancel: createCancellation(),
    out: stdout.text,
    err: stderr.text,
  };
}
