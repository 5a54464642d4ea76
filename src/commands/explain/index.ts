/**
 * `create-slim-python explain`: for a project or a requirements file, what each requirement
 * needs on Alpine and why; with --online, what the real package index says.
 */
import { resolve } from 'node:path';
import { boolFlag, formatHelp, parseCommandArgs, stringFlag } from '../../args/parse.ts';
import type { Io } from '../../io/io.ts';
import { UsageError } from '../../errors.ts';
import { buildExplainDocument, formatExplain } from './document.ts';
import { enforceStrict } from '../../knowledge/strict.ts';
import { findProjectRoot, loadProject } from '../../project/load-project.ts';
import { decideRequirements, targetOfConfig } from '../../knowledge/pipeline.ts';
import type { ProjectConfig } from '../../project/config.ts';
import { readProjectRequirements } from '../../project/requirements.ts';
import { DEFAULT_PYTHON } from '../../target/runtimes.ts';
import { emptyFormatControl, type FormatControl } from '../../requirements/format-control.ts';
import { lockKindOf, readLockedInput } from '../../project/lock-input.ts';
import { lockPythonProblem } from '../../project/lock-python.ts';
import type { Decisions, Problem } from '../../knowledge/decisions.ts';
import { ARCHES, type Arch, type Requirement } from '../../requirements/types.ts';
import { assertPython } from '../../validate/values.ts';
import { EXPLAIN_SPEC } from './spec.ts';
import { EXIT_CODES_HELP } from '../../errors.ts';

/** Runs explain; returns the exit code. */
export async function runExplain(argv: readonly string[], io: Io): Promise<number> {
  const { flags, positionals } = parseCommandArgs(EXPLAIN_SPEC, argv);
  if (boolFlag(flags, 'help')) {
    io.stdout.write(formatHelp(EXPLAIN_SPEC, EXIT_CODES_HELP));
    return 0;
  }
  // Flags that only mean something with --online would otherwise be ignored without a word.
  if (!boolFlag(flags, 'online')) {
    for (const flag of ['write', 'pip'] as const) {
      if (flags[flag] !== undefined && flags[flag] !== false) throw new UsageError(`--${flag} works with --online only: add --online`);
    }
  }
  const file = stringFlag(flags, 'requirements-file');
  if (file !== undefined && positionals.length > 0) throw new UsageError('pass either a project DIR or --requirements-file, not both');
  const archFlag = stringFlag(flags, 'arch');
  if (archFlag !== undefined && !(ARCHES as readonly string[]).includes(archFlag)) throw new UsageError(`invalid --arch ${JSON.stringify(archFlag)}: use ${ARCHES.join(' or ')}`);
  // pip answers for one platform per run: --online asks about one architecture.
  const arch = (archFlag ?? 'x86_64') as Arch;

  let requirements: Requirement[];
  let formats: FormatControl = emptyFormatControl();
  // From a lock file: the files it lists per project (its wheels and sdist).
  let locked: Map<string, string[]> | undefined;
  let lockProblem: Problem | null = null;
  let pythonId = stringFlag(flags, 'python');
  let root: string | null = null;
  let config: ProjectConfig | null = null;
  let projectLock: Map<string, string[]> | undefined;
  if (file !== undefined) {
    const path = resolve(io.cwd, file);
    if (lockKindOf(path) !== null) {
      // A lock holds the whole dependency set, selected for the target by its own markers.
      const runtime = assertPython(pythonId ?? DEFAULT_PYTHON);
      const input = await readLockedInput(path, file, { python: runtime.version, full: runtime.fullVersion, arches: archFlag !== undefined ? [arch] : [...ARCHES] });
      requirements = input.requirements;
      locked = input.files;
      lockProblem = lockPythonProblem(file, input.requiresPython, { version: runtime.version, full: runtime.fullVersion });
    } else {
      const parsed = await readProjectRequirements(resolve(path, '..'), path, io.env);
      requirements = parsed.all;
      formats = parsed.formats;
    }
  } else {
    root = await findProjectRoot(io.cwd, positionals[0]);
    const project = await loadProject(root, io.env);
    requirements = project.requirements;
    formats = project.formats;
    pythonId ??= project.config.python;
    config = project.config;
    projectLock = project.locked;
  }
  const runtime = assertPython(pythonId ?? DEFAULT_PYTHON);
  const python = runtime.version;
  const target = { python, arch };

  if (boolFlag(flags, 'size') && !boolFlag(flags, 'online')) {
    throw new UsageError('--size installs the real wheels to measure them: add --online (it uses your pip and its index)');
  }
  if (boolFlag(flags, 'online')) {
    const { runOnlineExplain } = await import('./online.ts');
    return runOnlineExplain({ io, flags, requirements, target, root, runtimeId: runtime.id, bytecode: boolFlag(flags, 'bytecode') ?? config?.bytecode !== false });
  }
  // Offline, judge what the Dockerfile is judged on: every architecture the project builds for.
  const arches: Arch[] = archFlag !== undefined ? [arch] : config ? [...config.arches] : [...ARCHES];
  // A project's config may hold what `explain --online --write` recorded: use it, as update does.
  const pipelineTarget = config
    ? targetOfConfig({ ...config, python: runtime.id, arches, locked: projectLock }, formats)
    : { runtime, arches, formats, ...(locked ? { locked } : {}) };
  // The pipeline's own marker evaluation says which requirements apply: the document shows the same.
  const decided = decideRequirements(requirements, pipelineTarget);
  const applicable = new Set(decided.applicable);
  const decisions = lockProblem ? withProblem(decided.decisions, lockProblem) : decided.decisions;
  const document = buildExplainDocument({ python, arches }, requirements, (r) => applicable.has(r), decisions);
  io.stdout.write(boolFlag(flags, 'json') ? `${JSON.stringify(document, null, 2)}\n` : formatExplain(document));
  // The document is shown either way; --strict then fails on what it found.
  enforceStrict(decisions, boolFlag(flags, 'strict') === true);
  return 0;
}

function withProblem(decisions: Decisions, problem: Problem): Decisions {
  return { ...decisions, warnings: [problem.message, ...decisions.warnings], problems: [problem, ...decisions.problems] };
}
