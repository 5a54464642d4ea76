/**
 * The final Alpine package lists: what the decisions infer, adjusted by what the user added or
 * removed (kept in the config as a delta, so that inferred packages follow requirement changes).
 */
import { byName } from './../sort.ts';
import type { ApkAdjustments } from '../project/config.ts';
import type { ApkReason } from '../knowledge/decisions.ts';
import { UsageError } from '../errors.ts';
import { editDistance } from '../knowledge/apk-suggest.ts';

export interface ApkLine {
  name: string;
  /** Why it is there, in words: the Dockerfile comment. */
  reason: string;
  /** The projects that need it (sorted); empty for a package of yours or of the tool. */
  for: string[];
  /** Who put it there: the decisions, you (slim-python.json), or the tool (every image has it). */
  by: 'decisions' | 'you' | 'tool';
}

/** Applies the user's adjustments to an inferred list; sorted by name. */
export function resolveApkList(inferred: readonly ApkReason[], adjustments: ApkAdjustments, verb: string): ApkLine[] {
  const lines = new Map<string, ApkLine>();
  for (const item of inferred) {
    if (adjustments.remove.includes(item.name)) continue;
    lines.set(item.name, { name: item.name, reason: `${verb} ${item.for.join(', ')}`, for: [...item.for], by: 'decisions' });
  }
  for (const name of adjustments.add) {
    if (!lines.has(name)) lines.set(name, { name, reason: 'added by you (slim-python.json)', for: [], by: 'you' });
  }
  return [...lines.values()].sort(byName);
}

/**
 * Turns a full list the user typed (flag or prompt) into adjustments against the inferred list;
 * entries written `+name` / `-name` adjust the inferred list directly. An empty list is a plain
 * list too: it replaces the inferred one with nothing (`--runtime-libs ""`).
 */
export function toAdjustments(
  inferred: readonly string[],
  entries: readonly { op: 'set' | 'add' | 'remove'; name: string }[],
  previous: ApkAdjustments = { add: [], remove: [] },
): ApkAdjustments {
  const hasSet = entries.length === 0 || entries.some((entry) => entry.op === 'set');
  // "-name" for a package that is neither inferred nor added (nor removed before) removes nothing: a typo.
  const removable = new Set([...inferred, ...previous.add, ...previous.remove, ...entries.filter((e) => e.op !== 'remove').map((e) => e.name)]);
  for (const entry of entries) {
    if (entry.op !== 'remove' || removable.has(entry.name)) continue;
    const listed = currentList(inferred, previous);
    const near = [...removable].sort().find((name) => editDistance(name, entry.name) <= 2);
    throw new UsageError(
      `-${entry.name} removes nothing: ${entry.name} is not in the list (${listed.length > 0 ? listed.join(', ') : 'empty'})${near ? `; did you mean -${near}?` : ''}`,
    );
  }
  const wanted = new Set(hasSet ? [] : currentList(inferred, previous));
  for (const entry of entries) {
    if (entry.op === 'remove') wanted.delete(entry.name);
    else wanted.add(entry.name);
  }
  return adjustmentsFor(inferred, wanted);
}

/** The adjustments that turn the inferred list into exactly the wanted one. */
export function adjustmentsFor(inferred: readonly string[], wanted: Iterable<string>): ApkAdjustments {
  const wantedSet = new Set(wanted);
  const inferredSet = new Set(inferred);
  return {
    add: [...wantedSet].filter((name) => !inferredSet.has(name)).sort(),
    remove: [...inferredSet].filter((name) => !wantedSet.has(name)).sort(),
  };
}

/** The list the user currently sees: inferred plus additions minus removals. */
export function currentList(inferred: readonly string[], adjustments: ApkAdjustments): string[] {
  const set = new Set(inferred.filter((name) => !adjustments.remove.includes(name)));
  for (const name of adjustments.add) set.add(name);
  return [...set].sort();
}
