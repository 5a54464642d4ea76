/** Fully pinned requirements files (pip-compile --generate-hashes output): a lock in pip's own format. Pure. */
import type { Requirement } from './types.ts';

/**
 * Whether a requirements file is a full lock in pip's own format (pip-compile --generate-hashes):
 * every named requirement pinned with `==` to one release and carrying --hash options. pip then
 * runs in hash-checking mode by itself, so the Dockerfile's `pip install -r` enforces them.
 */
export function isFullyPinned(requirements: readonly Requirement[]): boolean {
  const named = requirements.filter((requirement) => requirement.name !== null);
  return (
    named.length > 0 &&
    named.every(
      (requirement) =>
        requirement.url === null &&
        requirement.specifiers.length === 1 &&
        /^===?[^*]+$/.test(requirement.specifiers[0]!) &&
        requirement.options.some((option) => option.startsWith('--hash=')),
    )
  );
}
