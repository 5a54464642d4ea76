/**
 * Whether a lock file was made for the image's Python: uv refuses to install a lock whose
 * `requires-python` excludes the interpreter ("incompatible with the project's Python
 * requirement"), and the wheels it lists are those of its own Python versions, so every decision
 * taken from it would be about another interpreter. Pure.
 */
import { satisfies, validRange } from '@renovatebot/pep440';
import type { Problem } from '../knowledge/decisions.ts';

/** A problem naming the lock's Python when the image's full version (e.g. 3.12.13) is outside it; else null. */
export function lockPythonProblem(file: string, requiresPython: string | null, python: { version: string; full: string }): Problem | null {
  if (requiresPython === null || !validRange(requiresPython)) return null;
  if (satisfies(python.full, requiresPython)) return null;
  return {
    name: file,
    message: `${file} was locked for Python ${requiresPython} (its requires-python), not CPython ${python.full}: uv sync refuses it there and the wheels it lists are for other versions; pass --python with a version it allows, or lock again for ${python.version}`,
  };
}
