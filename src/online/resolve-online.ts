/**
 * Resolves requirements, transitive ones included, against the real index for Alpine, in a way
 * one wheel-less project cannot sink: every project is asked about alone (`pip install --dry-run
 * --no-deps` for the target platform, see probe-projects.ts), and the dependencies are followed
 * here, from each wheel's Requires-Dist with its markers evaluated for the image (CPython X.Y.Z on
 * musl, not the machine running pip: https://github.com/pypa/pip/issues/11010), as answers arrive,
 * until no new project appears. The first requirement naming a project gives its version
 * (the user's pins come first). A project that must compile has no metadata without a build;
 * the knowledge base says what it requires (`requiresOf`). A complete input (a lock, a
 * pip-compile file) is asked about as it is, without following dependencies.
 */
import { satisfies, validRange } from '@renovatebot/pep440';
import { evaluateMarker, targetEnvironment } from '../requirements/markers.ts';
import type { Target } from '../requirements/types.ts';
import { imageFullVersion } from '../target/runtimes.ts';
import type { PipCommand } from './find-pip.ts';
import { probeStream, type ProbeOutcome } from './probe-projects.ts';
import { fileNameOfUrl, requirementName } from './pip-report.ts';
import type { BlockedDist, OnlineDist, OnlineResolution } from '../knowledge/index-answer.ts';
import { normalizeName } from '../requirements/normalize.ts';
import type { Cancellation } from '../io/cancel.ts';
import { inferBuildNeeds } from '../knowledge/build-system.ts';
import { readSdistPyproject } from './sdist-pyproject.ts';
import type { PipTarget } from './run-pip.ts';

/** One requirement line handed to pip. */
export interface PipLine {
  text: string;
  name: string;
  extras: string[];
  /** The project that required it; null for the user's own requirement. */
  via: string | null;
}

export type { BlockedDist, OnlineDist, OnlineResolution } from '../knowledge/index-answer.ts';

/** Deeper than any real dependency tree; more means something loops. */
export const MAX_ROUNDS = 30;

export interface ResolveOptions {
  onRound?: (round: number) => void;
  requiresOf?: (name: string) => readonly string[];
  /** The lines are the whole set already (a lock, a pip-compile file): no dependency is followed. */
  complete?: boolean;
  /** Projects answered so far and the projects known so far, after each pip run. */
  onProgress?: (answered: number, known: number) => void;
  /** pip runs at once (default: probe-projects.ts's). */
  concurrency?: number;
  /** Projects whose build needs should be read from their sdist's pyproject.toml (those the knowledge base does not know). */
  inferBuild?: (name: string) => boolean;
  /** The run's cancellation channel: a signal removes pip's temporary folders. */
  cancel?: Pick<Cancellation, 'onCleanup'>;
}

