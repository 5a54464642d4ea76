/**
 * Alpine package names the user adds are checked against the names this tool has seen in
 * Alpine's APKBUILDs (src/knowledge/alpine/*.json). A name it does not know but that is one or
 * two edits away from one it knows is most likely a typo (`libpq-devv`): warn with the nearest
 * name. Unknown names with no near neighbour pass silently: Alpine has thousands of packages.
 */
import { loadAlpineNames } from './load.ts';
/** The packages a config adds to or removes from an inferred list (ApkAdjustments in project/config.ts). */
interface ApkAdjustments {
  add: readonly string[];
  remove: readonly string[];
}

let known: string[] | undefined;

function knownNames(): string[] {
  known ??= Object.keys(loadAlpineNames()).sort();
  return known;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** The known name nearest to `name` when `name` is unknown and close enough to be a typo. */
export function suggestApkName(name: string, names: readonly string[] = knownNames()): string | null {
  if (name.startsWith('so:') || name.startsWith('cmd:') || names.includes(name)) return null;
  // One edit for short names (tini is not a typo of tiff), two for longer ones (zlib-devel).
  const limit = name.length >= 8 ? 2 : 1;
  let best: { name: string; distance: number } | null = null;
  for (const candidate of names) {
    if (Math.abs(candidate.length - name.length) > limit) continue;
    const distance = editDistance(name, candidate);
    if (distance <= limit && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name ?? null;
}

/** Warnings for added package names that look like typos of known Alpine names. */
export function warnApkTypos(lists: { buildDeps: ApkAdjustments; runtimeLibs: ApkAdjustments }): string[] {
  const warnings: string[] = [];
  for (const [label, adjustments] of [
    ['build', lists.buildDeps],
    ['runtime', lists.runtimeLibs],
  ] as const) {
    for (const name of adjustments.add) {
      const nearest = suggestApkName(name);
      if (nearest) {
        warnings.push(`Alpine ${label} package "${name}" is not a name this tool knows: did you mean "${nearest}"? (kept as given; apk fails at build time if it does not exist)`);
      }
    }
  }
  return warnings;
}
