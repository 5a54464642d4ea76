/**
 * Turns requirements plus the knowledge base into decisions for a target: per project, whether
 * it installs pure / from a musllinux wheel / must compile / is unknown, and the Alpine build and
 * runtime package sets with a reason for each package. Pure: no I/O.
 */
import { gt } from '@renovatebot/pep440';
import { byName } from '../sort.ts';
import type { Requirement } from '../requirements/types.ts';
import { isFullyPinned } from '../requirements/pinned.ts';
import { allowedFormats, describeOrigin } from '../requirements/format-control.ts';
import { formatFloorViolation, olderBuildFor, violatedFloors } from './floors.ts';
import type { KnowledgeEntry } from './schema.ts';
import { fitLockedFiles } from './locked-files.ts';
import { missingWheel } from './wheel-fit.ts';
import { missingSdist } from './sdist-fit.ts';
import { collectApk } from './apk-reasons.ts';
import type { Knowledge, PackageDecision, Decisions, Problem, DecideTarget } from './decisions.ts';

/** The Alpine packages that give pip a C toolchain (gcc, musl-dev, make, ...). */
export const C_TOOLCHAIN = 'build-base';

/**
 * Alpine's Rust toolchain (cargo; it depends on rust, aports main/rust/APKBUILD). An unknown sdist
 * may build with maturin or setuptools-rust: without cargo, maturin tries to download rustup at
 * build time and setuptools-rust fails. It costs build-stage time only, never release-image size.
 */
export const RUST_TOOLCHAIN = 'cargo';

/** Computes decisions for the requirements that apply to the target (markers already evaluated). */
export function decide(requirements: readonly Requirement[], knowledge: Knowledge, target: DecideTarget): Decisions {
  const warnings: string[] = [];
  const decisions = new Map<string, PackageDecision>();
  const problems: Problem[] = [];
  const queue: { name: string; requirement: Requirement | null; via: string | null; extras: readonly string[] }[] = [];
  // Extras already followed per project: a project reached again with a new extra adds its projects.
  const followed = new Map<string, Set<string>>();
  // A lock (or a pip-compile file pinned with hashes) lists the whole dependency set at its
  // versions: the knowledge base's version-blind requires and extras would only add projects
  // that will not be installed.
  const complete = target.locked !== undefined || isFullyPinned(requirements);
  const unnamed = new Set<string>();
  for (const requirement of requirements) {
    const local = requirement.editable || (requirement.url !== null && !/^[a-z][a-z0-9+.-]*:\/\//i.test(requirement.url));
    if (local) {
      warnings.push(
        `${requirement.file}:${requirement.line}: ${requirement.text} installs from a local path; the Dockerfile copies only the requirements files, so add a COPY for it before the install step`,
      );
    }
    if (requirement.name === null) {
      if (!local) warnings.push(`${requirement.file}:${requirement.line}: ${requirement.text} has no project name; assuming it may compile`);
      unnamed.add(requirement.text);
      decisions.set(requirement.text, unknownDecision(requirement.text, null, 'a path or URL requirement: its contents are not known'));
      continue;
    }
    queue.push({ name: requirement.name, requirement, via: null, extras: requirement.extras });
  }
  while (queue.length > 0) {
    const { name, requirement, via, extras } = queue.shift()!;
    const entry = knowledge.packages.get(name);
    if (!decisions.has(name)) {
      if (!entry) {
        const fromLock = decideFromLock(name, requirement, via, target);
        if (fromLock?.problem) problems.push({ name, message: fromLock.problem });
        decisions.set(name, fromLock?.decision ?? withoutBuilds(unknownDecision(name, via, 'not in the knowledge base: a musllinux wheel may be missing'), target));
        continue;
      }
      const { decision, problem } = decideEntry(name, entry, requirement, target, via);
      decisions.set(name, decision);
      if (problem) problems.push({ name, message: problem });
      if (!complete) for (const dependency of entry.requires) queue.push({ name: dependency, requirement: null, via: name, extras: [] });
    }
    if (!entry || complete) continue;
    const seen = followed.get(name) ?? new Set<string>();
    followed.set(name, seen);
    for (const extra of extras) {
      if (seen.has(extra)) continue;
      seen.add(extra);
      for (const added of entry.extras?.[extra] ?? []) queue.push({ ...splitExtras(added), requirement: null, via: `${name}[${extra}]` });
    }
  }
  const packages = [...decisions.values()].sort(byName);
  const unknown = packages.filter((d) => d.status === 'unknown' && d.via === null && !unnamed.has(d.name)).map((d) => d.name);
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 8).join(', ') + (unknown.length > 8 ? `, and ${unknown.length - 8} more` : '');
    warnings.push(
      `unknown to the knowledge base: ${shown}; the build stage keeps a C and a Rust toolchain (${C_TOOLCHAIN}, ${RUST_TOOLCHAIN}) in case ${unknown.length === 1 ? 'it compiles' : 'they compile'} (no cost to the release image; explain --online --write records what the index has)`,
    );
  }
  warnings.push(...problems.map((problem) => problem.message));
  return { packages, apk: collectApk(packages), warnings, problems };
}