/** Resolves and probes; throws ToolError (exit 2) when the index cannot be reached or pip refuses the target. */
export async function resolveOnline(
  pip: PipCommand,
  initial: readonly PipLine[],
  target: PipTarget,
  env: Record<string, string | undefined>,
  options: ResolveOptions = {},
): Promise<OnlineResolution> {
  const full = imageFullVersion(target.python);
  const markerTarget: Target = { python: target.python, arch: target.arch, ...(full ? { full } : {}) };
  const lines = new Map<string, PipLine>();
  const outcomes = new Map<string, ProbeOutcome>();
  // The lines a requirement adds: itself when new; the dependencies of its new extras when known.
  const add = (line: PipLine): PipLine[] => {
    const known = lines.get(line.name);
    if (!known) {
      const fresh = { ...line, extras: [...line.extras] };
      lines.set(line.name, fresh);
      return [fresh];
    }
    const extras = line.extras.filter((extra) => !known.extras.includes(extra));
    if (extras.length === 0) return [];
    known.extras.push(...extras);
    const outcome = outcomes.get(line.name);
    return outcome && !options.complete ? dependenciesOf(known, outcome, markerTarget, options.requiresOf).flatMap(add) : [];
  };
  const initialLines = initial.flatMap(add);
  const ignoreRequiresPython = pip.python !== undefined && pip.python !== null && pip.python !== target.python;
  options.onRound?.(1);
  await probeStream(
    pip,
    initialLines,
    target,
    env,
    {
      ...(ignoreRequiresPython ? { ignoreRequiresPython } : {}),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
      ...(options.cancel ? { cancel: options.cancel } : {}),
      onProbed: (answered) => options.onProgress?.(answered, lines.size),
    },
    (probed, outcome) => {
      const line = lines.get(probed.name)!;
      outcomes.set(line.name, outcome);
      // A dependency tree deeper than MAX_ROUNDS levels means something loops.
      if (options.complete || depth(line, lines) >= MAX_ROUNDS) return [];
      return dependenciesOf(line, outcome, markerTarget, options.requiresOf).flatMap(add);
    },
  );
  const dists: OnlineDist[] = [];
  const blocked: (BlockedDist & { sdistUrl?: string })[] = [];
  const warnings: string[] = [];
  for (const [name, line] of lines) {
    const outcome = outcomes.get(name);
    if (!outcome) continue; // past MAX_ROUNDS
    if (outcome.kind === 'blocked') {
      blocked.push({
        name,
        requirement: line.text,
        via: line.via,
        versions: outcome.versions,
        reason: outcome.reason,
        ...(outcome.sdistUrl ? { sdistUrl: outcome.sdistUrl } : {}),
      });
      continue;
    }
    const { dist } = outcome;
    dists.push({ name, version: dist.version, file: dist.file, status: dist.status, via: line.via });
    const range = dist.requiresPython ?? null;
    if (ignoreRequiresPython && range && validRange(range) && !satisfies(markerTarget.full ?? `${target.python}.0`, range)) {
      warnings.push(
        `${name} ${dist.version} requires Python ${range}, not CPython ${target.python} (pip ${pip.version} runs on Python ${pip.python}, so pip could not check it: pass --pip with a pip of Python ${target.python})`,
      );
    }
  }
  if (options.inferBuild) await inferBlocked(blocked, options.inferBuild);
  return { dists, blocked: blocked.map(({ sdistUrl: _url, ...item }) => item), environment: targetEnvironment(markerTarget), warnings };
}

/** Reads the sdists of projects that must compile and that the caller wants inferred, four at a time. */
async function inferBlocked(blocked: (BlockedDist & { sdistUrl?: string })[], wanted: (name: string) => boolean): Promise<void> {
  const todo = blocked.filter((item) => item.reason === 'compile' && item.sdistUrl !== undefined && wanted(item.name));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const item = todo[next]!;
      next += 1;
      const text = await readSdistPyproject(item.sdistUrl!);
      const inference = text === null ? null : inferBuildNeeds(text);
      if (inference) item.inferred = { ...inference, sdist: fileNameOfUrl(item.sdistUrl!) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, todo.length) }, worker));
}

/** How many `via` links lead from a line to a requirement of the user's. */
function depth(line: PipLine, lines: ReadonlyMap<string, PipLine>): number {
  let count = 0;
  for (let via = line.via; via !== null && count <= MAX_ROUNDS; via = lines.get(via)?.via ?? null) count += 1;
  return count;
}

/** The lines a probed project adds: its Requires-Dist that apply on the target, or the knowledge base's `requires` when it must compile. */
function dependenciesOf(line: PipLine, outcome: ProbeOutcome, target: Target, requiresOf: ResolveOptions['requiresOf']): PipLine[] {
  if (outcome.kind === 'blocked') {
    return outcome.reason === 'compile' ? (requiresOf?.(line.name) ?? []).map((name) => ({ text: name, name, extras: [], via: line.name })) : [];
  }
  const added: PipLine[] = [];
  for (const entry of outcome.dist.requiresDist) {
    const [requirement, marker] = splitMarker(entry);
    const name = requirementName(requirement);
    if (name === null || name === line.name || requirement.includes('@')) continue;
    if (marker !== null && !markerHolds(marker, target, line.extras)) continue;
    added.push({ text: requirement, name, extras: extrasOf(requirement), via: line.name });
  }
  return added;
}

/** A metadata marker this parser cannot read is kept (the project is asked about) rather than dropped. */
function markerHolds(marker: string, target: Target, extras: string[]): boolean {
  try {
    return evaluateMarker(marker, target, extras);
  } catch {
    return true;
  }
}

function splitMarker(entry: string): [string, string | null] {
  const at = entry.indexOf(';');
  return at < 0 ? [entry.trim(), null] : [entry.slice(0, at).trim(), entry.slice(at + 1).trim()];
}

function extrasOf(text: string): string[] {
  const match = /^[^[;]*\[([^\]]*)\]/.exec(text);
  return match
    ? match[1]!
        .split(',')
        .map((extra) => normalizeName(extra.trim()))
        .filter(Boolean)
    : [];
}
