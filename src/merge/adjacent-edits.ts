/**
 * Conflicts diff3 reports only because two edits touch: one side inserted whole lines right
 * before or after lines the other side changed (a LABEL under a FROM that a new Python version
 * rewrites; a HEALTHCHECK the template adds above a CMD you changed). git conflicts there too;
 * for a generated file the intent is plain, so the insertion is kept around the other change.
 */

/** The merged lines when one side only added lines around the base, else null. */
export function resolveAdjacentInsertions(base: readonly string[], ours: readonly string[], theirs: readonly string[]): string[] | null {
  // Nothing in common to anchor on: both inserted at one place, and the order is a guess.
  if (base.length === 0) return null;
  const ourWrap = wrapping(base, ours);
  if (ourWrap) return [...ourWrap.before, ...theirs, ...ourWrap.after];
  const theirWrap = wrapping(base, theirs);
  if (theirWrap) return [...theirWrap.before, ...ours, ...theirWrap.after];
  return null;
}

/** When `side` is `base` with lines added only before and/or after it, those lines. */
function wrapping(base: readonly string[], side: readonly string[]): { before: string[]; after: string[] } | null {
  if (side.length <= base.length) return null;
  for (let start = 0; start + base.length <= side.length; start += 1) {
    if (base.every((line, index) => side[start + index] === line)) {
      return { before: side.slice(0, start), after: side.slice(start + base.length) };
    }
  }
  return null;
}
