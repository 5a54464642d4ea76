/**
 * Resolves requirements, transitive ones included, against the real index for Alpine.
 * With --only-binary :all: one project without a usable wheel makes the whole resolution fail,
 * so each failure is recorded ("compile") and the resolution re-run without it, a bounded number
 * of times. A failing dependency cannot be removed from its parent, so the parent is "unrolled":
 * resolved alone with --no-deps, and its own dependencies (minus the failing one) take its place.
 * The dependencies of a project that must compile come from the knowledge base (`requiresOf`).
 */
import { ToolError } from '../errors.ts';
import type { PipCommand } from './find-pip.ts';
import { parseCollecting, parsePipFailure, parseProbe } from './pip-output.ts';
import { normalizeName } from '../requirements/normalize.ts';
import { requirementName, type OnlineStatus, type PipReport } from './pip-report.ts';
import { runPipResolve, type PipTarget } from './run-pip.ts';
import type { Cancellation } from '../io/cancel.ts';

/** One requirement line handed to pip. */
export interface PipLine {
  text: string;
  name: string;
  extras: string[];
  /** The project that required it; null for the user's own requirement. */
  via: string | null;
}

export interface OnlineDist {
  name: string;
  version: string;
  file: string | null;
  status: OnlineStatus | null;
  via: string | null;
}

export interface BlockedDist {
  name: string;
  /** The requirement pip could not satisfy with a wheel, e.g. "cryptography==3.3.2". */
  requirement: string;
  via: string | null;
  /** Releases that do have a usable file (empty when none has). */
  versions: string[];
  /** "compile": only sources fit; "not-found": the index does not know the project. */
  reason: 'compile' | 'not-found';
}

export interface OnlineResolution {
  dists: OnlineDist[];
  blocked: BlockedDist[];
  /** Marker environment pip evaluated dependency markers in; null when pip never succeeded. */
  environment: Record<string, string> | null;
}

/** Enough for any real project (each round removes one project); more means something loops. */
export const MAX_ROUNDS = 30;

/** Runs the resolution rounds; throws ToolError (exit 2) when the index cannot be reached. */
export async function resolveOnline(
  pip: PipCommand,
  initial: readonly PipLine[],
  target: PipTarget,
  env: Record<string, string | undefined>,
  options: { onRound?: (round: number) => void; requiresOf?: (name: string) => readonly string[]; cancel?: Pick<Cancellation, 'onCleanup'> } = {},
): Promise<OnlineResolution> {
  let lines = [...initial];
  const blocked = new Map<string, BlockedDist>();
  const unrolled: OnlineDist[] = [];
  for (let round = 1; round <= MAX_ROUNDS; round += 1) {
    lines = lines.filter((line) => !blocked.has(line.name));
    if (lines.length === 0) return { dists: unrolled, blocked: [...blocked.values()], environment: null };
    options.onRound?.(round);
    const run = await runPipResolve(pip, lines.map((line) => line.text), target, env, { cancel: options.cancel });
    if (run.ok && run.report) return { dists: mergeDists(distsOf(run.report, lines), unrolled), blocked: [...blocked.values()], environment: run.report.environment };
    const failure = parsePipFailure(run.output);
    if (failure.kind !== 'missing') throw new ToolError(`pip failed: ${failure.message}`, 2);
    const own = lines.find((line) => line.name === failure.name);
    if (!blocked.has(failure.name)) {
      const reason = failure.versions.length === 0 ? await probeIndex(pip, failure.requirement, target, env, options.cancel) : 'compile';
      blocked.set(failure.name, { name: failure.name, requirement: failure.requirement, via: own ? own.via : (failure.parents[0] ?? null), versions: failure.versions, reason });
    }
    // pip cannot say what a project it must compile depends on; the knowledge base can, cheaply.
    for (const dependency of options.requiresOf?.(failure.name) ?? []) {
      if (!blocked.has(dependency) && !lines.some((line) => line.name === dependency)) lines.push({ text: dependency, name: dependency, extras: [], via: failure.name });
    }
    if (own) continue; // dropped by the filter at the top of the next round
    const index = locateLine(lines, failure.parents, run.output);
    if (index === null) {
      throw new ToolError(`pip finds no wheel for ${failure.requirement} but does not say which requirement needs it (pip ${pip.version}; pip 23.1 or newer says)`, 2);
    }
    const parent = await unrollLine(pip, lines[index]!, target, env, blocked, options.cancel);
    if (parent.dist) unrolled.push(parent.dist);
    lines.splice(index, 1, ...parent.lines);
  }
  throw new ToolError(`pip still fails after ${MAX_ROUNDS} rounds of removing projects without wheels; run pip yourself to see why`, 2);
}

/**
 * Asks pip about one project with -vv: pip reports an unreachable index exactly like a project
 * with no fitting file ("from versions: none"); only the verbose log tells them apart.
 */
