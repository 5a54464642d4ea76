/**
 * Three-way merge of a generated file, as git and copier do it: base = what the tool generated
 * last time, ours = the user's file, theirs = the new render. Edits on lines the regeneration
 * does not touch survive; where both sides changed the same lines, git-style conflict markers.
 * diff3 itself comes from node-diff3 (a well-kept implementation), not hand-written.
 */
import { diff3Merge } from 'node-diff3';

export interface MergeResult {
  /** Merged text; contains conflict markers when `conflicts` is not empty. */
  text: string;
  /** 1-based line ranges in `text` of each conflict block (markers included). */
  conflicts: { start: number; end: number }[];
}

export interface MergeLabels {
  ours: string;
  base: string;
  theirs: string;
}

/** Merges `theirs` into `ours` relative to `base`, line by line. */
export function mergeThreeWay(base: string, ours: string, theirs: string, labels: MergeLabels): MergeResult {
  const split = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));
  const blocks = diff3Merge(split(ours), split(base), split(theirs), { excludeFalseConflicts: true });
  const out: string[] = [];
  const conflicts: MergeResult['conflicts'] = [];
  for (const block of blocks) {
    if (block.ok) {
      out.push(...block.ok);
      continue;
    }
    const conflict = block.conflict!;
    const start = out.length + 1;
    out.push(`<<<<<<< ${labels.ours}`, ...conflict.a, `||||||| ${labels.base}`, ...conflict.o, '=======', ...conflict.b, `>>>>>>> ${labels.theirs}`);
    conflicts.push({ start, end: out.length });
  }
  return { text: out.length === 0 ? '' : `${out.join('\n')}\n`, conflicts };
}

/**
 * The merge with every conflict resolved to the new render (`update --force`): the user's edits
 * on lines the regeneration does not touch survive; where both changed, the new render wins.
 */
export function mergeTakingTheirs(base: string, ours: string, theirs: string): string {
  const split = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));
  const blocks = diff3Merge(split(ours), split(base), split(theirs), { excludeFalseConflicts: true });
  const out = blocks.flatMap((block) => block.ok ?? block.conflict!.b);
  return out.length === 0 ? '' : `${out.join('\n')}\n`;
}
