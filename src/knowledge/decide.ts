/**
 * Turns requirements plus the knowledge base into decisions for a target: per project, whether
 * it installs pure / from a musllinux wheel / must compile / is unknown, and the Alpine build and
 * runtime package sets with a reason for each package. Pure: no I/O.
 */
import { byName } from './../sort.ts';
import { gt, valid } from '@renovatebot/pep440';
import type { Arch, Requirement } from '../requirements/types.ts';
import type { KnowledgeEntry, MusllinuxWheels } from './schema.ts';

export type Status = 'pure' | 'wheel' | 'compile' | 'unknown';

export interface Knowledge {
  packages: ReadonlyMap<string, KnowledgeEntry>;
}

export interface PackageDecision {
  name: string;
  status: Status;
  /** Why this status, in the user's terms. */
  why: string;
  build: string[];
  runtime: string[];
  sources: string[];
  /** Requirement that brought it in (itself, or the project that requires it). */
  via: string | null;
}

export interface ApkReason {
  name: string;
  /** Projects that need it, sorted. */
  for: string[];
}

export interface Decisions {
  packages: PackageDecision[];
  apk: { build: ApkReason[]; runtime: ApkReason[] };
  warnings: string[];
}

export interface DecideTarget {
  python: string;
  /** Architectures the image is built for; a project compiles when any of them lacks a wheel. */
  arches: readonly Arch[];
}

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
  const queue: { name: string; requirement: Requirement | null; via: string | null }[] = [];
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
    queue.push({ name: requirement.name, requirement, via: null });
  }
  while (queue.length > 0) {
    const { name, requirement, via } = queue.shift()!;
    if (decisions.has(name)) continue;
    const entry = knowledge.packages.get(name);
    if (!entry) {
      decisions.set(name, unknownDecision(name, via, 'not in the knowledge base: a musllinux wheel may be missing'));
      continue;
    }
    const decision = decideEntry(name, entry, requirement, target, via);
    decisions.set(name, decision);
    for (const dependency of entry.requires) queue.push({ name: dependency, requirement: null, via: name });
  }
  const packages = [...decisions.values()].sort(byName);
  const unknown = packages.filter((d) => d.status === 'unknown' && d.via === null && !unnamed.has(d.name)).map((d) => d.name);
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 8).join(', ') + (unknown.length > 8 ? `, and ${unknown.length - 8} more` : '');
    warnings.push(
      `unknown to the knowledge base: ${shown}; the build stage keeps a C and a Rust toolchain (${C_TOOLCHAIN}, ${RUST_TOOLCHAIN}) in case ${unknown.length === 1 ? 'it compiles' : 'they compile'} (no cost to the release image; explain --online --write records what the index has)`,
    );
  }
  return { packages, apk: collectApk(packages), warnings };
}

function decideEntry(
  name: string,
  entry: KnowledgeEntry,
  requirement: Requirement | null,
  target: DecideTarget,
  via: string | null,
): PackageDecision {
  const sources = [...new Set(entry.sources.map((source) => source.ref))].sort();
  const base = { name, sources, via };
  if (entry.kind === 'pure') {
    const why = entry.dlopen.length > 0 ? `pure Python; loads ${entry.dlopen.join(', ')} at run time` : 'pure Python';
    return { ...base, status: 'pure', why, build: [], runtime: [...entry.dlopen].sort() };
  }
  const missing = missingWheel(entry.musllinux, requirement, target);
  if (missing === null) {
    return { ...base, status: 'wheel', why: `musllinux wheel for CPython ${target.python} on ${target.arches.join(' and ')}`, build: [], runtime: [...entry.dlopen].sort() };
  }
  return {
    ...base,
    status: 'compile',
    why: missing,
    build: unique([C_TOOLCHAIN, ...entry.build]),
    runtime: unique([...entry.runtime, ...entry.dlopen]),
  };
}

