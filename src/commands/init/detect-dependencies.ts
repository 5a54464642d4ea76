/**
 * Where an existing project's dependencies are: a flag, else requirements.txt, pyproject.toml's
 * [project], or the one requirements file not for development. Pure over the scan. A uv.lock
 * beside a pyproject.toml [project], or a pylock.toml, comes first: the image installs exactly what
 * it pins, with uv (src/plan/lock-install.ts). Other lock files (poetry.lock, a lock not chosen) are
 * found here and described by src/commands/init/describe-locks.ts once the runtime is known.
 */
import { posix } from 'node:path';
import { UsageError } from '../../errors.ts';
import { lockKindOf } from '../../project/lock-input.ts';
import type { PyprojectInfo } from './pyproject-info.ts';
import type { ProjectSnapshot } from './scan-project.ts';
import { isPlainRelativePath } from '../../validate/relative-path.ts';

export interface DependencyChoice {
  /** Relative path of the file the dependencies are read from (the config's "requirements"). */
  file: string;
  reason: string;
}

export interface DependencyDetection {
  chosen: DependencyChoice | null;
  /** Equally likely files when detection cannot choose (asked, or named in the error). */
  candidates: string[];
  /** What else was found and why it is not used. */
  notes: string[];
  /** Lock files at the top of the project. */
  locks: string[];
}

/** Requirements files for development only: never chosen by detection. */
const DEV_ONLY = /(^|[-_./])(dev|devel|develop|test|tests|testing|lint|docs?|ci|typing)([-_.]|$)/;

/** Chooses the dependency file, from `--requirements-file` / `--pyproject` first. */
export function detectDependencies(snapshot: ProjectSnapshot, pyproject: PyprojectInfo | null, flags: { requirementsFile?: string; pyproject?: boolean }): DependencyDetection {
  const notes: string[] = [];
  const locks = [...snapshot.entries].filter(([name, kind]) => kind === 'file' && lockKindOf(name) !== null).map(([name]) => name);
  if (pyproject?.hasPoetryDependencies && !pyproject.hasDependencies) {
    notes.push('pyproject.toml has [tool.poetry.dependencies], which is not read: export them (poetry export -o requirements.txt) or move them to [project] dependencies');
  }
  if (pyproject?.dynamicDependencies) notes.push('pyproject.toml declares its dependencies dynamic: they install with the project, not in a cached layer of their own');
  if (flags.requirementsFile !== undefined && flags.pyproject) throw new UsageError('pass either --requirements-file or --pyproject, not both');
  if (flags.pyproject) {
    if (!pyproject) throw new UsageError(`--pyproject: ${posix.join(snapshot.root, 'pyproject.toml')} not found`);
    return { chosen: { file: 'pyproject.toml', reason: 'as --pyproject says' }, candidates: [], notes, locks };
  }
  if (flags.requirementsFile !== undefined) {
    return { chosen: { file: projectRelative(flags.requirementsFile, '--requirements-file'), reason: 'as --requirements-file says' }, candidates: [], notes, locks };
  }
  // The full dependency set, locked: installed as it is (uv sync --frozen / uv pip install).
  if (locks.includes('uv.lock') && pyproject?.hasProjectTable) {
    return { chosen: { file: 'uv.lock', reason: 'uv.lock found beside pyproject.toml: uv sync --frozen installs exactly its pins' }, candidates: [], notes, locks };
  }
  if (locks.includes('pylock.toml')) {
    return { chosen: { file: 'pylock.toml', reason: 'pylock.toml found: uv pip install installs exactly its pins' }, candidates: [], notes, locks };
  }
  if (snapshot.requirementFiles.includes('requirements.txt')) {
    const also = pyproject?.hasDependencies ? ' (pyproject.toml lists dependencies too: requirements.txt usually pins them)' : '';
    return { chosen: { file: 'requirements.txt', reason: `requirements.txt found${also}` }, candidates: [], notes, locks };
  }
  if (pyproject?.hasProjectTable) {
    return { chosen: { file: 'pyproject.toml', reason: 'pyproject.toml has a [project] table (no requirements.txt)' }, candidates: [], notes, locks };
  }
  const runtime = snapshot.requirementFiles.filter((file) => !DEV_ONLY.test(file.replace(/^requirements\//, '').replace(/\.txt$/, '')));
  if (runtime.length === 1)
    return { chosen: { file: runtime[0]!, reason: `${runtime[0]} is the only requirements file that is not for development` }, candidates: [], notes, locks };
  return { chosen: null, candidates: runtime, notes, locks };
}

/** A path given for the project's dependencies must stay inside DIR: the Dockerfile copies it. */
export function projectRelative(path: string, flag: string): string {
  const normalized = posix.normalize(path.split('\\').join('/')).replace(/^\.\//, '');
  if (posix.isAbsolute(normalized) || normalized === '..' || normalized.startsWith('../')) {
    throw new UsageError(`${flag} ${JSON.stringify(path)} must be a path inside the project directory (the Dockerfile copies it from the build context)`);
  }
  if (!isPlainRelativePath(normalized)) {
    throw new UsageError(`${flag} ${JSON.stringify(path)}: use a plain relative path (letters, digits, ".", "_", "-", "/") so the Dockerfile can copy it`);
  }
  return normalized;
}
