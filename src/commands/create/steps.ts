/**
 * The create questions, one function each, in the order they are asked. Each takes a value from
 * its flag first, then from a prompt (only when interactive), else records the flag as missing
 * (or takes the default with --yes). None touches the disk.
 */
import { basename, resolve } from 'node:path';
import { boolFlag, listFlag, stringFlag, type ParsedFlags } from '../../args/parse.ts';
import { DEFAULT_DIR, DEFAULT_PORT } from '../../target/defaults.ts';
import { UsageError } from '../../errors.ts';
import { importRequirementsFile, requirementNames, requirementsFromLines } from '../../project/requirements.ts';
import type { Prompter } from '../../io/prompter.ts';
import { DEFAULT_PYTHON, PYTHON_RUNTIMES, type PythonRuntime } from '../../target/runtimes.ts';
import type { FormatControl } from '../../requirements/format-control.ts';
import type { Requirement } from '../../requirements/types.ts';
import { assertProjectName, checkProjectName } from '../../validate/project-name.ts';
import { APP_KINDS, assertApp, assertPort, assertPython, type AppKind } from '../../validate/values.ts';
import { appKindSpec, listensOnPort, missingAppRequirements } from '../../project/app-kinds.ts';
import { askRequirements } from './ask-lists.ts';
import { chooseTarget, unusableTarget } from './ask-target.ts';

export interface StepContext {
  flags: ParsedFlags;
  positionals: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  /** Present only when interactive. */
  prompter: Prompter | null;
  /** Records a flag that must be passed (non-interactive without --yes). */
  need: (flag: string) => void;
}

/**
 * 1. Target directory and project name. The directory is checked right here (not after every
 * other question): a non-empty one offers another directory, writing only the generated files
 * (`force`), or cancelling; without prompts it is refused at once.
 */
export async function askDirectory({ flags, positionals, cwd, prompter, need }: StepContext): Promise<{ dir: string; name: string; force: boolean }> {
  const nameFlag = stringFlag(flags, 'name');
  const force = boolFlag(flags, 'force') === true;
  let dirArg = positionals[0];
  if (dirArg === undefined && !prompter) {
    need('DIR (the first argument)');
    dirArg = nameFlag ?? DEFAULT_DIR;
  }
  for (;;) {
    if (dirArg === undefined) {
      dirArg = (
        await prompter!.input({
          message: 'Project directory (its name is the project name)',
          default: nameFlag ?? DEFAULT_DIR,
          validate: (value) => {
            const problem = checkProjectName(basename(value.trim()));
            if (problem) return `the name ${problem}`;
            const unusable = unusableTarget(resolve(cwd, value.trim()));
            return unusable ? `${value.trim()} ${unusable}` : true;
          },
        })
      ).trim();
    }
    const dir = resolve(cwd, dirArg);
    const name = nameFlag !== undefined ? assertProjectName(nameFlag, '--name') : assertProjectName(basename(dir), '--name (or a different DIR)');
    const choice = await chooseTarget(dir, { prompter, force });
    if (choice !== 'other') return { dir, name, force: force || choice === 'force' };
    dirArg = undefined;
  }
}

/** 2. Python runtime. */
export async function askPython({ flags, prompter, need }: StepContext): Promise<PythonRuntime> {
  const flag = stringFlag(flags, 'python');
  if (flag !== undefined) return assertPython(flag);
  if (!prompter) {
    need('--python');
    return assertPython(DEFAULT_PYTHON);
  }
  const id = await prompter.select({
    message: 'Python runtime',
    choices: PYTHON_RUNTIMES.map((runtime) => ({ name: runtime.label, value: runtime.id })),
    default: DEFAULT_PYTHON,
  });
  return assertPython(id);
}

/** 3. Requirements: flags, an imported file, or typed at prompts. */
export async function askRequirementsStep({ flags, cwd, env, prompter, need }: StepContext): Promise<{ text: string; requirements: Requirement[]; formats?: FormatControl }> {
  const lines = listFlag(flags, 'requirement');
  const file = stringFlag(flags, 'requirements-file');
  if (lines.length > 0 && file !== undefined) throw new UsageError('pass either --requirement lines or --requirements-file, not both');
  if (file !== undefined) return importRequirementsFile(resolve(cwd, file), env);
  if (lines.length > 0) return requirementsFromLines(lines);
  if (prompter) return askRequirements(prompter, cwd, env);
  need('--requirement (or --requirements-file)');
  return { text: '', requirements: [] };
}

/** 6. App kind. A kind's skeleton imports its framework: gatherAnswers adds what is missing. */
export async function askApp({ flags, prompter, need }: StepContext, requirements: readonly Requirement[]): Promise<AppKind> {
  const names = requirementNames(requirements);
  const defaultApp = defaultAppKind(names);
  const flag = stringFlag(flags, 'app');
  if (flag !== undefined) return assertApp(flag);
  if (!prompter) {
    need('--app');
    return defaultApp;
  }
  return prompter.select<AppKind>({
    message: 'App kind',
    choices: APP_KINDS.map((id) => {
      const missing = missingAppRequirements(id, names);
      const adds = missing.length > 0 ? ` (adds ${missing.join(' and ')} to the requirements)` : '';
      return { name: `${appKindSpec(id).label}${adds}`, value: id };
    }),
    default: defaultApp,
  });
}

/** The kind whose framework the requirements already name (aiohttp first), else cli. */
export function defaultAppKind(names: ReadonlySet<string>): AppKind {
  return (
    APP_KINDS.find((id) => {
      const framework = appKindSpec(id).requires[0];
      return framework !== undefined && names.has(framework);
    }) ?? 'cli'
  );
}

/** 7. Port, for apps that serve HTTP only. */
export async function askPort({ flags, prompter, need }: StepContext, app: AppKind): Promise<number | null> {
  const flag = stringFlag(flags, 'port');
  if (!listensOnPort(app)) {
    if (flag !== undefined) throw new UsageError(`--port applies only to web apps (--app ${APP_KINDS.filter(listensOnPort).join(' or --app ')})`);
    return null;
  }
  if (flag !== undefined) return assertPort(flag);
  if (!prompter) {
    need('--port');
    return DEFAULT_PORT;
  }
  const answer = await prompter.input({
    message: 'Port the web app listens on',
    default: String(DEFAULT_PORT),
    validate: (value) => {
      try {
        assertPort(value.trim(), null);
        return true;
      } catch (error) {
        return (error as Error).message;
      }
    },
  });
  return assertPort(answer.trim());
}

/** 8. Bytecode: compiled at build time unless `--no-bytecode` (smallest image, slower start). */
export async function askBytecode({ flags, prompter }: StepContext): Promise<boolean> {
  const flag = boolFlag(flags, 'bytecode');
  if (flag !== undefined) return flag;
  // A default every user can keep: only a terminal asks, and nothing is missing without it.
  if (!prompter) return true;
  return prompter.confirm({ message: 'Compile bytecode at build time? (imports about 3x faster, about 4 MB more; No: smallest image)', default: true });
}
