/**
 * End-to-end: the built CLI's `verify` against a fake `docker` on PATH (test/verify/fake-docker)
 * that records its argv and replays recorded real outputs, and a real HTTP server standing in for
 * the container's published port. Proves the exit codes, the one-line messages, and that what
 * verify started is removed after success, failure, SIGTERM and Ctrl-C. Last, this machine as it
 * is: a docker client without an engine must give exit 2 and one clear line.
 */
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa, execaSync } from 'execa';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BIN, runCli } from '../support/cli.ts';

const FAKE_DIR = fileURLToPath(new URL('../verify/fake-docker/', import.meta.url));
const IMAGE_ID = `sha256:${'d'.repeat(64)}`;
const INSPECT = (() => {
  const data = JSON.parse(JSON.parse(readFileSync(fileURLToPath(new URL('../verify/fixtures/docker/image-inspect-docker-20.10.json', import.meta.url)), 'utf8')).stdout);
  data[0].Id = IMAGE_ID;
  data[0].Config.User = '10001';
  return JSON.stringify(data);
})();

let work: string;
let nodeOnly: string;
let server: Server | null = null;

beforeAll(() => {
  // A PATH folder with node (the fake docker's interpreter) and nothing else.
  nodeOnly = mkdtempSync(join(tmpdir(), 'csp-node-'));
  symlinkSync(process.execPath, join(nodeOnly, 'node'));
});

afterEach(() => {
  server?.close();
  server = null;
});