async function probeIndex(
  pip: PipCommand,
  requirement: string,
  target: PipTarget,
  env: Record<string, string | undefined>,
  cancel: Pick<Cancellation, 'onCleanup'> | undefined,
): Promise<BlockedDist['reason']> {
  const probe = await runPipResolve(pip, [requirement], target, env, { noDeps: true, verbose: true, cancel });
  const result = parseProbe(probe.output);
  if (result.kind === 'network') throw new ToolError(`cannot reach the package index (${result.cause}); check the network or your pip index settings`, 2);
  return result.kind === 'not-found' ? 'not-found' : 'compile';
}

/** Index of the current line that (directly or through its dependencies) asked for a failing project. */
function locateLine(lines: readonly PipLine[], parents: readonly string[], output: string): number | null {
  for (const parent of parents) {
    const index = lines.findIndex((line) => line.name === parent);
    if (index >= 0) return index;
  }
  const collected = parseCollecting(output);
  for (const parent of parents) {
    const line = collected.get(parent)?.line;
    if (line !== undefined && line !== null && line >= 1 && line <= lines.length) return line - 1;
  }
  return null;
}

/** Resolves one line alone (--no-deps) and returns it plus its dependencies as new lines. */
async function unrollLine(
  pip: PipCommand,
  line: PipLine,
  target: PipTarget,
  env: Record<string, string | undefined>,
  blocked: Map<string, BlockedDist>,
  cancel: Pick<Cancellation, 'onCleanup'> | undefined,
): Promise<{ dist: OnlineDist | null; lines: PipLine[] }> {
  const run = await runPipResolve(pip, [line.text], target, env, { noDeps: true, cancel });
  const dist = run.report?.dists[0];
  if (!run.ok || !dist) {
    const failure = parsePipFailure(run.output);
    blocked.set(line.name, { name: line.name, requirement: line.text, via: line.via, versions: failure.kind === 'missing' ? failure.versions : [], reason: 'compile' });
    return { dist: null, lines: [] };
  }
  const lines = dependencyLines(dist.requiresDist, line.extras)
    .filter((text) => !blocked.has(requirementName(text) ?? ''))
    .map((text) => ({ text, name: requirementName(text)!, extras: extrasOf(text), via: dist.name }));
  return { dist: { name: dist.name, version: dist.version, file: dist.file, status: dist.status, via: line.via }, lines };
}

/**
 * Turns Requires-Dist lines into requirement lines. An `extra == "x"` clause only makes sense
 * inside metadata, so it becomes an always-true or always-false marker clause (pip evaluates
 * `python_version >= "0"` as true) depending on whether the parent was asked for that extra.
 */
export function dependencyLines(requiresDist: readonly string[], extras: readonly string[]): string[] {
  const wanted = new Set(extras.map(normalizeName));
  const lines: string[] = [];
  for (const entry of requiresDist) {
    const [requirement, marker] = splitMarker(entry);
    if (requirementName(requirement) === null) continue;
    if (marker === null) {
      lines.push(requirement);
      continue;
    }
    const rewritten = marker.replace(/\bextra\s*==\s*(["'])(.*?)\1/g, (_all, _quote, extra: string) =>
      wanted.has(normalizeName(extra)) ? 'python_version >= "0"' : 'python_version < "0"',
    );
    if (/\bextra\b/.test(rewritten)) continue; // other forms of extra tests are too rare to model
    lines.push(`${requirement}; ${rewritten}`);
  }
  return lines;
}

function splitMarker(entry: string): [string, string | null] {
  const at = entry.indexOf(';');
  return at < 0 ? [entry.trim(), null] : [entry.slice(0, at).trim(), entry.slice(at + 1).trim()];
}

function extrasOf(text: string): string[] {
  const match = /^[^[;]*\[([^\]]*)\]/.exec(text);
  return match ? match[1]!.split(',').map((extra) => normalizeName(extra.trim())).filter(Boolean) : [];
}

/**
 * Every distribution of a successful report, each with the project that required it: the line's
 * `via` for requested ones, else the first resolved project whose Requires-Dist names it.
 */
export function distsOf(report: PipReport, lines: readonly PipLine[]): OnlineDist[] {
  const parentOf = new Map<string, string>();
  // Unconditional dependencies first: a marker (an extra, an old Python) may not apply here.
  for (const conditional of [false, true]) {
    for (const dist of report.dists) {
      for (const entry of dist.requiresDist) {
        const name = requirementName(entry);
        if (name !== null && name !== dist.name && !parentOf.has(name) && entry.includes(';') === conditional) parentOf.set(name, dist.name);
      }
    }
  }
  return report.dists.map((dist) => {
    const line = lines.find((item) => item.name === dist.name);
    const via = dist.requested && line ? line.via : (parentOf.get(dist.name) ?? line?.via ?? null);
    return { name: dist.name, version: dist.version, file: dist.file, status: dist.status, via };
  });
}

function mergeDists(resolved: readonly OnlineDist[], unrolled: readonly OnlineDist[]): OnlineDist[] {
  const names = new Set(resolved.map((dist) => dist.name));
  return [...resolved, ...unrolled.filter((dist) => !names.has(dist.name))];
}
