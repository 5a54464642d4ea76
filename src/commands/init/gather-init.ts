/**
 * Step 1 of init: read the project, detect what it needs, take flags over detection, ask only
 * what detection could not tell. Nothing is written here; every question comes before any disk work.
 */
import { join, resolve } from 'node:path';
import { boolFlag, stringFlag, type ParsedArgs } from '../../args/parse.ts';
import type { ApkAdjustments, CodeLayout } from '../../project/config.ts';
import { inferApk, type InferredApk } from '../../knowledge/infer-apk.ts';
import { UsageError } from '../../errors.ts';
import { toAdjustments } from '../../plan/apk-sets.ts';
import { isFullyPinned } from '../../project/lock-input.ts';
import type { Prompter } from '../../io/prompter.ts';
import type { FormatControl } from '../../requirements/format-control.ts';
import { parsePyprojectDependencies } from '../../requirements/index.ts';
import { ARCHES, type Arch, type Requirement } from '../../requirements/types.ts';
import { parseApkList } from '../../validate/apk-name.ts';
import { resolveDependencies, resolveInstallProject } from './dependency-step.ts';
import { describeLocks } from './describe-locks.ts';
import { detectCommands } from './detect-command.ts';
import type { DependencyDetection } from './detect-dependencies.ts';
import { resolveHealth, resolveName, resolvePython, resolveRun, type InitStepContext } from './steps.ts';
import { readPyprojectInfo } from './pyproject-info.ts';
import { scanProject } from './scan-project.ts';
import { readInstallLock } from '../../project/install-lock.ts';

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
  /** The dependencies are a lock the image installs from: project -> the files it lists. */
  locked?: Map<string, string[]>;
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
  let deps: DependencyDetection | undefined;
  let shown = false;
  const asking =
    prompter &&
    beforeEachPrompt(prompter, () => {
      if (shown || !showDetected) return;
      shown = true;
      showDetected([...detected, ...(deps?.notes ?? []).map((note) => `note: ${note}`)]);
    });
  const context: InitStepContext = {
    flags,
    prompter: asking,
    yes: boolFlag(flags, 'yes') === true,
    detected,
    need: (flag) => {
      if (!prompter && !context.yes) missing.push(flag);
    },
  };

  const name = resolveName(context, root, pyproject);
  // 1. Dependencies: which file (read now: errors name its line), and whether the project is installed.
  const installProject = resolveInstallProject(context, snapshot, pyproject);
  const resolved = await resolveDependencies(context, { root, cwd, env, snapshot, pyproject, installProject });
  deps = resolved.deps;
  const read = resolved.read;

  // 2. What runs: servers need their server among the requirements (pyproject's too, when installed).
  const required = new Set([...read.requirements.map((requirement) => requirement.name).filter((n): n is string => n !== null), ...(read.lockNames ?? [])]);
  if (installProject && pyprojectText !== undefined && read.file !== 'pyproject.toml') {
    for (const requirement of parsePyprojectDependencies(pyprojectText, 'pyproject.toml')) if (requirement.name) required.add(requirement.name);
  }
  const run = await resolveRun(context, detectCommands(snapshot, pyproject, required, installProject));
  const health = resolveHealth(context, run.port);
  // 3. The runtime last: its question (when the project does not say) comes after the detection summary.
  const runtime = await resolvePython(context, snapshot.texts.get('.python-version'), pyproject);
  if (missing.length > 0) throw new UsageError(`missing ${missing.join(', ')}: pass them, or --yes to accept the defaults (see init --help)`);
  const arches = [...ARCHES];
  // A lock is selected for the runtime, now known; refused (exit 2) where uv could not install it.
  const lock = read.lockNames ? await readInstallLock(root, read.file, { runtime, arches }) : null;
  if (lock) {
    read.requirements = lock.requirements;
    detected.push(
      `${read.file} pins ${lock.requirements.length} package${lock.requirements.length === 1 ? '' : 's'} for CPython ${runtime.version}${lock.hashed ? `, with hashes: ${lock.kind === 'poetry' ? 'pip' : 'uv'} checks each download against them` : ' (without hashes: the versions are pinned, the downloads unchecked)'}`,
    );
  }
  const named = read.requirements.filter((requirement) => requirement.name !== null);
  const pinned = named.length > 0 && named.every((requirement) => requirement.specifiers.length === 1 && /^===?[^*]+$/.test(requirement.specifiers[0]!));
  const fullyPinned = isFullyPinned(read.requirements);
  if (fullyPinned) detected.push(`${read.file} pins every requirement with hashes: pip checks each download against them in the build`);
  const otherLocks = deps.locks.filter((file) => file !== read.file);
  const notes = [...deps.notes, ...(await describeLocks(root, otherLocks, { file: read.file, pinned, fullyPinned, locked: lock !== null }, runtime, arches))];

  // 4. Alpine packages: inferred from the requirements, adjusted only by flags (no question: detected).
  const inferred = inferApk(read.requirements, runtime, arches, read.formats, lock?.files);
  const apk = (flag: 'build-deps' | 'runtime-libs', list: string[]): ApkAdjustments => {
    const value = stringFlag(flags, flag);
    return value === undefined ? { add: [], remove: [] } : toAdjustments(list, parseApkList(value, `--${flag}`));
  };
  return {
    root,
    name,
    python: runtime.id,
    arches,
    requirementsFile: read.file,
    requirements: read.requirements,
    includes: read.includes,
    formats: read.formats,
    ...(lock ? { locked: lock.files } : {}),
    code: installProject ? 'installed' : 'context',
    cmd: run.argv,
    port: run.port,
    health,
    inferred,
    buildDeps: apk('build-deps', inferred.build),
    runtimeLibs: apk('runtime-libs', inferred.runtime),
    detected,
    notes,
  };
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