/** Why no musllinux wheel fits, or null when one does. */
function missingWheel(wheels: MusllinuxWheels | null, requirement: Requirement | null, target: DecideTarget): string | null {
  if (wheels === null) return 'ships no musllinux wheel: pip builds it from source';
  if (!coversPython(wheels.python, target.python)) {
    return `no musllinux wheel for CPython ${target.python} (latest ${wheels.latest} has ${wheels.python.join(', ')})`;
  }
  for (const arch of target.arches) {
    const since = wheels.since[arch];
    if (!since) return `no musllinux wheel for ${arch}`;
    const tooOld = pinnedBelow(requirement?.specifiers ?? [], since);
    if (tooOld) return `${tooOld}, but the first musllinux wheel for ${arch} is ${since}`;
  }
  return null;
}

function coversPython(python: readonly string[], version: string): boolean {
  if (python[0] === 'abi3') return python[1] !== undefined && compareMinor(version, python[1]) >= 0;
  return python.includes(version);
}

function compareMinor(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return (am! - bm!) || (an! - bn!);
}

/**
 * pip installs the newest release the specifiers admit. A wheel fits unless the specifiers cap
 * every admitted release below `since` (the first release with a musllinux wheel): a pin
 * (`==`, `===`), an upper bound (`<`, `<=`), a prefix (`==3.3.*`) or a compatible release
 * (`~=3.3` admits up to, not including, 4).
 */
function pinnedBelow(specifiers: readonly string[], since: string): string | null {
  for (const clause of specifiers) {
    const match = /^(===|==|<=|<|~=)(.+)$/.exec(clause);
    if (!match) continue;
    const [, op, version] = match as unknown as [string, string, string];
    const prefix = op === '==' && version.endsWith('.*');
    const upper = prefix ? bumpRelease(version.slice(0, -2), 0) : op === '~=' ? bumpRelease(version, 1) : version;
    if (!upper || !valid(upper) || !valid(since)) continue;
    // An exclusive upper bound must be above `since`; a pin or inclusive bound must reach it.
    const exclusive = op === '<' || op === '~=' || prefix;
    const below = exclusive ? !gt(upper, since) : gt(since, upper);
    if (below) return `${clause} selects a release older than ${since}`;
  }
  return null;
}

/** The release after a prefix: `3.3` with drop 1 -> `4`; `3.4` with drop 0 -> `3.5`. */
function bumpRelease(version: string, drop: number): string | null {
  const release = /^(?:[0-9]+!)?([0-9]+(?:\.[0-9]+)*)/.exec(version)?.[1];
  if (!release) return null;
  const parts = release.split('.').map(Number);
  const kept = parts.slice(0, Math.max(1, parts.length - drop));
  kept[kept.length - 1] = kept[kept.length - 1]! + 1;
  return kept.join('.');
}

function unknownDecision(name: string, via: string | null, why: string): PackageDecision {
  return { name, status: 'unknown', why, build: [C_TOOLCHAIN, RUST_TOOLCHAIN], runtime: [], sources: [], via };
}

/** The Alpine package sets of some decisions, each package with the projects that need it. */
export function collectApk(packages: readonly PackageDecision[]): Decisions['apk'] {
  const build = new Map<string, Set<string>>();
  const runtime = new Map<string, Set<string>>();
  for (const decision of packages) {
    for (const name of decision.build) addReason(build, name, decision.name);
    for (const name of decision.runtime) addReason(runtime, name, decision.name);
  }
  return { build: toReasons(build), runtime: toReasons(runtime) };
}

function addReason(map: Map<string, Set<string>>, apk: string, project: string): void {
  const set = map.get(apk) ?? new Set<string>();
  set.add(project);
  map.set(apk, set);
}

function toReasons(map: Map<string, Set<string>>): ApkReason[] {
  return [...map.entries()]
    .map(([name, projects]) => ({ name, for: [...projects].sort() }))
    .sort(byName);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}
