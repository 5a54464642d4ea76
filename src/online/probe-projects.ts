/**
 * Asks pip, project by project, what it finds for the target (musllinux wheel, pure wheel, or
 * nothing), never letting one project sink the others: every run is `--no-deps`, so no resolution
 * can become impossible. Projects go in batches (one pip start-up costs ~1 s of CPU, too much for
 * each of 200 projects on 2 cores), several batches at once; a project without a usable wheel
 * stops its batch, is taken out and probed alone with `-vv` (compile, cannot install, not on the
 * index, or the index is unreachable), and the rest of its batch runs again.
 */
import { ToolError } from '../errors.ts';
import type { PipCommand } from './find-pip.ts';
import { fittingSdistUrl, skippedSdists } from './pip-links.ts';
import { parsePipFailure, parseProbe } from './pip-output.ts';
import type { ResolvedDist } from './pip-report.ts';
import { runPipResolve, type PipTarget } from './run-pip.ts';
import type { Cancellation } from '../io/cancel.ts';

/** The options every probe's pip run takes (--no-deps, the Requires-Python override, the cancellation channel). */
type RunOptions = NonNullable<Parameters<typeof runPipResolve>[4]>;

/** What pip said about one project. */
export type ProbeOutcome =
  | { kind: 'dist'; dist: ResolvedDist }
  | {
      kind: 'blocked';
      /** compile: an sdist fits; unavailable: no sdist either; not-found: the index does not know it. */
      reason: 'compile' | 'unavailable' | 'not-found';
      /** Releases with a usable wheel (pip's "from versions: ..."). */
      versions: string[];
      /** Where pip would download the sdist it builds from (compile only). */
      sdistUrl?: string;
    };

export interface ProbeLine {
  /** The requirement pip reads (name, extras, specifiers; no marker). */
  text: string;
  name: string;
}

export interface ProbeOptions {
  /** pip runs at once (default 8: a run waits on the index far more than it computes). */
  concurrency?: number;
  /** Projects per pip run (default 10: a project without a wheel makes the rest of its batch run again). */
  batchSize?: number;
  /** Passed when pip runs on another Python than the target (see run-pip.ts). */
  ignoreRequiresPython?: boolean;
  /** Called after each pip run with the projects answered so far. */
  onProbed?: (answered: number) => void;
  /** The run's cancellation channel: a signal removes pip's temporary folders. */
  cancel?: Pick<Cancellation, 'onCleanup'>;
}

/**
 * Probes `initial` and every line `follow` returns for an answered one, as soon as a pip run is
 * free (no waiting for a whole level of the dependency tree): at most `concurrency` runs at once,
 * each of up to `batchSize` lines. `follow` sees every line exactly once.
 */
export function probeStream(
  pip: PipCommand,
  initial: readonly ProbeLine[],
  target: PipTarget,
  env: Record<string, string | undefined>,
  options: ProbeOptions,
  follow: (line: ProbeLine, outcome: ProbeOutcome) => readonly ProbeLine[],
): Promise<void> {
  const size = options.batchSize ?? 10;
  const limit = Math.max(1, options.concurrency ?? 8);
  const runOptions = { noDeps: true, ...(options.ignoreRequiresPython ? { ignoreRequiresPython: true } : {}), ...(options.cancel ? { cancel: options.cancel } : {}) };
  const queue = [...initial];
  let active = 0;
  let answered = 0;
  let failed = false;
  return new Promise<void>((resolve, reject) => {
    const pump = (): void => {
      while (!failed && active < limit && queue.length > 0) {
        const batch = queue.splice(0, size);
        active += 1;
        probeBatch(pip, batch, target, env, runOptions).then(
          (results) => {
            active -= 1;
            if (failed) return;
            for (const [line, outcome] of results) queue.push(...follow(line, outcome));
            answered += results.length;
            options.onProbed?.(answered);
            pump();
          },
          (error: unknown) => {
            active -= 1;
            if (!failed) reject(error);
            failed = true;
          },
        );
      }
      if (!failed && active === 0 && queue.length === 0) resolve();
    };
    pump();
  });
}