/** `uvicorn[standard]` -> name and extras, as the knowledge base's extras lists write them. */
function splitExtras(label: string): { name: string; extras: string[] } {
  const match = /^([^[]+)\[([^\]]*)\]$/.exec(label);
  return match ? { name: match[1]!, extras: match[2]!.split(',') } : { name: label, extras: [] };
}

function decideEntry(
  name: string,
  entry: KnowledgeEntry,
  requirement: Requirement | null,
  target: DecideTarget,
  via: string | null,
): { decision: PackageDecision; problem: string | null } {
  const sources = [...new Set(entry.sources.map((source) => source.ref))].sort();
  const base = { name, sources, via };
  if (entry.kind === 'pure') {
    const why = entry.dlopen.length > 0 ? `pure Python; loads ${entry.dlopen.join(', ')} at run time` : 'pure Python';
    return { decision: { ...base, status: 'pure', why, build: [], runtime: [...entry.dlopen].sort() }, problem: null };
  }
  const formats = target.formats ? allowedFormats(target.formats, name) : null;
  const locked = target.locked?.get(name);
  const lockFit = locked ? fitLockedFiles(locked, target.python, target.arches) : null;
  const wheelMissing = lockFit
    ? lockFit.fit
      ? null
      : `the lock lists no musllinux wheel for CPython ${target.python} on ${lockFit.missingArch}`
    : missingWheel(entry.musllinux, requirement, target);
  // --no-binary makes pip build even where a wheel fits; --only-binary forbids building.
  const missing = formats && !formats.binary ? `${describeOrigin(formats.because!)} makes pip build it from source` : wheelMissing;
  if (missing === null) {
    const why = `${lockFit ? 'the lock lists a ' : ''}musllinux wheel for CPython ${target.python} on ${target.arches.join(' and ')}`;
    return { decision: { ...base, status: 'wheel', why, build: [], runtime: [...entry.dlopen].sort() }, problem: null };
  }
  // The release pip would build: the lock's files, else the knowledge base's per-release sdist history.
  const noSdist = lockFit ? (lockFit.sdist ? null : 'the lock lists no sdist') : missingSdist(entry, requirement);
  const cannot = noSdist ?? (formats && !formats.source ? `${describeOrigin(formats.because!)} forbids building it` : null);
  if (cannot !== null) {
    const why = `${missing.replace(/: pip builds it from source$/, '')}, and ${cannot}: pip cannot install it on Alpine`;
    const decision: PackageDecision = { ...base, status: 'unavailable', why, build: [], runtime: [] };
    return { decision, problem: `${requirement?.text ?? name} cannot be installed on Alpine (CPython ${target.python}, ${target.arches.join(' and ')}): ${why}` };
  }
  // Older releases may build with other packages (cryptography before Rust needs no cargo).
  const older = olderBuildFor(entry, requirement);
  const floor = violatedFloors(entry, requirement, target.python);
  const decision: PackageDecision = {
    ...base,
    sources: older ? unique([...sources, older.source]) : sources,
    status: 'compile',
    why: missing,
    ...compileNeeds((older ?? entry).build, (older ?? entry).runtime, entry.dlopen),
    ...(entry.note ? { note: entry.note } : {}),
  };
  if (floor) decision.sources = unique([...decision.sources, ...floor.floors.map((item) => item.source)]);
  return { decision, problem: floor ? formatFloorViolation(name, floor, target.python, firstWheel(entry, target)) : null };
}

