/**
 * Adopted projects really install and run: init --yes on each fixture, then the generated
 * Dockerfile's build-stage steps run for real (test/support/emulate-build.ts: pip from the real
 * PyPI index, the pyproject dependency listing, `pip install` of the project), and the CMD it
 * declares starts with the ENV it declares. Servers must answer GET /health with 200.
 * PyPI unreachable: skip with the reason, except under CI, where that fails. Small fixtures and
 * pip's own cache keep it quick.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { emulateBuild } from '../support/emulate-build.ts';
import { copyFixture } from '../support/init-fixtures.ts';
import { realIndexUnreachable } from '../support/python-venv.ts';
import { freePort, requireIndex } from '../support/app-server.ts';

const TIMEOUT_MS = 600_000;
const HEALTH_DEADLINE_MS = 30_000;
const made: string[] = [];
let unreachable: string | undefined;

beforeAll(async () => {
  unreachable = await realIndexUnreachable();
});
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** init --yes on a copy of the fixture, then the Dockerfile's build stage for real. */
async function initAndBuild(name: string, args: string[]) {
  const root = copyFixture(name);
  made.push(dirname(root));
  const result = await runCli(['init', root, '--yes', ...args]);
  expect(result.exitCode, result.stderr).toBe(0);
  const sandbox = mkdtempSync(join(tmpdir(), `csp-image-${name}-`));
  made.push(sandbox);
  return emulateBuild(readFileSync(join(root, 'Dockerfile'), 'utf8'), root, sandbox);
}

async function pollHealth(url: string, server: ResultPromise): Promise<number> {
  const deadline = Date.now() + HEALTH_DEADLINE_MS;
  let exited = false;
  void server.finally(() => {
    exited = true;
  });
  let last = 'no answer yet';
  while (Date.now() < deadline && !exited) {
    try {
      return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).status;
    } catch (error) {
      last = String(error);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`GET ${url} did not answer within ${HEALTH_DEADLINE_MS} ms (server exited: ${exited}; last error: ${last})`);
}

const SERVERS = [
  { name: 'flask-gunicorn', program: 'gunicorn' },
  { name: 'fastapi-pkg', program: 'uvicorn' },
  { name: 'django-site', program: 'gunicorn' },
];

describe('adopted projects install with real pip and run their CMD', () => {
  it.for(SERVERS)('$name: the CMD ($program) answers GET /health with 200', { timeout: TIMEOUT_MS }, async ({ name, program }, ctx) => {
    requireIndex(ctx, unreachable);
    const port = await freePort();
    const image = await initAndBuild(name, ['--port', String(port), '--python', '3.12']);
    expect(image.argv[0]).toBe(program);
    expect(image.env.PORT).toBe(String(port));
    const [command, ...rest] = image.argv;
    // The CMD's program resolves through ENV PATH to the venv, as in the image.
    const server = execa(join(image.bin, command!), rest, { cwd: image.cwd, env: image.env, extendEnv: false, detached: true, reject: false, all: true });
    try {
      expect(await pollHealth(`http://127.0.0.1:${port}/health`, server)).toBe(200);
    } finally {
      if (server.pid !== undefined && server.exitCode === null) {
        try {
          process.kill(-server.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
      const ended = await server;
      if (ended.exitCode !== 0 && !ended.isTerminated) console.log(`${name} output:\n${String(ended.all)}\n${image.log.join('\n')}`);
    }
  });

  it('scripts-pkg: the console script from [project.scripts] runs from the venv alone', { timeout: TIMEOUT_MS }, async (ctx) => {
    requireIndex(ctx, unreachable);
    const image = await initAndBuild('scripts-pkg', ['--python', '3.12']);
    expect(image.argv).toEqual(['hello']);
    // /app is empty for an installed project: the code comes only from the venv.
    const run = await execa(join(image.bin, 'hello'), ['Ada'], { cwd: image.cwd, env: image.env, extendEnv: false, reject: false, timeout: 30_000 });
    expect({ exitCode: run.exitCode, stdout: run.stdout }).toEqual({ exitCode: 0, stdout: 'Hello, Ada! (hello-tool)' });
  });
});
