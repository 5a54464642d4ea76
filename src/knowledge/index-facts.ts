/**
 * The facts the knowledge base takes from PyPI's JSON API (https://docs.pypi.org/api/json/, one
 * document per project with every release's files): per-CPython wheel history, whether the latest
 * release has an sdist, and which known projects each extra adds. Pure, shared by
 * scripts/refresh-knowledge.ts (writes them) and test/knowledge/wheels-agree.test.ts (checks them).
 */
import { evaluateMarker, parseRequirementString } from '../requirements/index.ts';
import type { Arch } from '../requirements/types.ts';
import { computeWheelHistory, hasSdist, type ReleaseFiles, type WheelHistory } from './wheel-history.ts';

/** The parts of a project's JSON API document we read. */
export interface PypiProject {
  info: { version: string; requires_dist?: string[] | null };
  releases: ReleaseFiles;
}

export interface IndexFacts {
  byPython: WheelHistory;
  sdist: boolean;
  extras: Record<string, string[]>;
}

const EXTRA_IN_MARKER = /extra\s*==\s*['"]([^'"]+)['"]/g;

/** Facts for one project: `known` says which project names the knowledge base has (others are left out of extras). */
export function indexFactsOf(project: PypiProject, pythons: readonly string[], arches: readonly Arch[], known: (name: string) => boolean): IndexFacts {
  const latest = project.releases[project.info.version] ?? [];
  return {
    byPython: computeWheelHistory(project.releases, pythons, arches),
    sdist: hasSdist(latest),
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
  return Object.fromEntries(Object.keys(extras).sort().map((extra) => [extra, [...extras[extra]!].sort()]));
}
