/**
 * Whether pip has an sdist to build for the release a requirement selects, from the knowledge
 * base's per-release sdist history (`noSdist`, computed from PyPI's release file lists): an exact
 * pin is judged by its own release, anything else by the latest release (pip picks the newest
 * release the specifiers admit, as the wheel facts assume). Pure.
 */
import { gte, lte } from '@renovatebot/pep440';
import type { Requirement } from '../requirements/types.ts';
import type { KnowledgeEntry, ReleaseRun } from './schema.ts';
import { exactPin } from './versions.ts';

/** Why the selected release has no sdist (for "X, and <why>: pip cannot install it"), or null when it has one. */
export function missingSdist(entry: Pick<KnowledgeEntry, 'sdist' | 'noSdist'>, requirement: Requirement | null): string | null {
  const pin = exactPin(requirement?.specifiers ?? []);
  if (pin !== null && entry.noSdist !== undefined) {
    const run = entry.noSdist.find((item) => gte(pin, item.from) && lte(pin, item.through));
    return run ? `${pin} publishes no sdist (${describeRun(run)})` : null;
  }
  return entry.sdist === false ? 'it publishes no sdist' : null;
}

/** "releases 1.1.0 to 1.22.1 have none; the nearest with one are 1.0.1 and 1.23.0". */
function describeRun(run: ReleaseRun): string {
  const span = run.from === run.through ? `release ${run.from} has none` : `releases ${run.from} to ${run.through} have none`;
  const nearest = [run.before, run.after].filter((version): version is string => version !== undefined);
  if (nearest.length === 0) return `${span}: no release has one`;
  return `${span}; the nearest ${nearest.length === 1 ? `with one is ${nearest[0]}` : `with one are ${nearest.join(' and ')}`}`;
}
