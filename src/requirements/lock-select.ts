/**
 * Lock files as data, and the packages of a lock that install on a target: walk from the lock's
 * roots along the dependency edges whose markers hold there (uv.lock, poetry.lock), or take every
 * package whose own marker holds (pylock.toml, PEP 751). Pure; the readers are in lock-readers.ts.
 */
import { InputFileError } from '../errors.ts';
import { evaluateMarker } from './markers.ts';
import type { Requirement, Target } from './types.ts';

export type LockKind = 'uv' | 'poetry' | 'pylock';

/** A dependency edge: to a package (a version when the lock holds several), under a marker. */
export interface LockedEdge {
  name: string;
  version: string | null;
  marker: string | null;
  extras: string[];
}

export interface LockedPackage {
  name: string;
  version: string | null;
  /** 1-based line of the package's table, for messages. */
  line: number;
  /** Where it comes from: an index (wheels and sdist known), or a local/VCS/URL source. */
  source: 'registry' | 'directory' | 'editable' | 'virtual' | 'vcs' | 'url';
  /** File names the lock lists for it (wheels and sdist), or null when it lists none. */
  files: string[] | null;
  /** Whether the lock records hashes for its files. */
  hashed: boolean;
  /** Its own marker (poetry 2, pylock), or null. */
  marker: string | null;
  /** Install roots: the project itself (uv), or packages nothing depends on (poetry), or all (pylock). */
  root: boolean;
  dependencies: LockedEdge[];
  /** Extra name -> the edges it adds. */
  optional: Record<string, LockedEdge[]>;
}

export interface LockFile {
  kind: LockKind;
  file: string;
  packages: LockedPackage[];
  /** The Python versions the lock was made for (uv.lock and pylock.toml `requires-python`), or null. */
  requiresPython?: string | null;
  /** poetry.lock: Poetry 2 recorded each package's groups and markers (what installs is in the lock). */
  markersRecorded?: boolean;
}

/** The packages installing on `target`, in lock order (markers evaluated, edges followed). */
export function selectLocked(lock: LockFile, target: Target): LockedPackage[] {
  const holds = (marker: string | null, extras: string[] = []) => marker === null || evaluateLockMarker(marker, target, extras, lock.file);
  const chosen = new Set<LockedPackage>();
  const queue: { pkg: LockedPackage; extras: string[] }[] = lock.packages.filter((pkg) => pkg.root && holds(pkg.marker)).map((pkg) => ({ pkg, extras: [] }));
  const followedExtras = new Map<LockedPackage, Set<string>>();
  while (queue.length > 0) {
    const { pkg, extras } = queue.shift()!;
    chosen.add(pkg);
    const seen = followedExtras.get(pkg) ?? new Set<string>();
    const fresh = extras.filter((extra) => !seen.has(extra));
    const firstVisit = !followedExtras.has(pkg);
    followedExtras.set(pkg, new Set([...seen, ...fresh]));
    const edges = [...(firstVisit ? pkg.dependencies : []), ...fresh.flatMap((extra) => pkg.optional[extra] ?? [])];
    for (const edge of edges) {
      if (!holds(edge.marker, extras)) continue;
      const next = findPackage(lock, edge);
      if (!next) throw new InputFileError(lock.file, pkg.line, `${pkg.name} depends on ${edge.name}, which the lock does not contain: regenerate the lock`);
      if (!chosen.has(next) || edge.extras.some((extra) => !followedExtras.get(next)?.has(extra))) queue.push({ pkg: next, extras: edge.extras });
    }
  }
  return lock.packages.filter((pkg) => chosen.has(pkg) && (pkg.marker === null || holds(pkg.marker)));
}

function findPackage(lock: LockFile, edge: LockedEdge): LockedPackage | undefined {
  const named = lock.packages.filter((pkg) => pkg.name === edge.name);
  return (edge.version === null ? named[0] : named.find((pkg) => pkg.version === edge.version)) ?? named[0];
}

// Lock markers may use PEP 751's `extras` / `dependency_groups` sets, which describe what the
// installer was asked for; we install the defaults, so those clauses are evaluated as empty sets:
// `'x' in extras` never holds, `'x' not in extras` always does (packaging's lock_file context).
function evaluateLockMarker(marker: string, target: Target, extras: string[], file: string): boolean {
  const plain = marker.replace(/(?:'[^']*'|"[^"]*")\s+(not\s+)?in\s+(?:extras|dependency_groups)/g, (_clause, not?: string) => (not ? 'extra != "\u0000"' : 'extra == "\u0000"'));
  try {
    return evaluateMarker(plain, target, extras);
  } catch (error) {
    throw new InputFileError(file, null, `marker ${JSON.stringify(marker)}: ${(error as Error).message}`);
  }
}

/** The selected packages as pinned requirements (name==version), for the decisions. */
export function lockedRequirements(packages: readonly LockedPackage[], file: string): Requirement[] {
  return packages
    .filter((pkg) => pkg.source !== 'editable' && pkg.source !== 'virtual' && pkg.source !== 'directory')
    .map((pkg) => ({
      file,
      line: pkg.line,
      text: pkg.version ? `${pkg.name}==${pkg.version}` : pkg.name,
      name: pkg.name,
      extras: [],
      specifiers: pkg.version ? [`==${pkg.version}`] : [],
      marker: null,
      url: null,
      editable: false,
      options: [],
    }));
}

/** Project -> the distribution files the lock lists for it (only packages that list some). */
export function lockedFiles(packages: readonly LockedPackage[]): Map<string, string[]> {
  return new Map(packages.filter((pkg) => pkg.files !== null).map((pkg) => [pkg.name, pkg.files!]));
}