/** One batch: pip --no-deps over all of it; a project without a wheel is taken out, asked about alone, and the rest runs again. */
async function probeBatch(
  pip: PipCommand,
  batch: readonly ProbeLine[],
  target: PipTarget,
  env: Record<string, string | undefined>,
  runOptions: RunOptions,
): Promise<[ProbeLine, ProbeOutcome][]> {
  const results: [ProbeLine, ProbeOutcome][] = [];
  let rest = [...batch];
  while (rest.length > 0) {
    const run = await runPipResolve(
      pip,
      rest.map((line) => line.text),
      target,
      env,
      runOptions,
    );
    if (run.ok && run.report) {
      const byName = new Map(run.report.dists.map((dist) => [dist.name, dist]));
      // A line pip answered under another spelling (a redirect, an old name) counts as not found.
      for (const line of rest) {
        const dist = byName.get(line.name);
        results.push([line, dist ? { kind: 'dist', dist } : { kind: 'blocked', reason: 'not-found', versions: [] }]);
      }
      return results;
    }
    refuseOtherPython(run.output, pip, target);
    const failure = parsePipFailure(run.output);
    const culprit = failure.kind === 'missing' ? rest.find((line) => line.name === failure.name) : undefined;
    // Not a missing project (or not one of ours): ask each alone, so the cause is found and named.
    const alone = culprit ? [culprit] : rest;
    for (const line of alone) results.push([line, await probeAlone(pip, line, target, env, runOptions)]);
    rest = rest.filter((line) => !alone.includes(line));
  }
  return results;
}

/** One project with `-vv`: its wheel, or why there is none, read from pip's finder log. */
async function probeAlone(pip: PipCommand, line: ProbeLine, target: PipTarget, env: Record<string, string | undefined>, runOptions: RunOptions): Promise<ProbeOutcome> {
  const run = await runPipResolve(pip, [line.text], target, env, { ...runOptions, verbose: true });
  const dist = run.ok ? run.report?.dists[0] : undefined;
  if (dist) return { kind: 'dist', dist };
  refuseOtherPython(run.output, pip, target);
  const probe = parseProbe(run.output);
  if (probe.kind === 'network') throw new ToolError(`cannot reach the package index (${probe.cause}); check the network or your pip index settings`, 2);
  if (probe.kind === 'not-found') return { kind: 'blocked', reason: 'not-found', versions: [] };
  const failure = parsePipFailure(run.output);
  if (failure.kind !== 'missing') throw new ToolError(`pip failed on ${line.text}: ${failure.message}`, 2);
  const url = fittingSdistUrl(skippedSdists(run.output, line.name), specifiersOf(line));
  return url === null ? { kind: 'blocked', reason: 'unavailable', versions: failure.versions } : { kind: 'blocked', reason: 'compile', versions: failure.versions, sdistUrl: url };
}

/**
 * pip checks Requires-Python against the interpreter it runs on, even with --python-version
 * ("requires a different Python: 3.11.7 not in '>=3.12'"): name the pip to pass instead.
 */
function refuseOtherPython(output: string, pip: PipCommand, target: PipTarget): void {
  const refused = /Package '([^']+)' requires a different Python: (\S+) not in '([^']+)'/.exec(output);
  if (!refused) return;
  throw new ToolError(
    `pip ${pip.version} runs on Python ${refused[2]} and refuses ${refused[1]} (Requires-Python ${refused[3]}) for CPython ${target.python}: pass --pip with a pip of Python ${target.python} (e.g. --pip pip${target.python})`,
    2,
  );
}

/** The specifiers of a requirement line: what follows its name and extras, parentheses removed. */
export function specifiersOf(line: ProbeLine): string {
  return line.text.replace(/^\s*[A-Za-z0-9][A-Za-z0-9._-]*\s*(\[[^\]]*\])?/, '').replace(/[()\s]/g, '');
}
