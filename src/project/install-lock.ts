/**
 * A project whose dependency file is a lock the image installs from (slim-python.json v3
 * `requirements`: uv.lock with `uv sync --frozen`, pylock.toml with `uv pip install`, a Poetry 2
 * poetry.lock with `pip install --no-deps` of its main group and hashes): the locked
 * set read for the config's target, refused (exit 2) where the install would fail or install
 * something else than what was decided.
 */
import { lstat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { UsageError } from '../errors.ts';
import type { Arch } from '../requirements/types.ts';
import type { LockKind } from '../requirements/lock-select.ts';
import type { PythonRuntime } from '../target/runtimes.ts';
import { readLockedInput, type LockedInput } from './lock-input.ts';
import { lockPythonProblem } from './lock-python.ts';

/**
 * A poetry.lock drives the install only when Poetry 2 recorded each package's groups and markers
 * (the build stage lists its main group from them); a Poetry 1 lock would need Poetry's resolver.
 */
export function assertInstallableLock(kind: LockKind, file: string, markersRecorded: boolean): void {
  if (kind === 'poetry' && !markersRecorded) {
    throw new UsageError(
      `${file} was written by Poetry 1 (no groups and markers per package): lock again with Poetry 2, or export it (poetry export -f requirements.txt -o requirements.txt) and pass --requirements-file requirements.txt`,
    );
  }
}

/** Reads the lock `file` (relative to `root`) for the image's Python and architectures; UsageError when the image cannot install from it. */
export async function readInstallLock(
  root: string,
  file: string,
  target: { runtime: Pick<PythonRuntime, 'version' | 'fullVersion'>; arches: readonly Arch[] },
): Promise<LockedInput> {
  const input = await readLockedInput(join(root, file), file, { python: target.runtime.version, full: target.runtime.fullVersion, arches: target.arches });
  assertInstallableLock(input.kind, file, input.markersRecorded);
  // With the lock driving the install this is an error, not a warning: uv refuses to install it.
  const problem = lockPythonProblem(file, input.requiresPython, { version: target.runtime.version, full: target.runtime.fullVersion });
  if (problem) throw new UsageError(problem.message);
  if (input.kind === 'uv') {
    const pyproject = posix.join(posix.dirname(file), 'pyproject.toml');
    const stats = await lstat(join(root, pyproject)).catch(() => null);
    if (!stats?.isFile()) throw new UsageError(`${file} needs the pyproject.toml beside it (uv sync reads both): ${pyproject} is not a regular file`);
  }
  return input;
}
