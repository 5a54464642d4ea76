/**
 * Whether requirements are a project's whole dependency set already: read from a lock file
 * (uv.lock, poetry.lock, pylock.toml: every package the lock installs on the target) or a fully
 * pinned pip-compile file (every requirement `==` with `--hash`). Online, no dependency of such a
 * set needs following: each project is only asked about.
 */
import { isFullyPinned } from '../requirements/pinned.ts';
import { lockKindOf } from '../requirements/lock-readers.ts';
import type { Requirement } from '../requirements/types.ts';

/** True for a lock's or a pip-compile --generate-hashes file's requirements. */
export function isCompleteSet(requirements: readonly Requirement[]): boolean {
  if (requirements.length === 0) return false;
  return requirements.every((requirement) => lockKindOf(requirement.file) !== null) || isFullyPinned(requirements);
}
