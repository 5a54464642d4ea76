/**
 * Three-way merge of a generated file, as git and copier do it: base = what the tool generated
 * last time, ours = the user's file, theirs = the new render. Edits on lines the regeneration
 * does not touch survive; where both sides changed the same lines, git-style conflict markers.
 * diff3 itself comes from node-diff3 (a well-kept implementation), not hand-written.
 */
import { diff3Merge } from 'node-diff3';
import { resolveAdjacentInsertions } from './adjacent-edits.ts';
import { hintApkAdditions, resolveApkEdit } from './apk-edit.ts';

export interface MergeResult {
  /** Merged text; contains conflict markers when `conflicts` is not empty. */
  text: string;
  /** 1-based line ranges in `text` of each conflict block (markers included). */
  conflicts: { start: number; end: number }[];
  /** Edits recognised and carried over instead of conflicting, in the user's terms (absent: none). */
  notes?: string[];
}

export interface MergeLabels {
  ours: string;
  base: string;
  theirs: string;
}

/** Merges `theirs` into `ours` relative to `base`, line by line. */
export function mergeThreeWay(base: string, ours: string, theirs: string, labels: MergeLabels): MergeResult {
  return mergeBlocks(base, ours, theirs, labels, false);
}

/**
 * The merge with every conflict left after the usual resolutions (insertions next to changed
 * lines, apk add package edits) resolved to the new render (`update --force`): the user's edits
 * the plain merge keeps survive; only where both changed does the new render win.
 */
export function mergeTakingTheirs(base: string, ours: string, theirs: string): string {
  return mergeBlocks(base, ours, theirs, { ours: '', base: '', theirs: '' }, true).text;
}

function mergeBlocks(base: string, ours: string, theirs: string, labels: MergeLabels, takeTheirs: boolean): MergeResult {
  const split = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));
  const blocks = diff3Merge(split(ours), split(base), split(theirs), { excludeFalseConflicts: true });
  const out: string[] = [];
  const conflicts: MergeResult['conflicts'] = [];
  const notes: string[] = [];
  for (const block of blocks) {
    if (block.ok) {
      out.push(...block.ok);
      continue;
    }
    const conflict = block.conflict!;
    const adjacent = resolveAdjacentInsertions(conflict.o, conflict.a, conflict.b);
    if (adjacent) {
      out.push(...adjacent);
      continue;
    }
    // Which stage the block is in decides the flag a recognised apk edit maps to.
    const stage = out.some((line) => /^FROM\s.*\sAS\s+release\s*$/i.test(line)) ? 'runtime' : 'build';
    // The block may start inside a continued instruction (a package list one per line): take the
    // instruction's earlier lines, common to all three, along.
    let head = out.length;
    while (head > 0 && out[head - 1]!.endsWith('\\')) head -= 1;
    const lead = out.slice(head);
    const apk = resolveApkEdit([...lead, ...conflict.o], [...lead, ...conflict.a], [...lead, ...conflict.b], stage);
    if (apk) {
      out.splice(head);
      out.push(...apk.lines);
      notes.push(...apk.notes);
      continue;
    }
    if (takeTheirs) {
      out.push(...conflict.b);
      continue;
    }
    notes.push(...hintApkAdditions([...lead, ...conflict.o], [...lead, ...conflict.a], stage));
    const start = out.length + 1;
    out.push(`<<<<<<< ${labels.ours}`, ...conflict.a, `||||||| ${labels.base}`, ...conflict.o, '=======', ...conflict.b, `>>>>>>> ${labels.theirs}`);
    conflicts.push({ start, end: out.length });
  }
  const text = out.length === 0 ? '' : `${out.join('\n')}\n`;
  return notes.length === 0 ? { text, conflicts } : { text, conflicts, notes };
}
