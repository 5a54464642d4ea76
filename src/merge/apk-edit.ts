/**
 * A package the user added to (or removed from) a generated `apk add` line, recognised inside a
 * conflict: the new render's line gets the same change, and a note names the flag that records
 * it in slim-python.json (after which no hand edit is needed). Any other edit on the line is
 * left as a conflict: it is not guessed at.
 */

// `apk add --no-cache` and its package names, on one line or continued one per line.
const APK_ADD = /(apk add --no-cache)((?:(?:[ \t]+\\\n[ \t]*|[ \t]+)[a-z0-9][a-z0-9._+:-]*)*)/g;

interface ApkSpan {
  packages: string[];
  /** The text with the package list cut out: what must be equal on both sides. */
  frame: string;
  text: string;
  start: number;
  end: number;
}

function findApkSpan(text: string): ApkSpan | null {
  const matches = [...text.matchAll(APK_ADD)];
  if (matches.length !== 1) return null;
  const match = matches[0]!;
  const start = match.index! + match[1]!.length;
  const end = match.index! + match[0].length;
  const packages = match[2]!.split(/[\s\\]+/).filter((token) => token !== '');
  return { packages, frame: text.slice(0, start) + text.slice(end), text, start, end };
}

/**
 * For a conflict that stays a conflict: the packages ours added to the block's apk add line,
 * as hints naming the flag that would make the hand edit unnecessary.
 */
export function hintApkAdditions(base: readonly string[], ours: readonly string[], stage: 'build' | 'runtime'): string[] {
  const [o, a] = [base, ours].map((block) => findApkSpan(block.join('\n')));
  if (!o || !a) return [];
  const flag = stage === 'build' ? '--build-deps' : '--runtime-libs';
  return a.packages
    .filter((name) => !o.packages.includes(name))
    .map((name) => `you added ${name} to a generated apk add line: \`update ${flag} +${name}\` records it, so regenerations keep it without a hand edit`);
}

export interface ApkEditResolution {
  lines: string[];
  notes: string[];
}

/**
 * Resolves a conflict block when ours differs from base only by packages of its one apk add
 * line, and theirs has one apk add line too. `stage` picks the flag named in the note.
 */
export function resolveApkEdit(base: readonly string[], ours: readonly string[], theirs: readonly string[], stage: 'build' | 'runtime'): ApkEditResolution | null {
  const [o, a, b] = [base, ours, theirs].map((block) => findApkSpan(block.join('\n')));
  if (!o || !a || !b || o.frame !== a.frame) return null;
  const added = a.packages.filter((name) => !o.packages.includes(name));
  const removed = o.packages.filter((name) => !a.packages.includes(name));
  if (added.length === 0 && removed.length === 0) return null;
  const packages = [...b.packages.filter((name) => !removed.includes(name)), ...added.filter((name) => !b.packages.includes(name))];
  const span = b.text.slice(b.start, b.end);
  // Keep the new render's layout: one package per continued line, or all on the line.
  const indent = /\\\n([ \t]*)/.exec(span)?.[1];
  const rendered = indent === undefined ? packages.map((name) => ` ${name}`).join('') : packages.map((name) => ` \\\n${indent}${name}`).join('');
  const text = b.text.slice(0, b.start) + rendered + b.text.slice(b.end);
  const flag = stage === 'build' ? '--build-deps' : '--runtime-libs';
  const notes = [
    ...added.map((name) => `you added ${name} to a generated apk add line: kept; record it with \`update ${flag} +${name}\` so the tool keeps it for you`),
    ...removed.map((name) => `you removed ${name} from a generated apk add line: kept removed; record it with \`update ${flag}=-${name}\``),
  ];
  return { lines: text.split('\n'), notes };
}
