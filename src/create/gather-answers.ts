/**
 * Step 1 of create: every answer, from flags first, then prompts (only when interactive), then
 * defaults (only with --yes). Nothing is written here; all questions come before any disk work.
 */
import { boolFlag, stringFlag, type ParsedArgs } from '../args/parse.ts';
import type { ApkAdjustments } from '../config/project-config.ts';
import { UsageError } from '../errors.ts';
import { enforceStrict } from '../knowledge/strict.ts';
import { toAdjustments } from '../plan/apk-sets.ts';
import type { Prompter } from '../prompts/prompter.ts';
import type { Arch, Requirement } from '../requirements/types.ts';
import { ARCHES } from '../requirements/types.ts';
import { parseApkList } from '../validate/apk-name.ts';
import type { AppKind } from '../validate/values.ts';
import { askApkList } from './ask-lists.ts';
import { inferApk, type InferredApk } from './infer.ts';
import { askApp, askBytecode, askDirectory, askPort, askPython, askRequirementsStep, type StepContext } from './steps.ts';

export interface CreateAnswers {
  dir: string;
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
    flags, positionals, cwd, env, prompter,
    need: (flag) => {
      if (!prompter && !yes) missing.push(flag);
    },
  };
  const { dir, name } = await askDirectory(context);
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
  return {
    dir, name, python: runtime.id, arches, requirementsText: given.text, requirements: given.requirements,
    inferred, buildDeps, runtimeLibs, app, port, bytecode,
  };
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
