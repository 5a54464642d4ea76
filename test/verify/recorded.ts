/**
 * Recorded real `docker` outputs (fixtures/docker/*.json, each with its source) and a runner that
 * replays them, recording every call, so verify's logic runs in-process against real formats.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { DockerCall, DockerResult, DockerRunner } from '../../src/commands/verify/docker-runner.ts';

export const FIXTURES = fileURLToPath(new URL('./fixtures/docker/', import.meta.url));

export interface Recording {
  source: string;
  engine: 'Docker' | 'Podman';
  argv: string[];
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** One recording by file name (without .json). */
export function recording(name: string): Recording {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Recording;
}

/** Every recording's name. */
export function recordingNames(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

/** A recording as the runner's result. */
export function replay(name: string): DockerResult {
  const r = recording(name);
  return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, notFound: false, timedOut: false, cancelled: false };
}

export function ok(stdout = ''): DockerResult {
  return { exitCode: 0, stdout, stderr: '', notFound: false, timedOut: false, cancelled: false };
}

/** A runner answering each call with `answer(args)`, recording every call. */
export function replayRunner(answer: (args: readonly string[], call: DockerCall) => DockerResult | Promise<DockerResult>): DockerRunner & { calls: DockerCall[] } {
  const calls: DockerCall[] = [];
  const runner = (async (call: DockerCall) => {
    calls.push(call);
    return answer(call.args, call);
  }) as DockerRunner & { calls: DockerCall[] };
  runner.calls = calls;
  return runner;
}
