/**
 * The generated FastAPI app really runs: a venv with the machine's real Python, `pip install -r`
 * of the generated requirements.txt (fastapi, uvicorn, added by the tool) from the real PyPI
 * index, then the app started as the Dockerfile's CMD starts it (`python -m MODULE`) with PORT
 * and HOST from the environment answers GET /health with 200 {"status": "ok"}, and SIGTERM (what
 * `docker stop` sends) shuts it down gracefully: the lifespan shutdown completes, then the process
 * ends by that signal (uvicorn re-raises it after its own shutdown, since 0.29).
 * PyPI unreachable: skip with the reason, except under CI, where that fails.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { compilePython, createVenv, pipInstallRequirements, realIndexEnv, realIndexUnreachable } from '../support/python-venv.ts';
import { freePort, requireIndex } from '../support/app-server.ts';

const INSTALL_TIMEOUT_MS = 600_000;
const HEALTH_DEADLINE_MS = 30_000;
const SHUTDOWN_DEADLINE_MS = 15_000;

let work: string;
let unreachable: string | undefined;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'csp-app-'));
  unreachable = await realIndexUnreachable();
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('the generated FastAPI app runs with its real dependencies', () => {
  it('installs from PyPI, answers GET /health, and stops gracefully on SIGTERM', { timeout: INSTALL_TIMEOUT_MS + 60_000 }, async (ctx) => {
    const generated = await runCli(['fast-api', '--yes', '--no-interactive', '--python', '3.12', '--app', 'fastapi'], { cwd: work });
    expect(generated.exitCode, `CLI failed:\n${generated.stdout}\n${generated.stderr}`).toBe(0);
    const project = join(work, 'fast-api');
    await compilePython(readdirSync(join(project, 'fast_api')).map((file) => join(project, 'fast_api', file)));
    requireIndex(ctx, unreachable);
    const python = await createVenv(join(project, '.venv'));
    await pipInstallRequirements(python, join(project, 'requirements.txt'));

    const port = await freePort();
    const server = execa(python, ['-m', 'fast_api'], {
      cwd: project,
      env: { ...realIndexEnv(), PORT: String(port), HOST: '127.0.0.1' },
      reject: false,
      all: true,
    });
    let exited = false;
    void server.finally(() => {
      exited = true;
    });
    try {
      const deadline = Date.now() + HEALTH_DEADLINE_MS;
      let health: { status: number; body: unknown } | undefined;
      let lastError = 'no answer yet';
      while (!health && !exited && Date.now() < deadline) {
        try {
          const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2_000) });
          health = { status: response.status, body: await response.json() };
        } catch (error) {
          lastError = String(error);
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
      expect(health, `no answer on /health (exited: ${exited}; last error: ${lastError})`).toEqual({ status: 200, body: { status: 'ok' } });
      const index = await fetch(`http://127.0.0.1:${port}/`);
      expect(await index.json()).toEqual({ service: 'fast-api' });
    } finally {
      server.kill('SIGTERM');
    }
    const ended = await Promise.race([server, new Promise<null>((resolve) => setTimeout(() => resolve(null), SHUTDOWN_DEADLINE_MS))]);
    if (ended === null) server.kill('SIGKILL');
    expect(ended, 'did not exit within the shutdown deadline after SIGTERM').not.toBeNull();
    const output = String(ended!.all);
    expect(output).toMatch(/Shutting down\n.*Waiting for application shutdown\.\n.*Application shutdown complete\.\n.*Finished server process/);
    expect({ exitCode: ended!.exitCode ?? null, signal: ended!.signal ?? null }, output).toEqual({ exitCode: null, signal: 'SIGTERM' });
  });
});
