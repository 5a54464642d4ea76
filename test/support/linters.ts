/**
 * Real linters over generated Dockerfiles: hadolint (whole file), shellcheck (each RUN's shell
 * script, as Docker would hand it to the shell) and dockerfile-utils' validator (parse errors).
 * The binaries come from scripts/install-linters.sh (<repo>/.venv-tools/bin), else from PATH.
 */
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, join } from 'node:path';
import { DockerfileParser, type From, type Instruction, type Run, type Shell } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { execa } from 'execa';
import { REPO_ROOT } from './cli.ts';

export type LintTool = 'hadolint' | 'shellcheck';

export interface LintFinding {
  tool: LintTool | 'dockerfile-utils';
  code: string;
  level: string;
  /** 1-based Dockerfile line (for shellcheck: the line where the RUN instruction starts). */
  line: number;
  message: string;
}

/** One RUN instruction's shell script, joined the way Docker joins continuation lines. */
export interface RunScript {
  line: number;
  script: string;
  /** shellcheck `--shell` dialect for the SHELL in effect. */
  dialect: string;
  /** The SHELL in effect, as Docker runs it: `[...shell, script]`. */
  shell: string[];
  /** Name of the stage (`FROM ... AS name`), or its index when unnamed. */
  stage: string;
  /** The RUN flags as written (`--mount=type=cache,target=/root/.cache/pip`, ...). */
  flags: string[];
}

const TOOLS_BIN = join(REPO_ROOT, '.venv-tools', 'bin');

// Docker's default shell form is `/bin/sh -c` (https://docs.docker.com/reference/dockerfile/#shell-form).
// POSIX `sh` is the strictest dialect for an unknown /bin/sh. `busybox` (ash) exists since shellcheck 0.10.0.
const DEFAULT_SHELL = ['/bin/sh', '-c'];
const SHELL_DIALECTS: Readonly<Record<string, string>> = {
  sh: 'sh',
  ash: 'busybox',
  busybox: 'busybox',
  dash: 'dash',
  bash: 'bash',
  ksh: 'ksh',
};

// Variables that would let the machine's configuration change what the linters report.
const LINTER_ENV_OVERRIDES = ['SHELLCHECK_OPTS', 'HADOLINT_FAILURE_THRESHOLD', 'HADOLINT_IGNORE', 'HADOLINT_CONFIG'];

/** Absolute path of a linter binary (.venv-tools first, then PATH), or undefined when absent. */
export function findTool(tool: LintTool): string | undefined {
  const dirs = [TOOLS_BIN, ...(process.env.PATH ?? '').split(delimiter).filter(Boolean)];
  for (const dir of dirs) {
    const candidate = join(dir, tool);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** Why the lint tests cannot run (a missing binary), or undefined when both linters are present. */
export function missingLintTools(): string | undefined {
  const missing = (['hadolint', 'shellcheck'] as const).filter((tool) => findTool(tool) === undefined);
  if (missing.length === 0) return undefined;
  return `${missing.join(' and ')} not found in ${TOOLS_BIN} or PATH (run: bash scripts/install-linters.sh)`;
}

/** Runs a linter in an empty directory with an empty HOME, so no rc/config file can add ignores. */
async function runIsolated(tool: LintTool, args: string[], input: string): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const binary = findTool(tool);
  if (binary === undefined) throw new Error(missingLintTools());
  const sandbox = mkdtempSync(join(tmpdir(), `csp-${tool}-`));
  try {
    const env: Record<string, string | undefined> = { HOME: sandbox, XDG_CONFIG_HOME: sandbox };
    for (const name of LINTER_ENV_OVERRIDES) env[name] = undefined;
    const result = await execa(binary, args, { cwd: sandbox, env, input, reject: false, timeout: 60_000 });
    return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
  } finally {
    rmSync(sandbox, { recursive: true, force: true });
  }
}

interface HadolintJson {
  code: string;
  level: string;
  line: number;
  message: string;
}

/** Real hadolint at its default threshold and without any config: every finding it prints. */
export async function hadolint(dockerfileText: string): Promise<LintFinding[]> {
  const result = await runIsolated('hadolint', ['--no-color', '--format', 'json', '-'], dockerfileText);
  // Exit 0 = clean, 1 = findings; anything else (or unparsable output) is a tool failure, never "clean".
  if (result.exitCode !== 0 && result.exitCode !== 1) throw new Error(`hadolint exited ${result.exitCode}: ${result.stderr}`);
  const findings = JSON.parse(result.stdout || '[]') as HadolintJson[];
  return findings.map((f) => ({ tool: 'hadolint', code: f.code, level: f.level, line: f.line, message: f.message }));
}

/** Extracts every shell-form RUN script, with the shellcheck dialect of the SHELL in effect in its stage. */
export function extractRunScripts(dockerfileText: string): RunScript[] {
  const lines = dockerfileText.split(/\r?\n/);
  const dockerfile = DockerfileParser.parse(dockerfileText);
  const escape = dockerfile.getEscapeCharacter();
  const scripts: RunScript[] = [];
  let shell = DEFAULT_SHELL;
  let stage = '';
  let stages = 0;
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') {
      shell = DEFAULT_SHELL; // SHELL is per stage
      stage = (instruction as From).getBuildStage() ?? String(stages);
      stages += 1;
    }
    if (keyword === 'SHELL') {
      const strings = (instruction as Shell).getJSONStrings().map((value) => value.getJSONValue());
      shell = strings.length > 0 ? strings : DEFAULT_SHELL;
    }
    if (keyword !== 'RUN') continue;
    const run = instruction as Run;
    if (run.getJSONStrings().length > 0) continue; // exec form: no shell runs it
    if (run.getHeredocs().length > 0) throw new Error(`RUN heredocs (line ${lineOf(run)}) are not supported by this extractor`);
    const dialect = SHELL_DIALECTS[basename(shell[0]!)];
    if (dialect === undefined) throw new Error(`no shellcheck dialect for SHELL ${shell[0]!} (line ${lineOf(run)})`);
    const flags = run.getFlags().map((flag) => lines[flag.getRange().start.line]!.slice(flag.getRange().start.character, flag.getRange().end.character));
    scripts.push({ line: lineOf(run), script: joinContinuations(scriptSource(run, lines), escape), dialect, shell, stage, flags });
  }
  return scripts;
}

