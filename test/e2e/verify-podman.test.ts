/**
 * verify against a REAL engine where one works: podman, with the real Alpine 3.23 userland of the
 * execution tests (scripts/setup-alpine-rootfs.sh) imported as the base image, since no registry
 * is reachable here. The app is a stand-in (busybox nc answering HTTP), the checks and the clean-up
 * are verify's own. Skips, saying why, where podman or that userland is missing or podman cannot
 * run a container (no engine is the documented state of these machines, CI included).
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa, execaSync } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_BIN, runCli } from '../support/cli.ts';

const ROOTFS = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'create-slim-python', 'alpine-3.23-x86_64', 'rootfs');
const BASE = `localhost/csp-verify-test-alpine:${process.pid}`;
const work = mkdtempSync(join(tmpdir(), 'csp-verify-podman-'));

/** The env under which podman runs a container here, or why it cannot. */
function findPodman(): { env: Record<string, string> } | { why: string } {
  if (execaSync('podman', ['--version'], { reject: false, stdin: 'ignore' }).exitCode !== 0) return { why: 'podman not installed' };
  if (!existsSync(join(ROOTFS, 'bin/busybox'))) return { why: `no Alpine rootfs at ${ROOTFS} (bash scripts/setup-alpine-rootfs.sh)` };
  const imported = execaSync('sh', ['-c', 'tar -C "$1" -c . | podman import - "$2"', 'sh', ROOTFS, BASE], { reject: false, stdin: 'ignore' });
  if (imported.exitCode !== 0) return { why: `podman import failed: ${String(imported.stderr).split('\n').at(-1)}` };
  // Machines with hybrid cgroups (like these) need runc instead of crun, and no default ulimits.
  const runcConf = join(work, 'containers.conf');
  writeFileSync(runcConf, '[containers]\ndefault_ulimits = []\n\n[engine]\nruntime = "runc"\n');
  for (const env of [{}, { CONTAINERS_CONF: runcConf }] as Record<string, string>[]) {
    const probe = execaSync('podman', ['run', '--rm', BASE, 'true'], { reject: false, stdin: 'ignore', env, timeout: 60_000 });
    if (probe.exitCode === 0) return { env };
  }
  return { why: 'podman cannot run a container here' };
}

const podman = findPodman();
const skipWhy = 'why' in podman ? podman.why : undefined;
const env = 'env' in podman ? podman.env : {};

const STAND_IN = (options: { status: string; user: boolean; plant: boolean }) => `FROM ${BASE}
RUN printf '#!/bin/sh\\nprintf "HTTP/1.0 ${options.status}\\\\r\\\\nContent-Length: 3\\\\r\\\\n\\\\r\\\\nok\\\\n"\\n' > /respond && chmod 755 /respond && adduser -D -u 10001 app${options.plant ? ' && touch /usr/bin/gcc && chmod 755 /usr/bin/gcc && mkdir -p /usr/lib/python3.12/site-packages/pip' : ''}
${options.user ? 'USER 10001' : ''}
EXPOSE 8080
HEALTHCHECK --interval=2s --timeout=2s CMD wget -q --spider http://127.0.0.1:8080/health || exit 1
CMD ["nc", "-lk", "-p", "8080", "-e", "/respond"]
`;

async function project(name: string, dockerfile: string): Promise<void> {
  expect((await runCli([name, '--yes', '-r', 'aiohttp'], { cwd: work })).exitCode).toBe(0);
  writeFileSync(join(work, name, 'Dockerfile'), dockerfile);
}

/** verify's own containers and images still present. */
function leftovers(): string[] {
  const containers = String(execaSync('podman', ['ps', '--all', '--format', '{{.Names}}'], { env, reject: false }).stdout).split('\n');
  const images = String(execaSync('podman', ['images', '--format', '{{.Repository}}:{{.Tag}}'], { env, reject: false }).stdout).split('\n');
  return [...containers, ...images].filter((line) => line.includes('slim-python-verify'));
}

beforeAll(() => {
  if (!skipWhy) expect(leftovers()).toEqual([]);
});

afterAll(() => {
  if (!skipWhy) execaSync('podman', ['image', 'rm', BASE], { env, reject: false });
});

describe.skipIf(skipWhy !== undefined)(`verify on a real podman${skipWhy ? ` (skipped: ${skipWhy})` : ''}`, () => {
  it('a good image: exit 0, every check proven (HEALTHCHECK included), nothing left', async () => {
    await project('good', STAND_IN({ status: '200 OK', user: true, plant: false }));
    const result = await runCli(['verify', 'good', '--docker', 'podman', '--json', '--quiet', '--timeout', '30'], { cwd: work, env });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.engine.name).toBe('Podman');
    expect(doc.checks.map((c: { id: string; status: string }) => `${c.id}:${c.status}`)).toEqual([
      'build:pass',
      'size:pass',
      'user:pass',
      'compiler:pass',
      'dev-packages:pass',
      'headers:pass',
      'pip:pass',
      'app:pass',
      'healthcheck:pass',
    ]);
    expect(doc.image.size).toBeGreaterThan(5_000_000);
    expect(leftovers()).toEqual([]);
  });

  it('a bad image: exit 1 naming root, the compiler and pip; nothing left', async () => {
    await project('bad', STAND_IN({ status: '200 OK', user: false, plant: true }));
    const result = await runCli(['verify', 'bad', '--docker', 'podman', '--quiet', '--timeout', '30'], { cwd: work, env });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('create-slim-python: verify: failed: user, compiler, pip\n');
    expect(result.stdout).toContain('found /usr/bin/gcc');
    expect(leftovers()).toEqual([]);
  });

  it('SIGTERM while /health answers 503: exit 143, nothing left', async () => {
    await project('slow', STAND_IN({ status: '503 Busy', user: true, plant: false }));
    const child = execa('node', [CLI_BIN, 'verify', 'slow', '--docker', 'podman', '--quiet', '--timeout', '60'], {
      cwd: work,
      env: { ...process.env, ...env },
      reject: false,
      stdin: 'ignore',
      timeout: 90_000,
    });
    const deadline = Date.now() + 60_000;
    while (!leftovers().some((l) => !l.endsWith('-probe') && l.startsWith('slim-python-verify-slow-'))) {
      if (Date.now() > deadline) throw new Error('the app container never started');
      await new Promise((r) => setTimeout(r, 250));
    }
    await new Promise((r) => setTimeout(r, 1_000));
    child.kill('SIGTERM');
    const result = await child;
    expect(result.exitCode).toBe(143);
    expect(leftovers()).toEqual([]);
  });
});
