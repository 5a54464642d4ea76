/**
 * The dependency step of init: which file lists the dependencies (flag, detection, or a question
 * when several fit), read now so errors name its line; and whether the project itself is installed.
 */
import { lstat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { boolFlag, stringFlag } from '../../args/parse.ts';
import { UsageError } from '../../errors.ts';
import { readProjectRequirements } from '../../project/requirements.ts';
import type { FormatControl } from '../../requirements/format-control.ts';
import type { Requirement } from '../../requirements/types.ts';
import { detectDependencies, projectRelative, type DependencyDetection } from './detect-dependencies.ts';
import type { InitStepContext } from './steps.ts';
import type { PyprojectInfo } from './pyproject-info.ts';
import type { ProjectSnapshot } from './scan-project.ts';
import { isPlainRelativePath } from '../../validate/relative-path.ts';
import { lockKindOf, readLockText } from '../../requirements/lock-readers.ts';
import { emptyFormatControl } from '../../requirements/format-control.ts';
import { readInputText } from '../../project/read-input-file.ts';
import { assertInstallableLock } from '../../project/install-lock.ts';

export interface ReadDependencies {
  file: string;
  /** The requirements; for a lock, none yet: it is selected once the runtime is known (gather-init). */
  requirements: Requirement[];
  includes: string[];
  formats: FormatControl;
  /** A lock the image installs from: the names of every package it holds (what runs is detected from them). */
  lockNames?: string[];
}

/** --install-project / --no-install-project, else installed when the project is a package. */
export function resolveInstallProject({ flags, detected }: InitStepContext, snapshot: ProjectSnapshot, pyproject: PyprojectInfo | null): boolean {
  const installFlag = boolFlag(flags, 'install-project');
  const isPackage = pyproject?.hasBuildSystem ? 'pyproject.toml has a [build-system]' : snapshot.entries.get('setup.py') === 'file' ? 'setup.py exists' : null;
  if (installFlag && !isPackage && !pyproject?.hasProjectTable) throw new UsageError('--install-project needs a pyproject.toml or setup.py in the project');
  if (installFlag === undefined && isPackage) detected.push(`the project is a package (${isPackage}): the build stage installs it (--no-install-project: don't)`);
  return installFlag ?? isPackage !== null;
}

/** The dependency file and its requirements; throws a UsageError naming the flag when it cannot tell. */
export async function resolveDependencies(
  { flags, prompter, detected }: InitStepContext,
  {
    root,
    cwd,
    env,
    snapshot,
    pyproject,
    installProject,
  }: {
    root: string;
    cwd: string;
    env: Record<string, string | undefined>;
    snapshot: ProjectSnapshot;
    pyproject: PyprojectInfo | null;
    installProject: boolean;
  },
): Promise<{ deps: DependencyDetection; read: ReadDependencies }> {
  const requirementsFlag = stringFlag(flags, 'requirements-file');
  const deps = detectDependencies(snapshot, pyproject, {
    requirementsFile: requirementsFlag === undefined ? undefined : projectPathOf(root, cwd, requirementsFlag),
    pyproject: boolFlag(flags, 'pyproject'),
  });
  let file = deps.chosen?.file;
  if (deps.chosen) detected.push(`dependencies from ${deps.chosen.file} (${deps.chosen.reason})`);
  if (file === undefined) {
    if (deps.candidates.length > 1 && prompter) {
      file = await prompter.select({ message: 'Which file lists the dependencies?', choices: deps.candidates.map((path) => ({ name: path, value: path })) });
    } else if (deps.candidates.length > 1) {
      throw new UsageError(`cannot tell which requirements file to use (${deps.candidates.join(', ')}): pass --requirements-file`);
    } else {
      throw new UsageError(
        `no requirements*.txt or pyproject.toml [project] found in ${root}: pass --requirements-file PATH (an empty requirements.txt is fine for no dependencies)`,
      );
    }
  }
  let read = await readDependencies(root, projectRelative(file, '--requirements-file'), env);
  // `-e .` in requirements.txt installs the project itself: init does that from a copied source
  // tree (the requirements layer comes before the code), so such a file defers to pyproject.toml.
  const local = read.requirements.filter(isLocalRequirement);
  if (local.length > 0 && local.length === read.requirements.length && deps.chosen?.reason.startsWith('requirements.txt found') && pyproject?.hasProjectTable && installProject) {
    const shown = local.map((r) => `${r.editable ? '-e ' : ''}${r.text}`).join(', ');
    detected[detected.findIndex((line) => line.startsWith('dependencies from '))] =
      `dependencies from pyproject.toml (requirements.txt only installs the project itself: ${shown})`;
    read = await readDependencies(root, 'pyproject.toml', env);
  } else if (local.length > 0) {
    const first = local[0]!;
    const fix = pyproject?.hasProjectTable
      ? 'pass --pyproject, or --requirements-file with a file listing only the dependencies (the project itself is installed with --install-project)'
      : 'pass --requirements-file with a file listing only the dependencies';
    throw new UsageError(
      `${first.file}:${first.line}: ${first.text} installs from a local path, which the build stage cannot see when it installs the requirements (before the code is copied): ${fix}`,
    );
  }
  return { deps, read };
}

/** A path as typed: from the current directory when that lands inside DIR (tab completion), else relative to DIR. */
function projectPathOf(root: string, cwd: string, path: string): string {
  const fromCwd = relative(root, resolve(cwd, path));
  return fromCwd !== '' && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : path;
}

/** A requirement pip installs from a local path (`.`, `-e .`, `./libs/x`, `file:` URLs). */
function isLocalRequirement(requirement: Requirement): boolean {
  return requirement.editable || (requirement.url !== null && !/^[a-z][a-z0-9+.-]*:\/\//i.test(requirement.url)) || /^file:/i.test(requirement.url ?? '');
}

/** Reads the dependency file inside the project; its includes must be plain paths the Dockerfile can copy. */
async function readDependencies(root: string, file: string, env: Record<string, string | undefined>): Promise<ReadDependencies> {
  const stats = await lstat(join(root, file)).catch(() => null);
  if (!stats) throw new UsageError(`${join(root, file)} not found: pass --requirements-file with a file inside the project`);
  if (!stats.isFile()) throw new UsageError(`${join(root, file)} is not a regular file (a symlink?): the Dockerfile copies it, so pass a regular file`);
  const kind = lockKindOf(file);
  if (kind !== null) {
    const lock = readLockText(kind, await readInputText(join(root, file)), file);
    assertInstallableLock(kind, file, lock.markersRecorded ?? true);
    return { file, requirements: [], includes: [], formats: emptyFormatControl(), lockNames: lock.packages.map((pkg) => pkg.name) };
  }
  const parsed = await readProjectRequirements(root, file, env);
  for (const include of parsed.includes) {
    if (!isPlainRelativePath(include)) {
      throw new UsageError(`${file} includes ${JSON.stringify(include)}: rename it to a plain relative path inside the project so the Dockerfile can copy it`);
    }
  }
  return { file, requirements: parsed.all, includes: parsed.includes, formats: parsed.formats };
}
