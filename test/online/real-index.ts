/**
 * Helpers for tests that ask the real package index: whether it can be reached (tests skip with
 * the reason when not, except under CI, where they must run), an environment that uses only
 * PyPI, and a fake Io that captures output.
 */
import { PassThrough } from 'node:stream';
import type { Io } from '../../src/cli/io.ts';

/** Set when running under CI: a missing network is then a failure, not a skip. */
export const IN_CI = Boolean(process.env.CI && process.env.CI !== '0' && process.env.CI.toLowerCase() !== 'false');

/**
 * The machine's pip config adds local indexes, find-links and constraints; tests ask the real
 * index only. PIP_FIND_LINKS is set as an environment variable on this machine, so it goes too.
 */
export function pypiOnlyEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, PIP_CONFIG_FILE: '/dev/null' };
  delete env.PIP_FIND_LINKS;
  delete env.PIP_INDEX_URL;
  delete env.PIP_EXTRA_INDEX_URL;
  delete env.PIP_CONSTRAINT;
  Object.assign(env, extra);
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
    isCancelled: () => false,
    out: stdout.text,
    err: stderr.text,
  };
}
