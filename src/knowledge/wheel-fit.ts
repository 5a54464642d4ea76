/**
 * Whether pip finds a musllinux wheel for a requirement on the target, from the knowledge base's
 * wheel facts: per CPython version and architecture when the entry has its history (`byPython`,
 * and `withoutWheel`: the releases after the first wheel that have none), else per architecture
 * with the latest release's CPython list. Pure.
 */
import { gte } from '@renovatebot/pep440';
import type { Arch, Requirement } from '../requirements/types.ts';
import type { MusllinuxWheels, ReleaseRun } from './schema.ts';
import { describeRun, runHolding } from './release-runs.ts';
import { clauseBelow, compareMinor, exactPin } from './versions.ts';

export interface WheelTarget {
  python: string;
  arches: readonly Arch[];
}

/** Why no musllinux wheel fits, or null when one does. */
export function missingWheel(wheels: MusllinuxWheels | null, requirement: Requirement | null, target: WheelTarget): string | null {
  if (wheels === null) return 'ships no musllinux wheel: pip builds it from source';
  const specifiers = requirement?.specifiers ?? [];
  const history = wheels.byPython?.[target.python];
  const pin = exactPin(specifiers);
  for (const arch of target.arches) {
    const since = history ? history[arch] : wheels.since[arch];
    // Without a per-CPython history, `since` is the per-arch fact itself: either way none fits.
    if (!since) return `no release has a musllinux wheel for CPython ${target.python} on ${arch}`;
    const below = clauseBelow(specifiers, since);
    if (below) {
      const which = history ? `CPython ${target.python} on ${arch}` : arch;
      return `${below} selects a release older than ${since}, the first with a musllinux wheel for ${which}`;
    }
    // With the gaps recorded, the release pip picks decides: the pin's own, else the newest the
    // specifiers admit (the latest, unless an upper bound stops before it).
    const gaps = history === undefined || wheels.withoutWheel === undefined ? null : (wheels.withoutWheel[target.python]?.[arch] ?? []);
    if (gaps !== null) {
      const run = pin !== null ? runHolding(gaps, pin) : runOfNewestAdmitted(gaps, specifiers);
      if (run === undefined) continue;
      // An upper bound below the run's end (or below the latest release, for a run that reaches it) picks a release inside it.
      const cap = pin === null ? clauseBelow(specifiers, run.after ?? run.through) : null;
      const release = pin ?? (cap !== null ? `${cap} selects a release that` : `the latest release, ${run.through},`);
      return `${release} has no musllinux wheel for CPython ${target.python} on ${arch} (${describeRun(run)})`;
    }
    // An exact pin at or after the first wheel gets that release's wheel, even when the latest
    // release dropped this CPython; anything else resolves to the latest release.
    const pinnedAfter = pin !== null && history !== undefined && gte(pin, since);
    if (!pinnedAfter && !coversPython(wheels.python, target.python)) {
      return `no musllinux wheel for CPython ${target.python} (latest ${wheels.latest} has ${wheels.python.length > 0 ? wheels.python.join(', ') : 'none'})`;
    }
  }
  return null;
}

/** Whether the latest release's CPython list covers a version (abi3: every version from the minimum). */
export function coversPython(python: readonly string[], version: string): boolean {
  if (python[0] === 'abi3') return python[1] !== undefined && compareMinor(version, python[1]) >= 0;
  return python.includes(version);
}

/**
 * The run holding the newest release the specifiers admit, or undefined when that release is
 * outside every run: runs whose first release an upper bound excludes are skipped, newest first.
 */
function runOfNewestAdmitted(runs: readonly ReleaseRun[], specifiers: readonly string[]): ReleaseRun | undefined {
  for (let index = runs.length - 1; index >= 0; index -= 1) {
    const run = runs[index]!;
    if (clauseBelow(specifiers, run.from) !== null) continue;
    return run.after === undefined || clauseBelow(specifiers, run.after) !== null ? run : undefined;
  }
  return undefined;
}
