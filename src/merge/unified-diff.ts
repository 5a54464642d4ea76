/** Unified diffs for --check and --dry-run, from the `diff` package (jsdiff). */
import { createTwoFilesPatch } from 'diff';

/** A git-style unified diff of one file, empty when the texts are equal. */
export function unifiedDiff(path: string, before: string | null, after: string | null): string {
  if (before === after) return '';
  return createTwoFilesPatch(before === null ? '/dev/null' : `a/${path}`, after === null ? '/dev/null' : `b/${path}`, before ?? '', after ?? '', undefined, undefined, {
    context: 3,
  }).replace(/^={67}\n/m, '');
}
