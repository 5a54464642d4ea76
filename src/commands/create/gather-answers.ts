/**
 * Step 1 of create: every answer, from flags first, then prompts (only when interactive), then
 * defaults (only with --yes). Nothing is written here; all questions come before any disk work.
 */
import { boolFlag, listFlag, stringFlag, type ParsedArgs } from '../../args/parse.ts';
import type { ApkAdjustments } from '../../project/config.ts';
import { UsageError } from '../../errors.ts';
import { enforceStrict } from '../../knowledge/strict.ts';
import { toAdjustments } from '../../plan/apk-sets.ts';
import type { Prompter } from '../../io/prompter.ts';
import type { Arch, Requirement } from '../../requirements/types.ts';
import { ARCHES } from '../../requirements/types.ts';
import { parseApkList } from '../../validate/apk-name.ts';
import { assertApp, assertPort, assertPython, type AppKind } from '../../validate/values.ts';
import { requirementsFromLines } from '../../project/requirements.ts';
import { askApkList } from './ask-lists.ts';
import { inferApk, type InferredApk } from '../../knowledge/infer-apk.ts';
import { askApp, askBytecode, askDirectory, askPort, askPython, askRequirementsStep, type StepContext } from './steps.ts';
import { requirementNames, withAppRequirements } from '../../project/requirements.ts';
import { assertNoShadowing } from '../../validate/project-name.ts';

export interface CreateAnswers {
  dir: string;
  /** --force, or chosen at the directory question: write the generated files into a non-empty directory. */
  force: boolean;
  name: string;
  python: string;
  arches: Arch[];
  requirementsText: string;
  requirements: Requirement[];
  inferred: InferredApk;
  buildDeps: ApkAdjustments;
  runtimeLibs: ApkAdjustments;
  app: AppKind;
  port: number | null;
  /** Requirement lines added because the app skeleton imports them (e.g. aiohttp for web). */
  addedRequirements: string[];
  bytecode: boolean;
}

export interface GatherContext {
  args: ParsedArgs;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Present only when interactive. */
  prompter: Prompter | null;
}

/** Resolves every answer or throws a UsageError naming the flags still missing. */
export async function gatherAnswers({ args, cwd, env, prompter }: GatherContext): Promise<CreateAnswers> {
  const { flags, positionals } = args;
  const yes = boolFlag(flags, 'yes') === true;
  const missing: string[] = [];
  const context: StepContext = {
    flags,
    positionals,
    cwd,
    env,
    prompter,
    need: (flag) => {
      if (!prompter && !yes) missing.push(flag);
    },
  };
  // A bad flag value fails before the first question, not after the user answered some.
  if (prompter) validateFlagValues(flags);
  const { dir, name, force } = await askDirectory(context);
  const runtime = await askPython(context);
  const given = await askRequirementsStep(context);
  // 4-5. Alpine packages, pre-filled from what the requirements need on this runtime.
  const arches = [...ARCHES];
  const inferred = inferApk(given.requirements, runtime, arches, given.formats);
  enforceStrict(inferred.decisions, boolFlag(flags, 'strict') === true);
  const buildDeps = await resolveApk('build-deps', 'Alpine build dependencies', inferred.build, flags, prompter);
  const runtimeLibs = await resolveApk('runtime-libs', 'Alpine runtime libraries', inferred.runtime, flags, prompter);
  const app = await askApp(context, given.requirements);
  const port = await askPort(context, app);
  const bytecode = await askBytecode(context);
  if (missing.length > 0) {
    throw new UsageError(`missing ${missing.join(', ')}: pass them, or --yes to accept the defaults (see --help)`);
  }
  // The skeleton imports its framework: add it when missing, and decide again with it (the
  // package answers are deltas to the inferred lists, so they still apply).
  const withApp = withAppRequirements(app, given);
  const addedRequirements = withApp.added;
  const decided = addedRequirements.length === 0 ? inferred : inferApk(withApp.requirements, runtime, arches, given.formats);
  assertNoShadowing(name, [...requirementNames(withApp.requirements), ...decided.decisions.packages.map((item) => item.name)]);
  return {
    dir,
    force,
    name,
    python: runtime.id,
    arches,
    requirementsText: withApp.text,
    requirements: withApp.requirements,
    inferred: decided,
    buildDeps,
    runtimeLibs,
    app,
    port,
    addedRequirements,
    bytecode,
  };
}

/** Checks every flag value that does not depend on an answer (each step checks it again in context). */
function validateFlagValues(flags: ParsedArgs['flags']): void {
  const python = stringFlag(flags, 'python');
  if (python !== undefined) assertPython(python);
  const app = stringFlag(flags, 'app');
  if (app !== undefined) assertApp(app);
  const port = stringFlag(flags, 'port');
  if (port !== undefined) assertPort(port);
  for (const flag of ['build-deps', 'runtime-libs'] as const) {
    const value = stringFlag(flags, flag);
    if (value !== undefined) parseApkList(value, `--${flag}`);
  }
  const lines = listFlag(flags, 'requirement');
  if (lines.length > 0) requirementsFromLines(lines);
}

async function resolveApk(
  flag: 'build-deps' | 'runtime-libs',
  title: string,
  inferred: readonly string[],
  flags: ParsedArgs['flags'],
  prompter: Prompter | null,
): Promise<ApkAdjustments> {
  const value = stringFlag(flags, flag);
  if (value !== undefined) return toAdjustments(inferred, parseApkList(value, `--${flag}`));
  if (prompter) return askApkList(prompter, title, inferred);
  return { add: [], remove: [] };
}
