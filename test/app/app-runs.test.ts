/**
 * The generated app really runs: a venv with the machine's real Python, `pip install -r` of the
 * generated requirements.txt from the real PyPI index, then the web app answers GET /health with
 * {"status": "ok"} and the cli app prints its greeting. Every generated .py file compiles.
 * PyPI unreachable: skip with the reason, except under CI, where that fails.
 */
import { readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { compilePython, createVenv, pipInstallRequirements, realIndexEnv, realIndexUnreachable } from '../support/python-venv.ts';
import { freePort, requireIndex } from '../support/app-server.ts';

const INSTALL_TIMEOUT_MS = 600_000;
const HEALTH_DEADLINE_MS = 30_000;
const REFERENCE = ['--requirement', 'cryptography', '--requirement', 'aiohttp', '--app', 'web', '--port', '8080'];

let work: string;
let unreachable: string | undefined;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'csp-app-'));
  unreachable = await realIndexUnreachable();
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** Generates `name` under the work dir with the built CLI; returns the project directory. */
async function generate(name: string, args: string[]): Promise<string> {
  const result = await runCli([name, '--yes', '--no-interactive', '--python', '3.12', ...args], { cwd: work });
  expect(result.exitCode, `CLI failed:\n${result.stdout}\n${result.stderr}`).toBe(0);
  return join(work, name);
}

function pythonFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('.py') && !path.startsWith('.venv'))
    .map((path) => join(dir, path));
}

/** Polls GET /health until it answers 200 (or the server process exits, or the deadline passes). */
async function pollHealth(url: string, server: ResultPromise): Promise<{ status: number; body: unknown }> {
  const deadline = Date.now() + HEALTH_DEADLINE_MS;
  let exited = false;
  void server.finally(() => {
    exited = true;
  });
  let lastError = 'no answer yet';
  while (Date.now() < deadline && !exited) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return { status: response.status, body: await response.json() };
    } catch (error) {
      lastError = String(error);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`GET ${url} did not answer within ${HEALTH_DEADLINE_MS} ms (server exited: ${exited}; last error: ${lastError})`);
}

/** Stops the server's whole process group (it was started detached as the group leader). */
function stopGroup(server: ResultPromise): void {
  if (server.pid === undefined || server.exitCode !== null) return;
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // the group already exited
  }
}

describe('the generated app runs with its real dependencies', () => {
  it('reference example (web): installs from PyPI and answers GET /health', { timeout: INSTALL_TIMEOUT_MS + 60_000 }, async (ctx) => {
    const project = await generate('ref-web', REFERENCE);
    await compilePython(pythonFiles(project));
    requireIndex(ctx, unreachable);
    const python = await createVenv(join(project, '.venv'));
    await pipInstallRequirements(python, join(project, 'requirements.txt'));

    const port = await freePort();
    const server = execa(python, ['-m', 'ref_web'], {
      cwd: project,
      env: { ...realIndexEnv(), PORT: String(port), HOST: '127.0.0.1' },
      detached: true,
      reject: false,
      all: true,
    });
    try {
      const health = await pollHealth(`http://127.0.0.1:${port}/health`, server);
      expect(health).toEqual({ status: 200, body: { status: 'ok' } });
    } finally {
      stopGroup(server);
      const ended = await server;
      // Logged so a failing run shows the server's own output (tracebacks, bind errors).
      if (ended.exitCode !== 0 && !ended.isTerminated) console.log(`web app output:\n${String(ended.all)}`);
    }
  });

  it('cli project: installs its (empty) requirements and prints the greeting', { timeout: INSTALL_TIMEOUT_MS }, async (ctx) => {
    const project = await generate('hello-cli', ['--app', 'cli']);
    await compilePython(pythonFiles(project));
    requireIndex(ctx, unreachable);
    const python = await createVenv(join(project, '.venv'));
    await pipInstallRequirements(python, join(project, 'requirements.txt'));

    const run = await execa(python, ['-m', 'hello_cli', '--name', 'Ada'], { cwd: project, env: realIndexEnv(), reject: false, timeout: 30_000 });
    expect({ exitCode: run.exitCode, stdout: run.stdout, stderr: run.stderr }).toEqual({
      exitCode: 0,
      stdout: 'Hello, Ada! (hello-cli)',
      stderr: '',
    });
    const byDefault = await execa(python, ['-m', 'hello_cli'], { cwd: project, env: realIndexEnv(), reject: false, timeout: 30_000 });
    expect(byDefault.stdout).toBe('Hello, world! (hello-cli)');
  });
});
