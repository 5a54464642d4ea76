/**
 * Whether pip has an sdist to build for the release a requirement selects, from the knowledge
 * base's per-release sdist history (`noSdist`, computed from PyPI's release file lists): an exact
 * pin is judged by its own release, anything else by the latest release (pip picks the newest
 * release the specifiers admit, as the wheel facts assume). Pure.
 */
import type { Requirement } from '../requirements/types.ts';
import { describeRun, runHolding } from './release-runs.ts';
import type { KnowledgeEntry } from './schema.ts';
import { exactPin } from './versions.ts';

/** Why the selected release has no sdist (for "X, and <why>: pip cannot install it"), or null when it has one. */
export function missingSdist(entry: Pick<KnowledgeEntry, 'sdist' | 'noSdist'>, requirement: Requirement | null): string | null {
  const pin = exactPin(requirement?.specifiers ?? []);
  if (pin !== null && entry.noSdist !== undefined) {
    const run = runHolding(entry.noSdist, pin);
    return run ? `${pin} publishes no sdist (${describeRun(run)})` : null;
  }
  if (entry.sdist !== false) return null;
  // The latest release is the last run's end: name the run, and the newest release with an sdist before it.
  const last = entry.noSdist?.at(-1);
  return last !== undefined && last.after === undefined ? `the latest release, ${last.through}, publishes no sdist (${describeRun(last)})` : 'it publishes no sdist';
}
