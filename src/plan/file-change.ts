/**
 * What update does to one managed file, decided purely from three texts: the user's current
 * file, the base (what the tool generated last time) and the new render.
 */
import type { MergeLabels, MergeResult } from '../merge/three-way.ts';

/** The three-way merge (src/merge/three-way.ts), passed in so it is loaded only when a file was edited. */
export type MergeFn = (base: string, ours: string, theirs: string, labels: MergeLabels) => MergeResult;

export type FileAction = 'identical' | 'create' | 'update' | 'merge' | 'conflict';

export interface FileChange {
  path: string;
  action: FileAction;
  /** The file as it is now (null when missing). */
  current: string | null;
  /** What the tool generated last time (null when no base is stored). */
  base: string | null;
  /** What the file becomes: new render, merged text, or text with conflict markers. */
  next: string;
  /** The new render: stored as the next base once the file is written. */
  render: string;
  /** Conflict line ranges in `next` (1-based), for action "conflict". */
  conflicts: { start: number; end: number }[];
  /** A conflict because no base is stored: nothing to merge against, so no markers either. */
  noBase: boolean;
  /** Hand edits the merge recognised and carried into the new render (e.g. an added apk package). */
  notes: string[];
}

/** Decides the action for one file. `base` is null when the project has no stored base for it. */
export function planFileChange(path: string, current: string | null, base: string | null, render: string, mergeThreeWay: MergeFn): FileChange {
  const change = (action: FileAction, next: string, conflicts: FileChange['conflicts'] = [], notes: string[] = []): FileChange => ({
    path,
    action,
    current,
    base,
    next,
    render,
    conflicts,
    noBase: false,
    notes,
  });
  if (current === null) return change('create', render);
  if (current === render) return change('identical', render);
  if (base !== null && current === base) return change('update', render);
  // Without the last render, every line of an edited file looks like an edit: merging against
  // an empty base would be one conflict the size of the file. Say so instead, touch nothing.
  if (base === null) return { ...change('conflict', current), noBase: true };
  const merged = mergeThreeWay(base, current, render, {
    ours: `${path} (yours)`,
    base: `${path} (generated last time)`,
    theirs: `${path} (generated now)`,
  });
  const notes = merged.notes ?? [];
  if (merged.conflicts.length === 0) return change(merged.text === current ? 'identical' : 'merge', merged.text, [], notes);
  return change('conflict', merged.text, merged.conflicts, notes);
}

/** True when planFileChange would need the three-way merge for these texts. */
export function needsMerge(current: string | null, base: string | null, render: string): boolean {
  return current !== null && current !== render && current !== base;
}
