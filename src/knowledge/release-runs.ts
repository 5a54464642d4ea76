/**
 * Runs of consecutive releases that share a fact (no sdist; no musllinux wheel for a CPython and
 * arch), as the knowledge base records them: which run a release falls in, and how to say so. Pure.
 */
import { gte, lte } from '@renovatebot/pep440';
import type { ReleaseRun } from './schema.ts';

/** The run that holds `version` (bounds included), or undefined. */
export function runHolding(runs: readonly ReleaseRun[], version: string): ReleaseRun | undefined {
  return runs.find((run) => gte(version, run.from) && lte(version, run.through));
}

/** "releases 1.1.0 to 1.22.1 have none; the nearest with one are 1.0.1 and 1.23.0". */
export function describeRun(run: ReleaseRun): string {
  const span = run.from === run.through ? `release ${run.from} has none` : `releases ${run.from} to ${run.through} have none`;
  const nearest = [run.before, run.after].filter((version): version is string => version !== undefined);
  if (nearest.length === 0) return `${span}: no release has one`;
  return `${span}; the nearest ${nearest.length === 1 ? `with one is ${nearest[0]}` : `with one are ${nearest.join(' and ')}`}`;
}
