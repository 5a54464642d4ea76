/**
 * Runs `pip install --dry-run --report` for a target (Alpine's musllinux platform, a CPython
 * version) with execa: argument arrays only, never a shell. The user's environment passes
 * through untouched so their index settings (PIP_INDEX_URL, pip.conf) apply.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cancellation } from '../io/cancel.ts';
import type { Arch } from '../requirements/types.ts';
import type { PipCommand } from './find-pip.ts';
import { parsePipReport, type PipReport } from './pip-report.ts';

export interface PipTarget {
  python: string;
  arch: Arch;
}

export interface PipRun {
  ok: boolean;
  /** stdout and stderr interleaved. */
  output: string;
  /** The report when pip succeeded. */
  report: PipReport | null;
}

/**
 * Platform tags pip should accept: python:X.Y-alpine ships musl 1.2, so musllinux_1_2 and the
 * older musllinux_1_1 wheels both load (PEP 656). pip does not expand a --platform to older
 * musl versions itself, hence both.
 */
export function platformTags(arch: Arch): string[] {
  return [`musllinux_1_2_${arch}`, `musllinux_1_1_${arch}`];
}

/**
 * Arguments for one dry-run resolution. --only-binary :all: is what pip requires with
 * --platform/--python-version, and it is the question asked: which projects have no usable
 * wheel. --target keeps pip from looking at the running interpreter's site-packages.
 * No --quiet for a resolution: the "Collecting X (from A->-r FILE (line N))" lines locate
 * transitive failures; a --no-deps probe needs only pip's errors, which --quiet keeps.
 */
export function buildInstallArgs(options: {
  target: PipTarget;
  reportFile: string;
  targetDir: string;
  requirementsFile: string;
  noDeps?: boolean;
  verbose?: boolean;
  ignoreRequiresPython?: boolean;
}): string[] {
  const { target } = options;
  return [
    'install',
    '--dry-run',
    '--ignore-installed',
    '--no-input',
    '--disable-pip-version-check',
    '--progress-bar',
    'off',
    ...(options.verbose ? ['-vv'] : options.noDeps ? ['--quiet'] : []),
    ...(options.noDeps ? ['--no-deps'] : []),
    // A pip running on another Python checks Requires-Python against its own interpreter even
    // with --python-version; the caller then checks each release's Requires-Python itself.
    ...(options.ignoreRequiresPython ? ['--ignore-requires-python'] : []),
    '--report',
    options.reportFile,
    '--only-binary',
    ':all:',
    ...platformTags(target.arch).flatMap((tag) => ['--platform', tag]),
    '--python-version',
    target.python,
    '--implementation',
    'cp',
    '--target',
    options.targetDir,
    '-r',
    options.requirementsFile,
  ];
}

/** Runs one resolution of the given requirement lines; pip's failure is returned, not thrown. */
export async function runPipResolve(
  pip: PipCommand,
  lines: readonly string[],
  target: PipTarget,
  env: Record<string, string | undefined>,
  options: { noDeps?: boolean; verbose?: boolean; ignoreRequiresPython?: boolean; cancel?: Pick<Cancellation, 'onCleanup'> } = {},
): Promise<PipRun> {
  const dir = await mkdtemp(join(tmpdir(), 'slim-python-pip-'));
  // Ctrl-C, SIGTERM or SIGHUP while pip runs: the temporary folder goes too (execa stops pip).
  const unregister = options.cancel?.onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  try {
    const requirementsFile = join(dir, 'requirements.txt');
    const reportFile = join(dir, 'report.json');
    await writeFile(requirementsFile, `${lines.join('\n')}\n`, 'utf8');
    const args = buildInstallArgs({ target, reportFile, targetDir: join(dir, 'target'), requirementsFile, ...options });
    const { execa } = await import('execa');
    const result = await execa(pip.file, [...pip.prefix, ...args], {
      env,
      extendEnv: false,
      reject: false,
      all: true,
      stdin: 'ignore',
      cwd: dir,
      // A resolution that backtracks through many releases can take minutes; more is a hang.
      timeout: 15 * 60_000,
    });
    // exitCode is undefined when pip could not be started at all (execa's message says why).
    const output = `${String(result.all ?? '')}${result.exitCode === undefined ? `\nERROR: ${result.shortMessage}` : ''}`;
    if (result.timedOut) return { ok: false, output: `${output}\nERROR: pip did not finish within 15 minutes`, report: null };
    if (result.exitCode !== 0) return { ok: false, output, report: null };
    return { ok: true, output, report: parsePipReport(await readFile(reportFile, 'utf8')) };
  } finally {
    unregister?.();
    await rm(dir, { recursive: true, force: true });
  }
}
