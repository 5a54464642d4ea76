/**
 * Step 1 of create: every answer, from flags first, then prompts (only when interactive), then
 * defaults (only with --yes). Nothing is written here; all questions come before any disk work.
 */
import { basename, resolve } from 'node:path';
import { boolFlag, listFlag, stringFlag, type ParsedArgs } from '../args/parse.ts';
import type { ApkAdjustments } from '../config/project-config.ts';
import { UsageError } from '../errors.ts';
import type { Prompter } from '../prompts/prompter.ts';
import { DEFAULT_PYTHON, PYTHON_RUNTIMES } from '../python/runtimes.ts';
import type { Arch, Requirement } from '../requirements/types.ts';
import { ARCHES } from '../requirements/types.ts';
import { parseApkList } from '../validate/apk-name.ts';
import { toAdjustments } from '../plan/apk-sets.ts';
import { assertProjectName, checkProjectName } from '../validate/project-name.ts';
import { assertApp, assertPort, assertPython, type AppKind } from '../validate/values.ts';
import { DEFAULT_DIR, DEFAULT_PORT } from '../commands/create-spec.ts';
import { askApkList, askRequirements } from './ask-lists.ts';
import { inferApk, type InferredApk } from './infer.ts';
import { importRequirementsFile, requirementsFromLines } from '../project/requirements.ts';

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
  const need = (flag: string): void => {
    if (!prompter && !yes) missing.push(flag);
  };

  // 1. Directory and name.
  let dirArg = positionals[0];
  if (dirArg === undefined) {
    if (prompter) {
      dirArg = await prompter.input({
        message: 'Project directory (its name is the project name)',
        default: stringFlag(flags, 'name') ?? DEFAULT_DIR,
        validate: (value) => {
          const problem = checkProjectName(basename(value.trim()));
          return problem ? `the name ${problem}` : true;
        },
      });
      dirArg = dirArg.trim();
    } else if (yes) dirArg = stringFlag(flags, 'name') ?? DEFAULT_DIR;
    else missing.push('DIR (the first argument)');
  }
  const dir = resolve(cwd, dirArg ?? DEFAULT_DIR);
  const nameFlag = stringFlag(flags, 'name');
  const name = nameFlag !== undefined ? assertProjectName(nameFlag, '--name') : assertProjectName(basename(dir), '--name (or a different DIR)');

  // 2. Python runtime.
  let python = stringFlag(flags, 'python');
  if (python !== undefined) assertPython(python);
  else if (prompter) {
    python = await prompter.select({
      message: 'Python runtime',
      choices: PYTHON_RUNTIMES.map((runtime) => ({ name: runtime.label, value: runtime.id })),
      default: DEFAULT_PYTHON,
    });
  } else need('--python');
  python ??= DEFAULT_PYTHON;
  const runtime = assertPython(python);

  // 3. Requirements.
  const lines = listFlag(flags, 'requirement');
  const file = stringFlag(flags, 'requirements-file');
  if (lines.length > 0 && file !== undefined) {
    throw new UsageError('pass either --requirement lines or --requirements-file, not both');
  }
  let given: { text: string; requirements: Requirement[] };
  if (file !== undefined) given = await importRequirementsFile(resolve(cwd, file), env);
  else if (lines.length > 0) given = requirementsFromLines(lines);
  else if (prompter) given = await askRequirements(prompter, cwd, env);
  else {
    need('--requirement (or --requirements-file)');
    given = { text: '', requirements: [] };
  }

  // 4-5. Alpine packages, pre-filled from what the requirements need on this runtime.
  const arches = [...ARCHES];
  const inferred = inferApk(given.requirements, runtime.version, arches);
  const buildDeps = await resolveApk('build-deps', 'Alpine build dependencies', inferred.build, flags, prompter);
  const runtimeLibs = await resolveApk('runtime-libs', 'Alpine runtime libraries', inferred.runtime, flags, prompter);

  // 6. App kind: the web skeleton imports aiohttp, so it is offered only when aiohttp is required.
  const hasAiohttp = given.requirements.some((requirement) => requirement.name === 'aiohttp');
  const defaultApp: AppKind = hasAiohttp ? 'web' : 'cli';
  let app = stringFlag(flags, 'app') as AppKind | undefined;
  if (app !== undefined) assertApp(app);
  else if (prompter) {
    app = await prompter.select<AppKind>({
      message: 'App kind',
      choices: [
        { name: 'aiohttp web server', value: 'web', disabled: hasAiohttp ? false : '(add aiohttp to the requirements)' },
        { name: 'command-line app', value: 'cli' },
      ],
      default: defaultApp,
    });
  } else need('--app');
  app ??= defaultApp;
  if (app === 'web' && !hasAiohttp) {
    throw new UsageError('--app web needs aiohttp in the requirements: add --requirement aiohttp, or use --app cli');
  }

  // 7. Port, for web apps.
  let port: number | null = null;
  const portFlag = stringFlag(flags, 'port');
  if (app === 'web') {
    if (portFlag !== undefined) port = assertPort(portFlag);
    else if (prompter) {
      const answer = await prompter.input({
        message: 'Port the web app listens on',
        default: String(DEFAULT_PORT),
        validate: (value) => {
          try {
            assertPort(value.trim());
            return true;
          } catch (error) {
            return (error as Error).message;
          }
        },
      });
      port = assertPort(answer.trim());
    } else need('--port');
    port ??= DEFAULT_PORT;
  } else if (portFlag !== undefined) {
    throw new UsageError('--port applies only to --app web');
  }

  if (missing.length > 0) {
    throw new UsageError(`missing ${missing.join(', ')}: pass them, or --yes to accept the defaults (see --help)`);
  }
  return { dir, name, python, arches, requirementsText: given.text, requirements: given.requirements, inferred, buildDeps, runtimeLibs, app, port };
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
