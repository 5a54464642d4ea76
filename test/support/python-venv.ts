/**
 * Throwaway venvs with the machine's real Python, and pip pointed at the real PyPI index only:
 * PIP_CONFIG_FILE=/dev/null drops machine/user pip config, and the variables that add local
 * indexes, find-links or constraints are removed, so what installs is what a user would get.
 */
import { join } from 'node:path';
import { execa, execaSync } from 'execa';

export const PYTHON = process.env.CSP_TEST_PYTHON ?? 'python3';

// pip's own environment variables that would add sources or caps besides the real index.
const PIP_SOURCE_VARIABLES = ['PIP_FIND_LINKS', 'PIP_INDEX_URL', 'PIP_EXTRA_INDEX_URL', 'PIP_CONSTRAINT', 'PIP_NO_INDEX', 'PIP_REQUIRE_VIRTUALENV'];

/**
 * Overrides (merged over this process's environment by execa) for any pip call that must see
 * only https://pypi.org/simple. Ignoring the pip config would also drop a CA bundle it sets
 * (machines behind a TLS proxy), so that one setting is carried over as PIP_CERT.
 */
export function realIndexEnv(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {
    PIP_CONFIG_FILE: '/dev/null',
    PIP_DISABLE_PIP_VERSION_CHECK: '1',
    PYTHONDONTWRITEBYTECODE: '1',
  };
  for (const name of PIP_SOURCE_VARIABLES) env[name] = undefined;
  const cert = pipConfigCert();
  if (cert) env.PIP_CERT = cert;
  return env;
}

let certFromConfig: string | null | undefined;

/** PIP_CERT if set, else `global.cert` from the machine's pip config (read once), else null. */
function pipConfigCert(): string | null {
  if (process.env.PIP_CERT) return process.env.PIP_CERT;
  if (certFromConfig === undefined) {
    const probe = execaSync(PYTHON, ['-m', 'pip', 'config', 'get', 'global.cert'], { reject: false });
    certFromConfig = probe.exitCode === 0 && String(probe.stdout).trim() !== '' ? String(probe.stdout).trim() : null;
  }
  return certFromConfig;
}

/** Why PyPI cannot be used from here (pip's own words), or undefined when the index answers. */
export async function realIndexUnreachable(): Promise<string | undefined> {
  const probe = await execa(PYTHON, ['-m', 'pip', 'index', 'versions', 'pip'], {
    env: realIndexEnv(),
    reject: false,
    timeout: 60_000,
  });
  if (probe.exitCode === 0 && /Available versions:/.test(String(probe.stdout))) return undefined;
  return `PyPI (real index) unreachable via ${PYTHON} -m pip: ${String(probe.stderr).trim().split('\n').pop() ?? `exit ${probe.exitCode}`}`;
}

/** Creates a venv at `dir` with the real Python; returns the venv's python path. */
export async function createVenv(dir: string): Promise<string> {
  await execa(PYTHON, ['-m', 'venv', dir], { env: realIndexEnv() });
  return join(dir, 'bin', 'python');
}

/** `pip install -r requirementsFile` from the real index into the venv; returns pip's combined output. */
export async function pipInstallRequirements(venvPython: string, requirementsFile: string): Promise<string> {
  const result = await execa(venvPython, ['-m', 'pip', 'install', '--no-input', '--requirement', requirementsFile], {
    env: realIndexEnv(),
    all: true,
    timeout: 600_000,
  });
  return String(result.all);
}

/** `python -m py_compile` over the given files (raises with the compiler's message on a syntax error). */
export async function compilePython(files: string[]): Promise<void> {
  await execa(PYTHON, ['-m', 'py_compile', ...files], { env: realIndexEnv() });
}