function lineOf(instruction: Instruction): number {
  return instruction.getRange().start.line + 1;
}

/** The raw text after RUN and its flags (--mount=..., --network=...) up to the instruction's end. */
function scriptSource(run: Run, lines: string[]): string {
  const flags = run.getFlags();
  const start = flags.length > 0 ? flags[flags.length - 1]!.getRange().end : run.getInstructionRange().end;
  const end = run.getRange().end;
  const parts: string[] = [];
  for (let line = start.line; line <= end.line; line += 1) {
    const text = lines[line] ?? '';
    const from = line === start.line ? start.character : 0;
    const to = line === end.line ? end.character : text.length;
    parts.push(text.slice(from, to));
  }
  return parts.join('\n');
}

/**
 * Docker's parser joins a continued instruction by dropping each escape+newline (no space added)
 * and dropping comment and empty lines inside it; the shell then gets one line.
 * Source: https://docs.docker.com/reference/dockerfile/#escape and moby/buildkit frontend/dockerfile/parser.
 */
function joinContinuations(source: string, escape: string): string {
  const kept = source.split('\n').filter((line, index) => index === 0 || (line.trim() !== '' && !line.trimStart().startsWith('#')));
  const continued = new RegExp(`${escape === '\\' ? '\\\\' : escape}\\s*$`);
  return kept
    .map((line) => line.replace(continued, ''))
    .join('')
    .trim();
}

interface ShellcheckJson {
  comments: { line: number; column: number; level: string; code: number; message: string }[];
}

/** Real shellcheck on every RUN script of the Dockerfile (default severity, no rc file). */
export async function shellcheckRunScripts(dockerfileText: string): Promise<LintFinding[]> {
  const findings: LintFinding[] = [];
  for (const run of extractRunScripts(dockerfileText)) {
    const result = await runIsolated('shellcheck', ['--norc', `--shell=${run.dialect}`, '--format=json1', '-'], run.script);
    if (result.exitCode !== 0 && result.exitCode !== 1) throw new Error(`shellcheck exited ${result.exitCode}: ${result.stderr}`);
    const report = JSON.parse(result.stdout || '{"comments":[]}') as ShellcheckJson;
    for (const comment of report.comments) {
      const excerpt = run.script.split('\n')[comment.line - 1]?.slice(Math.max(0, comment.column - 20), comment.column + 40);
      findings.push({
        tool: 'shellcheck',
        code: `SC${comment.code}`,
        level: comment.level,
        line: run.line,
        message: `${comment.message} (script column ${comment.column}: …${excerpt}…)`,
      });
    }
  }
  return findings;
}

/** dockerfile-utils' validator (what editors show): every diagnostic, warnings included. */
export function validateDockerfile(dockerfileText: string): LintFinding[] {
  return validate(dockerfileText).map((diagnostic) => ({
    tool: 'dockerfile-utils',
    code: String(diagnostic.code ?? ''),
    level: diagnostic.severity === 1 ? 'error' : 'warning',
    line: diagnostic.range.start.line + 1,
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
  }));
}

/** One line per finding, for assertion messages and CI logs. */
export function formatFindings(findings: LintFinding[]): string {
  return findings.map((f) => `  ${f.tool} ${f.code} [${f.level}] line ${f.line}: ${f.message}`).join('\n');
}