async function healthServer(status: number): Promise<number> {
  server = createServer((request, response) => {
    response.statusCode = request.url === '/health' ? status : 404;
    response.end('ok');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

type Answer = { fixture?: string; stdout?: string; stderr?: string; exitCode?: number; hangMs?: number; iid?: string };

/** A project folder and the fake docker's scenario; returns the env to run the CLI with. */
async function setUp(options: { app?: 'web' | 'cli'; port?: number; answers?: Record<string, Answer>; banner?: string } = {}) {
  work = mkdtempSync(join(tmpdir(), 'csp-verify-'));
  const create = options.app === 'cli' ? ['app', '--yes', '--app', 'cli'] : ['app', '--yes', '-r', 'aiohttp'];
  expect((await runCli(create, { cwd: work })).exitCode).toBe(0);
  const answers: Record<string, Answer> = {
    version: { fixture: 'version-docker-19.03' },
    build: { stdout: '#1 [internal] load build definition from Dockerfile\n#1 DONE 0.0s\n', iid: IMAGE_ID },
    'image-inspect': { stdout: INSPECT },
    'run-probe': { stdout: 'probe-done\n' },
    'run-app': { fixture: 'run-detach-docker' },
    port: { stdout: '127.0.0.1:{{PORT}}\n' },
    inspect: { stdout: '{"Status":"running","Running":true,"OOMKilled":false,"ExitCode":0}\n' },
    wait: { fixture: 'wait-docker' },
    logs: { stdout: 'serving on 0.0.0.0:8080\n' },
    rm: { stdout: 'removed\n' },
    'image-rm': { fixture: 'image-rm-docker' },
    ...options.answers,
  };
  const scenario = join(work, 'scenario.json');
  writeFileSync(scenario, JSON.stringify({ answers, port: options.port ?? 0, banner: options.banner ?? '' }));
  const log = join(work, 'docker-calls.jsonl');
  return { PATH: `${FAKE_DIR}:${nodeOnly}`, FAKE_DOCKER_SCENARIO: scenario, FAKE_DOCKER_LOG: log, CI: '' };
}

function calls(): string[][] {
  const log = join(work, 'docker-calls.jsonl');
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l).args as string[]);
}

const removals = () =>
  calls()
    .filter((c) => c[0] === 'rm' || (c[0] === 'image' && c[1] === 'rm'))
    .map((c) => c.slice(0, 2).join(' '));
const names = () => {
  const build = calls().find((c) => c[0] === 'build')!;
  const tag = build[build.indexOf('--tag') + 1]!;
  const suffix = tag.split(':')[1]!;
  return { tag, container: `slim-python-verify-app-${suffix}` };
};

async function waitFor(predicate: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; calls: ${JSON.stringify(calls())}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('verify with a container engine (fake docker replaying recorded outputs)', () => {
  it('a healthy web app: exit 0, the JSON document, and everything removed', async () => {
    const env = await setUp({ port: await healthServer(200) });
    const result = await runCli(['verify', 'app', '--json', '--quiet'], { cwd: work, env });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.proven).toBe(true);
    expect(doc.engine).toEqual({ name: 'Docker', version: '19.03.8' });
    expect(doc.image).toMatchObject({ id: IMAGE_ID, size: 7331611, user: '10001', kept: false });
    expect(doc.checks.map((c: { id: string; status: string }) => `${c.id}:${c.status}`)).toEqual([
      'build:pass',
      'size:pass',
      'user:pass',
      'compiler:pass',
      'dev-packages:pass',
      'headers:pass',
      'pip:pass',
      'app:pass',
      'healthcheck:n/a',
    ]);
    const { tag, container } = names();
    expect(tag).toMatch(/^create-slim-python-verify\/app:[0-9a-f]{8}$/);
    expect(calls().filter((c) => c[0] === 'rm' || c[1] === 'rm')).toEqual([
      ['rm', '--force', container],
      ['rm', '--force', `${container}-probe`],
      ['image', 'rm', tag],
    ]);
    // BuildKit is requested from the engine on every call.
    const log = readFileSync(join(work, 'docker-calls.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(log.every((entry: { env: { DOCKER_BUILDKIT: string } }) => entry.env.DOCKER_BUILDKIT === '1')).toBe(true);
  });

  it('the text table and the build log on stderr', async () => {
    const env = await setUp({ port: await healthServer(200) });
    const result = await runCli(['verify', 'app'], { cwd: work, env });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('#1 [internal] load build definition from Dockerfile');
    expect(result.stdout).toMatch(/^verify app with Docker 19\.03\.8, 7\.3 MB\n\n {2}ok {4}builds with BuildKit /);
    expect(result.stdout).toMatch(/\n {2}ok {4}app starts +GET \/health answered 200 after \d+\.\d s \(container port 8080\)\n/);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('proven: all 8 checks that apply passed');
  });

  it('podman behind podman-docker (its banner on every call): the same run', async () => {
    const env = await setUp({
      port: await healthServer(200),
      answers: { version: { fixture: 'version-podman-4.9-local' } },
      banner: 'Emulate Docker CLI using podman. Create /etc/containers/nodocker to quiet msg.\n',
    });
    const result = await runCli(['verify', 'app', '--json', '--quiet'], { cwd: work, env });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout).engine).toEqual({ name: 'Podman', version: '4.9.3' });
  });

  it('a /health that fails: exit 1 naming the check, and everything removed', async () => {
    const env = await setUp({ port: await healthServer(500) });
    const result = await runCli(['verify', 'app', '--quiet', '--timeout', '2'], { cwd: work, env });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('create-slim-python: verify: failed: app\n');
    expect(result.stdout).toContain(
      '  FAIL  app starts                   GET /health did not answer 200 within 2 s (last answer was HTTP 500); last output: serving on 0.0.0.0:8080\n',
    );
    expect(removals()).toEqual(['rm --force', 'rm --force', 'image rm']);
  });

  it("a failed build: exit 1 with BuildKit's reason; the tag is removed", async () => {
    const env = await setUp({ answers: { build: { fixture: 'build-buildkit-run-failed' } } });
    const result = await runCli(['verify', 'app', '--quiet'], { cwd: work, env });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/FAIL {2}builds with BuildKit +process "\/bin\/sh -c apk add .* did not complete successfully: exit code: 4/);
    expect(removals()).toEqual(['image rm']);
  });

  it('a cli app that exits 0 passes', async () => {
    const env = await setUp({ app: 'cli' });
    const result = await runCli(['verify', 'app', '--quiet', '--json'], { cwd: work, env });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout).checks.slice(-2)).toEqual([
      { id: 'app', label: 'app starts', status: 'pass', detail: 'exited with 0' },
      { id: 'healthcheck', label: 'HEALTHCHECK reports healthy', status: 'n/a', detail: 'cli apps have no HEALTHCHECK' },
    ]);
    expect(calls().some((c) => c[0] === 'port')).toBe(false);
  });

  it('SIGTERM while waiting for /health: exit 143 after removing the container, the probe container and the image', async () => {
    const env = await setUp({ port: await healthServer(503) });
    const child = execa('node', [CLI_BIN, 'verify', 'app', '--quiet'], { cwd: work, env, reject: false, stdin: 'ignore', timeout: 60_000 });
    await waitFor(() => calls().some((c) => c[0] === 'port'), 'the port lookup');
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    const result = await child;
    expect(result.exitCode).toBe(143);
    expect(String(result.stderr)).toContain('SIGTERM: stopping and removing what verify started');
    expect(String(result.stderr).trimEnd().split('\n').at(-1)).toBe('create-slim-python: stopped by SIGTERM: removed what verify started');
    expect(removals()).toEqual(['rm --force', 'rm --force', 'image rm']);
  });

  it('SIGHUP (terminal closed) during the build: exit 129 after removing the tag', async () => {
    const env = await setUp({ answers: { build: { stdout: '#5 [build 3/6] RUN pip install\n', hangMs: 30_000 } } });
    const child = execa('node', [CLI_BIN, 'verify', 'app', '--quiet'], { cwd: work, env, reject: false, stdin: 'ignore', timeout: 60_000 });
    await waitFor(() => calls().some((c) => c[0] === 'build'), 'the build');
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGHUP');
    const result = await child;
    expect(result.exitCode).toBe(129);
    expect(String(result.stderr).trimEnd().split('\n').at(-1)).toBe('create-slim-python: stopped by SIGHUP: removed what verify started');
    expect(removals()).toEqual(['image rm']);
  });

  it('Ctrl-C during a long build: the build is stopped, the tag removed, exit 130', async () => {
    const env = await setUp({ answers: { build: { stdout: '#5 [build 3/6] RUN pip install\n', hangMs: 30_000 } } });
    const child = execa('node', [CLI_BIN, 'verify', 'app', '--quiet'], { cwd: work, env, reject: false, stdin: 'ignore', timeout: 60_000 });
    await waitFor(() => calls().some((c) => c[0] === 'build'), 'the build');
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    child.kill('SIGINT');
    const result = await child;
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.exitCode).toBe(130);
    expect(String(result.stderr).trimEnd().split('\n').at(-1)).toBe('create-slim-python: cancelled: removed what verify started');
    expect(removals()).toEqual(['image rm']);
  });

  it('a second SIGTERM while removing exits at once and names what is left, with the command', async () => {
    const env = await setUp({ port: await healthServer(503), answers: { rm: { stdout: '', hangMs: 8_000 } } });
    const child = execa('node', [CLI_BIN, 'verify', 'app', '--quiet'], { cwd: work, env, reject: false, stdin: 'ignore', timeout: 60_000 });
    await waitFor(() => calls().some((c) => c[0] === 'port'), 'the port lookup');
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    await waitFor(() => calls().some((c) => c[0] === 'rm'), 'the first removal');
    child.kill('SIGTERM');
    const result = await child;
    expect(result.exitCode).toBe(143);
    const { tag, container } = names();
    const left = String(result.stderr)
      .split('\n')
      .filter((l) => l.includes('left behind'));
    expect(left).toEqual([
      `create-slim-python: left behind container ${container}: remove it with docker rm --force ${container}`,
      `create-slim-python: left behind container ${container}-probe: remove it with docker rm --force ${container}-probe`,
      `create-slim-python: left behind image ${tag}: remove it with docker image rm ${tag}`,
    ]);
  });

  it('usage errors: bad --timeout, not a project', async () => {
    const env = await setUp();
    const bad = await runCli(['verify', 'app', '--timeout', '0'], { cwd: work, env });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toBe('create-slim-python: invalid --timeout "0": use a whole number from 1 to 3600\n');
    const none = await runCli(['verify', 'elsewhere'], { cwd: work, env });
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toMatch(/elsewhere\/slim-python\.json not found: run this in a project made by create-slim-python, or pass its directory\n$/);
    expect(calls()).toEqual([]);
  });
});

