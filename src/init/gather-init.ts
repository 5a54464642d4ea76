/**
 * Step 1 of init: read the project, detect what it needs, take flags over detection, ask only
 * what detection could not tell. Nothing is written here; every question comes before any disk work.
 */
import { lstat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { boolFlag, stringFlag, type ParsedArgs } from '../args/parse.ts';
import type { ApkAdjustments, CodeLayout } from '../config/project-config.ts';
import { inferApk, type InferredApk } from '../create/infer.ts';
import { UsageError } from '../errors.ts';
import { toAdjustments } from '../plan/apk-sets.ts';
import { readProjectRequirements } from '../project/requirements.ts';
import type { Prompter } from '../prompts/prompter.ts';
import type { FormatControl } from '../requirements/format-control.ts';
import { ARCHES, type Arch, type Requirement } from '../requirements/types.ts';
import { parsePyprojectDependencies } from '../requirements/index.ts';
import { parseApkList } from '../validate/apk-name.ts';
import { isFullyPinned } from '../project/lock-input.ts';
import { describeLocks } from './describe-locks.ts';
import { detectCommands } from './detect-command.ts';
import { detectDependencies, projectRelative } from './detect-dependencies.ts';
import { resolveHealth, resolveName, resolvePython, resolveRun, type InitStepContext } from './init-steps.ts';
import { readPyprojectInfo, type PyprojectInfo } from './pyproject-info.ts';
import { scanProject } from './scan-project.ts';

export interface InitAnswers {
  root: string;
  name: string;
  python: string;
  arches: Arch[];
  requirementsFile: string;
  requirements: Requirement[];
  includes: string[];
  /** `--no-binary` / `--only-binary` lines of the requirements files. */
  formats: FormatControl;
  code: CodeLayout;
  cmd: string[];
  port: number | null;
  health: string | undefined;
  inferred: InferredApk;
  buildDeps: ApkAdjustments;
  runtimeLibs: ApkAdjustments;
  /** What was detected, with the reasons (shown and reported). */
  detected: string[];
  /** Things found and not used, and why. */
  notes: string[];
}

export interface GatherInitContext {
  args: ParsedArgs;
  cwd: string;
  env: Record<string, string | undefined>;
  prompter: Prompter | null;
  /** Called once detection is done, before the first prompt: the interactive flow shows it. */
  showDetected?: (lines: readonly string[]) => void;
}

const SAFE_PATH = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/** Resolves every answer or throws a UsageError naming the flag to pass. */
export async function gatherInit({ args, cwd, env, prompter, showDetected }: GatherInitContext): Promise<InitAnswers> {
  const { flags, positionals } = args;
  const root = resolve(cwd, positionals[0] ?? '.');
  const snapshot = await scanProject(root);
  const pyprojectText = snapshot.texts.get('pyproject.toml');
  const pyproject = pyprojectText === undefined ? null : readPyprojectInfo(pyprojectText, join(root, 'pyproject.toml'));
  const missing: string[] = [];
  const detected: string[] = [];
  // Before the first question, the interactive flow shows everything detected so far.
  let shown = false;
  const asking = prompter && beforeEachPrompt(prompter, () => {
    if (shown || !showDetected) return;
    shown = true;
    showDetected([...detected, ...deps.notes.map((note) => `note: ${note}`)]);
  });
  const context: InitStepContext = {
    flags, prompter: asking, yes: boolFlag(flags, 'yes') === true, detected,
    need: (flag) => {
      if (!prompter && !context.yes) missing.push(flag);
    },
  };

  const name = resolveName(context, root, pyproject);
  // 1. Dependencies: which file, read now (errors name its line).
  const requirementsFlag = stringFlag(flags, 'requirements-file');
  const deps = detectDependencies(snapshot, pyproject, {
    requirementsFile: requirementsFlag === undefined ? undefined : projectPathOf(root, cwd, requirementsFlag),
    pyproject: boolFlag(flags, 'pyproject'),
  });
  let file = deps.chosen?.file;
  if (deps.chosen) detected.push(`dependencies from ${deps.chosen.file} (${deps.chosen.reason})`);
  const installFlag = boolFlag(flags, 'install-project');
  const isPackage = pyproject?.hasBuildSystem ? 'pyproject.toml has a [build-system]' : snapshot.entries.get('setup.py') === 'file' ? 'setup.py exists' : null;
  const installProject = installFlag ?? isPackage !== null;
  if (installFlag === undefined && isPackage) detected.push(`the project is a package (${isPackage}): pip installs it in the build stage (--no-install-project: don't)`);
  if (installFlag && !isPackage && !pyproject?.hasProjectTable) throw new UsageError('--install-project needs a pyproject.toml or setup.py in the project');

  if (file === undefined) {
    if (deps.candidates.length > 1 && asking) {
      file = await asking.select({ message: 'Which file lists the dependencies?', choices: deps.candidates.map((path) => ({ name: path, value: path })) });
    } else if (deps.candidates.length > 1) {
      throw new UsageError(`cannot tell which requirements file to use (${deps.candidates.join(', ')}): pass --requirements-file`);
    } else {
      throw new UsageError(`no requirements*.txt or pyproject.toml [project] found in ${root}: pass --requirements-file PATH (an empty requirements.txt is fine for no dependencies)`);
    }
  }
  let read = await readDependencies(root, projectRelative(file, '--requirements-file'), env);
  // `-e .` in requirements.txt installs the project itself: init does that from a copied source
  // tree (the requirements layer comes before the code), so such a file defers to pyproject.toml.
  const local = read.requirements.filter(isLocalRequirement);
  if (local.length > 0 && local.length === read.requirements.length && deps.chosen?.reason.startsWith('requirements.txt found') && pyproject?.hasProjectTable && installProject) {
    const shown = local.map((r) => `${r.editable ? '-e ' : ''}${r.text}`).join(', ');
    detected[detected.findIndex((line) => line.startsWith('dependencies from '))] = `dependencies from pyproject.toml (requirements.txt only installs the project itself: ${shown})`;
    read = await readDependencies(root, 'pyproject.toml', env);
  } else if (local.length > 0) {
    const first = local[0]!;
    const fix = pyproject?.hasProjectTable ? 'pass --pyproject, or --requirements-file with a file listing only the dependencies (the project itself is installed with --install-project)' : 'pass --requirements-file with a file listing only the dependencies';
    throw new UsageError(`${first.file}:${first.line}: ${first.text} installs from a local path, which the build stage cannot see when it installs the requirements (before the code is copied): ${fix}`);
  }

  // 2. What runs: servers need their server among the requirements (pyproject's too, when installed).
  const required = new Set(read.requirements.map((requirement) => requirement.name).filter((n): n is string => n !== null));
  if (installProject && pyprojectText !== undefined && read.file !== 'pyproject.toml') {
    for (const requirement of parsePyprojectDependencies(pyprojectText, 'pyproject.toml')) if (requirement.name) required.add(requirement.name);
  }
  const run = await resolveRun(context, detectCommands(snapshot, pyproject, required, installProject));
  const health = resolveHealth(context, run.port);
  // 3. The runtime last: its question (when the project does not say) comes after the detection summary.
  const runtime = await resolvePython(context, snapshot.texts.get('.python-version'), pyproject);
  if (missing.length > 0) throw new UsageError(`missing ${missing.join(', ')}: pass them, or --yes to accept the defaults (see init --help)`);
  const arches = [...ARCHES];
  const named = read.requirements.filter((requirement) => requirement.name !== null);
  const pinned = named.length > 0 && named.every((requirement) => requirement.specifiers.length === 1 && /^===?[^*]+$/.test(requirement.specifiers[0]!));
  const fullyPinned = isFullyPinned(read.requirements);
  if (fullyPinned) detected.push(`${read.file} pins every requirement with hashes: pip checks each download against them in the build`);
  const notes = [...deps.notes, ...(await describeLocks(root, deps.locks, { file: read.file, pinned, fullyPinned }, runtime, arches))];

  // 4. Alpine packages: inferred from the requirements, adjusted only by flags (no question: detected).
  const inferred = inferApk(read.requirements, runtime, arches, read.formats);
  const apk = (flag: 'build-deps' | 'runtime-libs', list: string[]): ApkAdjustments => {
    const value = stringFlag(flags, flag);
    return value === undefined ? { add: [], remove: [] } : toAdjustments(list, parseApkList(value, `--${flag}`));
  };
  return {
    root, name, python: runtime.id, arches, requirementsFile: read.file, requirements: read.requirements, includes: read.includes, formats: read.formats,
    code: installProject ? 'installed' : 'context', cmd: run.argv, port: run.port, health,
    inferred, buildDeps: apk('build-deps', inferred.build), runtimeLibs: apk('runtime-libs', inferred.runtime),
    detected, notes,
  };
}

/** A requirement pip installs from a local path (`.`, `-e .`, `./libs/x`, `file:` URLs). */
function isLocalRequirement(requirement: Requirement): boolean {
  return requirement.editable || (requirement.url !== null && !/^[a-z][a-z0-9+.-]*:\/\//i.test(requirement.url)) || /^file:/i.test(requirement.url ?? '');
}

/** The same prompter, calling `first` before each question (it acts once). */
function beforeEachPrompt(prompter: Prompter, first: () => void): Prompter {
  return {
    input: (options) => (first(), prompter.input(options)),
    select: (options) => (first(), prompter.select(options)),
    confirm: (options) => (first(), prompter.confirm(options)),
    checkbox: (options) => (first(), prompter.checkbox(options)),
  };
}

/** A path as typed: from the current directory when that lands inside DIR (tab completion), else relative to DIR. */
function projectPathOf(root: string, cwd: string, path: string): string {
  const fromCwd = relative(root, resolve(cwd, path));
  return fromCwd !== '' && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : path;
}

async function readDependencies(root: string, file: string, env: Record<string, string | undefined>): Promise<{ file: string; requirements: Requirement[]; includes: string[]; formats: FormatControl }> {
  const stats = await lstat(join(root, file)).catch(() => null);
  if (!stats) throw new UsageError(`${join(root, file)} not found: pass --requirements-file with a file inside the project`);
  if (!stats.isFile()) throw new UsageError(`${join(root, file)} is not a regular file (a symlink?): the Dockerfile copies it, so pass a regular file`);
  const parsed = await readProjectRequirements(root, file, env);
  for (const include of parsed.includes) {
    if (!SAFE_PATH.test(include) || include.split('/').includes('..')) {
      throw new UsageError(`${file} includes ${JSON.stringify(include)}: rename it to a plain relative path inside the project so the Dockerfile can copy it`);
    }
  }
  return { file, requirements: parsed.all, includes: parsed.includes, formats: parsed.formats };
}
