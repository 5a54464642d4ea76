/**
 * A project's full dependency set from a lock file (uv.lock, poetry.lock, pylock.toml) or a fully
 * pinned pip-compile file: every package, transitive ones included, becomes a pinned requirement,
 * and the files the lock lists decide its wheel status, all offline. The entry point for callers
 * (explain, and `init` when it finds these files).
 */
import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.ts';
import { lockKindOf, readLockText } from '../requirements/lock-readers.ts';
import { lockedFiles, lockedRequirements, selectLocked, type LockedPackage, type LockKind } from '../requirements/lock-select.ts';
import type { Arch, Requirement } from '../requirements/types.ts';

export interface LockedInput {
  kind: LockKind;
  /** Pinned requirements (name==version) of every package installing on the target. */
  requirements: Requirement[];
  /** Project -> the distribution files the lock lists (for decide's `locked`). */
  files: Map<string, string[]>;
  /** Whether every selected registry package has hashes in the lock. */
  hashed: boolean;
  /** The lock's `requires-python` (uv.lock, pylock.toml), or null. */
  requiresPython: string | null;
  /** poetry.lock written by Poetry 2 (groups and markers per package); true for the other kinds. */
  markersRecorded: boolean;
}

export { lockKindOf };
export { isFullyPinned } from '../requirements/pinned.ts';

/** Reads the lock at `path` (shown as `file`) and selects what installs on CPython `python` on any of `arches`. */
export async function readLockedInput(path: string, file: string, target: { python: string; full?: string; arches: readonly Arch[] }): Promise<LockedInput> {
  const kind = lockKindOf(path);
  if (kind === null) throw new UsageError(`${file} is not a lock file this tool reads (uv.lock, poetry.lock, pylock.toml)`);
  const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  const lock = readLockText(kind, text, file);
  const selected = new Set<LockedPackage>();
  for (const arch of target.arches) {
    for (const pkg of selectLocked(lock, { python: target.python, arch, ...(target.full ? { full: target.full } : {}) })) selected.add(pkg);
  }
  const packages = lock.packages.filter((pkg) => selected.has(pkg));
  const registry = packages.filter((pkg) => pkg.source === 'registry');
  return {
    kind,
    requirements: lockedRequirements(packages, file),
    files: lockedFiles(packages),
    hashed: registry.length > 0 && registry.every((pkg) => pkg.hashed),
    requiresPython: lock.requiresPython ?? null,
    markersRecorded: lock.markersRecorded ?? true,
  };
}
