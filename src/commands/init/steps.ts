/**
 * The init questions, one function each. Each takes its value from a flag first, then from what
 * the project shows (saying why), then asks (only when interactive and detection could not tell),
 * else takes the default with --yes or records the flag as missing. None touches the disk.
 */
import { basename } from 'node:path';
import { stringFlag, type ParsedFlags } from '../../args/parse.ts';
import { HEALTH_PATH } from '../../project/config.ts';
import { UsageError } from '../../errors.ts';
import type { Prompter } from '../../io/prompter.ts';
import { DEFAULT_PYTHON, PYTHON_RUNTIMES, type PythonRuntime } from '../../target/runtimes.ts';
import { normalizeName } from '../../requirements/index.ts';
import { checkProjectName } from '../../validate/project-name.ts';
import { assertPort, assertPython } from '../../validate/values.ts';
import { HTTP_SERVERS, portInArgv, type CommandDetection } from './detect-command.ts';
import { detectPython } from './detect-python.ts';
import type { PyprojectInfo } from './pyproject-info.ts';
import { splitCommand } from './split-command.ts';

export interface InitStepContext {
  flags: ParsedFlags;
  prompter: Prompter | null;
  yes: boolean;
  /** Records a flag that must be passed (non-interactive, nothing detected, no --yes). */
  need: (flag: string) => void;
  /** What was detected and why: shown before any prompt and in the report. */
  detected: string[];
}

/** The project name: --name, else pyproject's name, else the directory's, made valid. */
export function resolveName({ flags, detected }: InitStepContext, root: string, pyproject: PyprojectInfo | null): string {
  const flag = stringFlag(flags, 'name');
  if (flag !== undefined) {
    const problem = checkProjectName(flag);
    if (problem) throw new UsageError(`invalid --name ${JSON.stringify(flag)}: it ${problem}`);
    return flag;
  }
  for (const [candidate, from] of [
    [pyproject?.name, 'pyproject.toml [project] name'],
    [basename(root), 'the directory name'],
  ] as const) {
    if (!candidate) continue;
    const name = normalizeName(candidate)
      .replace(/[._]+/g, '-')
      .replace(/^[^a-z]+/, '');
    if (name && !checkProjectName(name)) {
      detected.push(`name ${name} (${from}${name === candidate ? '' : ` ${JSON.stringify(candidate)}`})`);
      return name;
    }
  }
  throw new UsageError(`cannot make a project name from ${JSON.stringify(basename(root))}: pass --name (lowercase letters, digits and "-")`);
}

/** The runtime: --python, else .python-version / requires-python, else asked, else the default. */
export async function resolvePython(context: InitStepContext, pythonVersionFile: string | undefined, pyproject: PyprojectInfo | null): Promise<PythonRuntime> {
  const flag = stringFlag(context.flags, 'python');
  if (flag !== undefined) return assertPython(flag);
  const found = detectPython(pythonVersionFile, pyproject?.requiresPython ?? null);
  if (found) {
    context.detected.push(`python ${found.id} (${found.reason})`);
    return assertPython(found.id);
  }
  if (context.prompter) {
    return assertPython(
      await context.prompter.select({
        message: 'Python runtime (the project does not say: no .python-version, no requires-python)',
        choices: PYTHON_RUNTIMES.map((runtime) => ({ name: runtime.label, value: runtime.id })),
        default: DEFAULT_PYTHON,
      }),
    );
  }
  context.need('--python');
  return assertPython(DEFAULT_PYTHON);
}

export interface RunChoice {
  argv: string[];
  port: number | null;
}