describe('verify without a usable engine: exit 2 and one line', () => {
  it('no docker on PATH', async () => {
    const env = await setUp();
    const result = await runCli(['verify', 'app'], { cwd: work, env: { ...env, PATH: nodeOnly } });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('create-slim-python: docker not found: install Docker or run in CI\n');
    expect(result.stdout).toBe('');
  });

  it('a docker client whose daemon does not answer (recorded on this machine)', async () => {
    const env = await setUp({ answers: { version: { fixture: 'version-docker-28-no-daemon' } } });
    const result = await runCli(['verify', 'app'], { cwd: work, env });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe(
      'create-slim-python: docker client 28.2.2 found, but no Docker engine answers at unix:///var/run/docker.sock: start Docker (or Docker Desktop), set DOCKER_HOST, or run in CI\n',
    );
    expect(calls().map((c) => c[0])).toEqual(['version']);
  });

  // Where a real engine answers, this case does not apply (the fake-docker cases above still run).
  const engineHere = execaSync('docker', ['version', '--format', '{{json .Server}}'], { reject: false, timeout: 20_000, stdin: 'ignore' }).exitCode === 0;
  it.skipIf(engineHere)('this machine, as it is (no engine): exit 2, one clear line, nothing else', async () => {
    work = mkdtempSync(join(tmpdir(), 'csp-verify-'));
    expect((await runCli(['app', '--yes', '-r', 'aiohttp'], { cwd: work })).exitCode).toBe(0);
    const result = await runCli(['verify', 'app'], { cwd: work });
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).toMatch(/^create-slim-python: (docker not found: install Docker or run in CI|docker client \S+ found, but .*run in CI)\n$/);
  });
});
