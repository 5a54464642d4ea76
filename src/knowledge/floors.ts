/**
 * Version-dependent build knowledge: the lowest release of a project that builds and imports on a
 * CPython version (older pins fail: issue 10, defect 4), and the build packages of older releases
 * where they differ. Pure.
 */
import { gt } from '@renovatebot/pep440';
import type { Requirement } from '../requirements/types.ts';
import type { KnowledgeEntry, OlderBuild, VersionFloor } from './schema.ts';
import { clauseBelow, compareMinor } from './versions.ts';

/** A floor the requirement's specifiers fall below, with the clause that does it. */
export interface FloorViolation {
  clause: string;
  floors: VersionFloor[];
  /** The first release that clears every violated floor. */
  firstGood: string;
}

/** The floors for `python` that the requirement pins below, or null when none (or no requirement). */
export function violatedFloors(entry: KnowledgeEntry, requirement: Requirement | null, python: string): FloorViolation | null {
  if (!requirement || !entry.floors) return null;
  let clause: string | null = null;
  const floors: VersionFloor[] = [];
  for (const floor of entry.floors) {
    if (floor.python !== undefined && compareMinor(python, floor.python) < 0) continue;
    const below = clauseBelow(requirement.specifiers, floor.version);
    if (below === null) continue;
    clause ??= below;
    floors.push(floor);
  }
  if (clause === null) return null;
  const firstGood = floors.map((floor) => floor.version).reduce((a, b) => (gt(b, a) ? b : a));
  return { clause, floors, firstGood };
}

const FAILS: Record<VersionFloor['fails'], string> = {
  build: 'do not build',
  import: 'build but fail at import',
  unsupported: 'are not made for this CPython',
};

/**
 * The message for a violation: names the pin, what fails and why, and the first good release.
 * `firstWheel` is the first release with a musllinux wheel for the target, when one is known:
 * below the first release that builds, that is the first one that installs.
 */
export function formatFloorViolation(name: string, violation: FloorViolation, python: string, firstWheel: string | null): string {
  const reasons = violation.floors.map((floor) => `releases before ${floor.version} ${FAILS[floor.fails]} (${floor.why})`);
  const good =
    firstWheel !== null && gt(violation.firstGood, firstWheel)
      ? `the first release that installs is ${firstWheel} (a musllinux wheel; the first that builds from source is ${violation.firstGood}): pin ${name}>=${firstWheel}`
      : `the first good release is ${violation.firstGood}: pin ${name}>=${violation.firstGood}`;
  return `${name}${violation.clause} will not work on CPython ${python}: ${reasons.join('; ')}; ${good}`;
}

/**
 * The build variant for the releases the requirement admits: the olderBuild with the lowest
 * `before` that the specifiers cap below, else null (the entry's own build and runtime apply).
 */
export function olderBuildFor(entry: KnowledgeEntry, requirement: Requirement | null): OlderBuild | null {
  if (!requirement || !entry.olderBuilds) return null;
  const matching = entry.olderBuilds.filter((older) => clauseBelow(requirement.specifiers, older.before) !== null);
  if (matching.length === 0) return null;
  return matching.reduce((a, b) => (gt(a.before, b.before) ? b : a));
}