/** What runs, and on which port: --cmd / --port, else detection (the first proposal), else asked. */
export async function resolveRun(context: InitStepContext, detection: CommandDetection): Promise<RunChoice> {
  const { flags, prompter, detected } = context;
  const cmdFlag = stringFlag(flags, 'cmd');
  const portFlag = stringFlag(flags, 'port');
  const port = portFlag === undefined ? null : assertPort(portFlag);
  let argv: string[];
  let defaultPort: number | null = null;
  if (cmdFlag !== undefined) argv = splitCommand(cmdFlag);
  else if (detection.proposals.length === 0) {
    const why = detection.hints.length > 0 ? ` (${detection.hints.join('; ')})` : '';
    if (!prompter) throw new UsageError(`cannot tell what the container should run${why}: pass --cmd, e.g. --cmd "gunicorn myservice.app:app"`);
    for (const hint of detection.hints) detected.push(`note: ${hint}`);
    argv = await askCommand(prompter, 'What should the container run? (the command as you would type it, no shell)');
  } else {
    let chosen = detection.proposals[0]!;
    if (prompter && detection.proposals.length > 1) {
      const other = '\0other';
      const value = await prompter.select<string>({
        message: 'What should the container run?',
        choices: [
          ...detection.proposals.map((proposal) => ({ name: proposal.argv.join(' '), value: JSON.stringify(proposal.argv), description: proposal.reason })),
          { name: 'another command (type it)', value: other },
        ],
        default: JSON.stringify(chosen.argv),
      });
      if (value === other) {
        const typed = await askCommand(prompter, 'Command to run (as you would type it, no shell)');
        return { argv: typed, port: port ?? portInArgv(typed) ?? HTTP_SERVERS[basename(typed[0]!)] ?? null };
      }
      chosen = detection.proposals.find((proposal) => JSON.stringify(proposal.argv) === value)!;
    }
    argv = chosen.argv;
    defaultPort = chosen.defaultPort;
    const others =
      detection.proposals.length > 1
        ? `; also possible: ${detection.proposals
            .slice(1)
            .map((p) => p.argv.join(' '))
            .join(', ')} (pass --cmd to choose)`
        : '';
    detected.push(`run ${argv.join(' ')} (${chosen.reason}${others})`);
    // A proposal that names its port in argv (uvicorn) follows --port.
    if (port !== null) argv = withPort(argv, port);
  }
  // uvicorn and hypercorn listen on 127.0.0.1 by default: unreachable from outside the container.
  if (['uvicorn', 'hypercorn'].includes(basename(argv[0]!)) && !argv.some((arg) => /^(--host|--bind|-b)(=|$)/.test(arg))) {
    detected.push(`note: ${basename(argv[0]!)} listens on 127.0.0.1 unless told otherwise: add --host 0.0.0.0 to the command, or the container's port will not answer`);
  }
  const bound = portInArgv(argv);
  if (port !== null && bound !== null && bound !== port) {
    throw new UsageError(`--port ${port} but the command binds port ${bound}: make them agree`);
  }
  return { argv, port: port ?? bound ?? defaultPort ?? HTTP_SERVERS[basename(argv[0]!)] ?? null };
}

/** The HEALTHCHECK path: --health only (a path cannot be detected); servers only. */
export function resolveHealth({ flags }: InitStepContext, port: number | null): string | undefined {
  const health = stringFlag(flags, 'health');
  if (health === undefined) return undefined;
  if (!HEALTH_PATH.test(health))
    throw new UsageError(`invalid --health ${JSON.stringify(health)}: give a URL path like /health (letters, digits, "/", ".", "_", "-", "~", "%", a simple ?query)`);
  if (port === null) throw new UsageError('--health needs a server: pass --port too (the command does not look like an HTTP server)');
  return health;
}

async function askCommand(prompter: Prompter, message: string): Promise<string[]> {
  const answer = await prompter.input({
    message,
    validate: (value) => {
      try {
        splitCommand(value);
        return true;
      } catch (error) {
        return (error as Error).message;
      }
    },
  });
  return splitCommand(answer);
}

function withPort(argv: readonly string[], port: number): string[] {
  const index = argv.indexOf('--port');
  if (index === -1 || index + 1 >= argv.length) return [...argv];
  return [...argv.slice(0, index + 1), String(port), ...argv.slice(index + 2)];
}
