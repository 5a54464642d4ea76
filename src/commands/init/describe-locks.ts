/**
 * What init says about a project's lock files, read with the lock readers
 * (src/project/lock-input.ts) for the chosen runtime: how many packages they pin and whether
 * with hashes, when it is not the file the image installs from; for a declared dependency file,
 * the note names the export that makes it install exactly the locked versions.
 */
import { join } from 'node:path';
import { readLockedInput, type LockedInput } from '../../project/lock-input.ts';
import type { PythonRuntime } from '../../target/runtimes.ts';
import type { LockKind } from '../../requirements/lock-select.ts';
import type { Arch } from '../../requirements/types.ts';

/** How to turn a Poetry 1 lock into a requirements file pip installs (the other locks are installed as they are). */
const EXPORTS: Pick<Record<LockKind, string>, 'poetry'> = {
  // https://github.com/python-poetry/poetry-plugin-export
  poetry: 'poetry export -f requirements.txt -o requirements.txt, with poetry-plugin-export',
};

/** One note per lock file; a lock that cannot be read gets a note with the reader's message. */
export async function describeLocks(
  root: string,
  locks: readonly string[],
  dependency: { file: string; pinned: boolean; fullyPinned: boolean; locked?: boolean },
  runtime: Pick<PythonRuntime, 'version' | 'fullVersion'>,
  arches: readonly Arch[],
): Promise<string[]> {
  const notes: string[] = [];
  for (const file of locks) {
    let input: LockedInput;
    try {
      input = await readLockedInput(join(root, file), file, { python: runtime.version, full: runtime.fullVersion, arches });
    } catch (error) {
      notes.push(`${file} could not be read (${(error as Error).message.split('\n')[0]}); dependencies come from ${dependency.file}`);
      continue;
    }
    const pinned = `${input.requirements.length} package${input.requirements.length === 1 ? '' : 's'} for CPython ${runtime.version}${input.hashed ? ', with hashes' : ', without hashes'}`;
    // uv.lock and pylock.toml can drive the install themselves (uv); a poetry.lock needs its export.
    const exportHint = input.markersRecorded
      ? `for an image of exactly these pins, pass --requirements-file ${file} (${input.kind === 'poetry' ? 'pip' : 'uv'} installs it)`
      : `for exactly the locked versions, lock again with Poetry 2, or export them (${EXPORTS.poetry}) and pass --requirements-file requirements.txt`;
    notes.push(
      dependency.locked
        ? `${file} pins ${pinned}; the image installs ${dependency.file} (pass --requirements-file ${file} for this one)`
        : dependency.fullyPinned
          ? `${file} pins ${pinned}; the image installs ${dependency.file}, pinned with hashes as well (keep the two in step)`
          : dependency.pinned
            ? `${file} pins ${pinned}; the image installs ${dependency.file}, whose own requirements are pinned but whose dependencies resolve at build time: ${exportHint}`
            : `${file} pins ${pinned}; the image installs from ${dependency.file}'s ranges, not these pins: ${exportHint}`,
    );
  }
  return notes;
}
