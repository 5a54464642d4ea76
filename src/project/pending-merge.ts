/**
 * The merge base moves only when the user's file is the merged result. When update leaves
 * conflict markers, the render they were computed against is recorded here (with the file as it
 * was before), so that the next update can tell a resolution (merge against that render: your
 * resolution is kept) from a file thrown away with `git checkout` (merge against the old base
 * again: the conflict comes back instead of "up to date").
 */
import { findUnresolvedConflicts } from '../merge/conflict-markers.ts';

/** Project-relative path of the record (inside .slim-python/, committed with the bases). */
export const PENDING_FILE = '.slim-python/pending-merge.json';

export interface PendingMerge {
  /** The user's file before the markers were written (null when it did not exist). */
  yours: string | null;
  /** The render the markers were computed against. */
  render: string;
}

/** Parses the record; a damaged one names the file and the fix (exit 2). */
export function parsePendingMerges(text: string | null, onInvalid: (problem: string) => never): Map<string, PendingMerge> {
  const pending = new Map<string, PendingMerge>();
  if (text === null) return pending;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return onInvalid('is not valid JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return onInvalid('must be a JSON object');
  for (const [path, entry] of Object.entries(data)) {
    const value = entry as Partial<PendingMerge> | null;
    if (!value || typeof value.render !== 'string' || (value.yours !== null && typeof value.yours !== 'string')) {
      return onInvalid(`has an invalid entry for ${JSON.stringify(path)}`);
    }
    pending.set(path, { yours: value.yours, render: value.render });
  }
  return pending;
}

/** Serialises the record, sorted by path; null when nothing is pending (the file is removed). */
export function serializePendingMerges(pending: ReadonlyMap<string, PendingMerge>): string | null {
  if (pending.size === 0) return null;
  const sorted = [...pending.keys()].sort();
  return `${JSON.stringify(Object.fromEntries(sorted.map((path) => [path, pending.get(path)!])), null, 2)}\n`;
}

/**
 * The base to merge against: the stored base, or the render of an earlier conflict once the
 * user's file no longer has markers and is not the file as it was before that conflict.
 */
export function chooseMergeBase(current: string | null, storedBase: string | null, pending: PendingMerge | undefined): string | null {
  if (!pending || current === null) return storedBase;
  if (findUnresolvedConflicts(current).length > 0) return storedBase;
  if (current === pending.yours) return storedBase;
  return pending.render;
}
