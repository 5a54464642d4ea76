/**
 * The facts the knowledge base takes from PyPI's JSON API (https://docs.pypi.org/api/json/, one
 * document per project with every release's files): per-CPython wheel history, whether the latest
 * release has an sdist and which releases ship none, and which known projects each extra adds. Pure, shared by
 * scripts/refresh-knowledge.ts (writes them) and test/knowledge/wheels-agree.test.ts (checks them).
 */
import { evaluateMarker, parseRequirementString } from '../requirements/index.ts';
import type { Arch } from '../requirements/types.ts';
import type { MusllinuxWheels, ReleaseRun } from './schema.ts';
import { computeNoSdistRuns, computeWheelGaps, computeWheelHistory, finalReleases, hasSdist, type ReleaseFiles, type WheelGaps, type WheelHistory } from './wheel-history.ts';
import { wheelFits } from './wheel-tags.ts';

/** The parts of a project's JSON API document we read. */
export interface PypiProject {
  info: { version: string; requires_dist?: string[] | null };
  releases: ReleaseFiles;
}

export interface IndexFacts {
  byPython: WheelHistory;
  /** Per CPython and arch, the releases after the first wheel that have none. */
  withoutWheel: WheelGaps;
  sdist: boolean;
  /** Runs of final releases that ship no sdist (per-release sdist history). */
  noSdist: ReleaseRun[];
  extras: Record<string, string[]>;
}

/**
 * A whole `musllinux` fact for a new entry: per arch the first final release with any musllinux
 * wheel, the latest release and the CPython versions its wheels cover (["abi3", "3.N"] when an abi3
 * wheel covers every version from 3.N), and the per-CPython history; null when no release has one.
 */
export function musllinuxOf(project: PypiProject, pythons: readonly string[], arches: readonly Arch[]): MusllinuxWheels | null {
  const ordered = finalReleases(project.releases);
  const since: Partial<Record<Arch, string>> = {};
  for (const arch of arches) {
    const first = ordered.find((version) =>
      project.releases[version]!.some((file) => !file.yanked && new RegExp(`musllinux_1_[012]_${arch}\\.`).test(`${file.filename}.`) && file.filename.endsWith('.whl')),
    );
    if (first) since[arch] = first;
  }
  if (Object.keys(since).length === 0) return null;
  const latest = project.info.version;
  const files = (project.releases[latest] ?? []).filter((file) => !file.yanked).map((file) => file.filename);
  const abi3 = files
    .map((file) => /-cp3(\d+)-abi3-[^-]*musllinux/.exec(file)?.[1])
    .filter((minor): minor is string => minor !== undefined)
    .map(Number)
    .sort((a, b) => a - b)[0];
  const covered = pythons.filter((version) => arches.some((arch) => files.some((file) => wheelFits(file, version, arch) === 'wheel')));
  // ["abi3", "3.N"] only when it loses nothing: no version below 3.N is covered by its own wheels.
  const python = abi3 !== undefined && covered.every((version) => Number(version.split('.')[1]) >= abi3) ? ['abi3', `3.${abi3}`] : covered;
  return { since, latest, python, byPython: computeWheelHistory(project.releases, pythons, arches), withoutWheel: computeWheelGaps(project.releases, pythons, arches) };
}

const EXTRA_IN_MARKER = /extra\s*==\s*['"]([^'"]+)['"]/g;

/** Facts for one project: `known` says which project names the knowledge base has (others are left out of extras). */
export function indexFactsOf(project: PypiProject, pythons: readonly string[], arches: readonly Arch[], known: (name: string) => boolean): IndexFacts {
  const latest = project.releases[project.info.version] ?? [];
  return {
    byPython: computeWheelHistory(project.releases, pythons, arches),
    withoutWheel: computeWheelGaps(project.releases, pythons, arches),
    sdist: hasSdist(latest),
    noSdist: computeNoSdistRuns(project.releases),
    extras: extrasOf(project.info.requires_dist ?? [], known),
  };
}

/**
 * Extra -> the known projects it adds on Linux (CPython 3.12, x86_64, a representative target):
 * a dependency counts when its marker holds with the extra selected and not without it. Names keep
 * their own extras (`uvicorn[standard]`), sorted.
 */
export function extrasOf(requiresDist: readonly string[], known: (name: string) => boolean): Record<string, string[]> {
  const extras: Record<string, Set<string>> = {};
  const target = { python: '3.12', arch: 'x86_64' as const };
  for (const text of requiresDist) {
    let requirement;
    try {
      requirement = parseRequirementString(text, { file: 'requires_dist', line: 1 });
    } catch {
      continue; // metadata pip would also refuse
    }
    if (requirement.name === null || requirement.marker === null || !known(requirement.name)) continue;
    for (const match of requirement.marker.matchAll(EXTRA_IN_MARKER)) {
      const extra = match[1]!.toLowerCase().replace(/[-_.]+/g, '-');
      if (!evaluateMarker(requirement.marker, target, [extra]) || evaluateMarker(requirement.marker, target, [])) continue;
      const label = requirement.extras.length > 0 ? `${requirement.name}[${requirement.extras.join(',')}]` : requirement.name;
      (extras[extra] ??= new Set()).add(label);
    }
  }
  return Object.fromEntries(
    Object.keys(extras)
      .sort()
      .map((extra) => [extra, [...extras[extra]!].sort()]),
  );
}
