/**
 * Locates the pip that `explain --online` runs: `--pip PATH`, else pip3 or pip on PATH, else
 * `python3 -m pip`. The user's own pip is used on purpose: its configuration (index URL,
 * pip.conf, PIP_* variables) is what their Docker build would also see.
 */
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { ToolError } from '../errors.ts';

/** A way to start pip: the executable and the arguments that come before pip's own. */
export interface PipCommand {
  file: string;
  prefix: string[];
  /** pip's version, e.g. "23.2.1". */
  version: string;
  /** The Python pip runs on ("3.11" of "pip 23.2.1 from ... (python 3.11)"), or null when it does not say. */
  python?: string | null;
}

/** `install --dry-run --report` arrived in pip 22.2 (https://pip.pypa.io/en/stable/news/#v22-2). */
export const MIN_PIP: readonly [number, number] = [22, 2];

/** Candidates in order of preference when --pip is not given. */
const CANDIDATES: readonly { file: string; prefix: string[] }[] = [
  { file: 'pip3', prefix: [] },
  { file: 'pip', prefix: [] },
  { file: 'python3', prefix: ['-m', 'pip'] },
];

/**
 * Finds a working pip (checking its version), or throws a ToolError (exit 2) saying how to pass one.
 * With `python` (e.g. "3.12") and no --pip, a pip running on that Python is preferred (`pip3.12`,
 * then `python3.12 -m pip`), else the first of pip3, pip, python3 -m pip that works: pip checks
 * Requires-Python against its own interpreter even with --python-version.
 */
export async function findPip(pipFlag: string | undefined, env: Record<string, string | undefined>, cwd: string, python?: string): Promise<PipCommand> {
  if (pipFlag !== undefined) {
    const isPath = isAbsolute(pipFlag) || pipFlag.includes('/');
    const file = isPath ? resolve(cwd, pipFlag) : await whichOnPath(pipFlag, env);
    if (file === null) throw new ToolError(`--pip ${pipFlag}: not found on PATH`, 2);
    if (isPath && !(await isExecutable(file))) throw new ToolError(`--pip ${pipFlag}: no such executable file`, 2);
    return checkPip({ file, prefix: [] }, env, `--pip ${pipFlag}`);
  }
  const versioned =
    python === undefined
      ? []
      : [
          { file: `pip${python}`, prefix: [] },
          { file: `python${python}`, prefix: ['-m', 'pip'] },
        ];
  for (const candidate of [...versioned, ...CANDIDATES]) {
    const file = await whichOnPath(candidate.file, env);
    if (file === null) continue;
    const output = await readPipOutput({ file, prefix: candidate.prefix }, env);
    const version = parsePipVersion(output);
    if (version === null) continue;
    const found = { file, prefix: candidate.prefix, label: [candidate.file, ...candidate.prefix].join(' '), version, python: parsePipPython(output) };
    // The first plain pip that works is taken whatever its Python (each --version costs a start-up).
    if (python === undefined || found.python === python || !versioned.includes(candidate)) return checkPip(found, env, found.label, version, found.python);
  }
  throw new ToolError('--online needs pip: none of pip3, pip or python3 -m pip works here; install pip or pass --pip PATH', 2);
}

async function checkPip(
  command: { file: string; prefix: string[] },
  env: Record<string, string | undefined>,
  label: string,
  known?: string,
  knownPython?: string | null,
): Promise<PipCommand> {
  const output = known === undefined ? await readPipOutput(command, env) : '';
  const version = known ?? parsePipVersion(output);
  if (version === null) throw new ToolError(`${label} (${command.file}) does not run as pip ("--version" failed)`, 2);
  if (!isRecentPip(version)) {
    throw new ToolError(`${label} is pip ${version}; --online needs pip ${MIN_PIP.join('.')} or newer (pip install --upgrade pip, or pass --pip PATH)`, 2);
  }
  return { file: command.file, prefix: command.prefix, version, python: knownPython !== undefined ? knownPython : parsePipPython(output) };
}

/** What `pip --version` prints ("" when it does not run). */
async function readPipOutput(command: { file: string; prefix: string[] }, env: Record<string, string | undefined>): Promise<string> {
  const { execa } = await import('execa');
  const result = await execa(command.file, [...command.prefix, '--version'], { env, extendEnv: false, reject: false, timeout: 60_000, stdin: 'ignore' });
  return String(result.stdout);
}

/** The Python version at the end of `pip --version` output ("(python 3.11)"), or null. */
export function parsePipPython(output: string): string | null {
  return /\(python (\d+\.\d+)\)\s*$/m.exec(output)?.[1] ?? null;
}

/** Extracts the version from `pip --version` output. */
export function parsePipVersion(output: string): string | null {
  return /^pip (\d+(?:\.\d+)*)/m.exec(output)?.[1] ?? null;
}

/** True when the version is at least MIN_PIP. */
export function isRecentPip(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > MIN_PIP[0] || (major === MIN_PIP[0] && minor >= MIN_PIP[1]);
}

async function whichOnPath(name: string, env: Record<string, string | undefined>): Promise<string | null> {
  for (const folder of (env.PATH ?? '').split(delimiter)) {
    if (folder === '') continue;
    const file = join(folder, name);
    if (await isExecutable(file)) return file;
  }
  return null;
}

async function isExecutable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}