/** The first release with a musllinux wheel for the target's CPython on every target arch, when the history knows it. */
function firstWheel(entry: KnowledgeEntry, target: DecideTarget): string | null {
  const row = entry.musllinux?.byPython?.[target.python];
  const releases = target.arches.map((arch) => row?.[arch]);
  if (releases.some((release) => release === undefined)) return null;
  return (releases as string[]).reduce((a, b) => (gt(b, a) ? b : a));
}

/**
 * A project the knowledge base does not know, decided from the files its lock entry lists:
 * a wheel or pure-Python wheel fits, or it compiles (with a C toolchain in case), or nothing fits.
 */
function decideFromLock(name: string, requirement: Requirement | null, via: string | null, target: DecideTarget): { decision: PackageDecision; problem: string | null } | null {
  const files = target.locked?.get(name);
  if (!files) return null;
  const fit = fitLockedFiles(files, target.python, target.arches);
  const base = { name, via, sources: ['lock file'], build: [] as string[], runtime: [] as string[] };
  const where = `CPython ${target.python} on ${target.arches.join(' and ')}`;
  if (fit.fit === 'wheel') return { decision: { ...base, status: 'wheel', why: `the lock lists a musllinux wheel for ${where}` }, problem: null };
  if (fit.fit === 'pure') return { decision: { ...base, status: 'pure', why: 'the lock lists a pure-Python wheel' }, problem: null };
  const missing = `the lock lists no musllinux wheel for CPython ${target.python} on ${fit.missingArch}`;
  if (!fit.sdist) {
    const why = `${missing}, and no sdist: pip cannot install it on Alpine`;
    return { decision: { ...base, status: 'unavailable', why }, problem: `${requirement?.text ?? name} cannot be installed on Alpine (${where}): ${why}` };
  }
  return { decision: withoutBuilds(unknownDecision(name, via, `${missing}: it compiles, and the knowledge base does not know its build packages`), target), problem: null };
}

/** An unknown project pip may not build (`--only-binary`) needs no compiler: it installs a wheel or fails. */
function withoutBuilds(decision: PackageDecision, target: DecideTarget): PackageDecision {
  const formats = target.formats ? allowedFormats(target.formats, decision.name) : null;
  if (!formats || formats.source) return decision;
  return { ...decision, why: `${decision.why}; ${describeOrigin(formats.because!)}: pip installs a wheel or nothing`, build: [] };
}

function unknownDecision(name: string, via: string | null, why: string): PackageDecision {
  return { name, status: 'unknown', why, build: [C_TOOLCHAIN, RUST_TOOLCHAIN], runtime: [], sources: [], via };
}

/**
 * What compiling a project needs, offline and online alike: a C toolchain and its build packages;
 * at run time the libraries it links and those it loads. Sorted, without repeats.
 */
export function compileNeeds(build: readonly string[], runtime: readonly string[], dlopen: readonly string[]): { build: string[]; runtime: string[] } {
  return { build: unique([C_TOOLCHAIN, ...build]), runtime: unique([...runtime, ...dlopen]) };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
