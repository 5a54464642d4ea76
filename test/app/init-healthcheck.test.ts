/**
 * An adopted project's HEALTHCHECK, run for real: the exec-form argv from the generated
 * Dockerfile is executed by the busybox of a real Alpine userland (scripts/setup-alpine-rootfs.sh,
 * chroot: the host's network is the container's loopback here) against a real server. It must
 * exit 0 while the path answers 200, and non-zero on a 404 and when nothing listens.
 * Needs root (chroot) and the unpacked rootfs: skipped with the reason elsewhere; under CI the
 * rootfs is set up here (the script is idempotent) and required.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { isCi, REPO_ROOT, runCli } from '../support/cli.ts';
import { copyFixture } from '../support/init-fixtures.ts';
import { requireOrSkip } from '../support/require.ts';

const ROOTFS = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'create-slim-python', 'alpine-3.23-x86_64', 'rootfs');
let unavailable: string | undefined;
let server: Server;
let port: number;
const made: string[] = [];

beforeAll(async () => {
  if (process.getuid?.() !== 0) unavailable = 'chroot needs root';
  else if (!existsSync(join(ROOTFS, 'bin/busybox'))) {
    if (isCi()) execFileSync('bash', [join(REPO_ROOT, 'scripts/setup-alpine-rootfs.sh')], { stdio: 'inherit', timeout: 600_000 });
    else unavailable = `no Alpine userland at ${ROOTFS} (run: bash scripts/setup-alpine-rootfs.sh)`;
  }
  server = createServer((request, response) => {
    response.statusCode = request.url === '/healthz?deep=1' ? 200 : 404;
    response.end(response.statusCode === 200 ? 'ok' : 'missing');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
}, 660_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function requireUserland(ctx: TestContext): void {
  requireOrSkip(ctx, unavailable, 'the Alpine userland');
}

/** The HEALTHCHECK CMD argv of an init Dockerfile for `--health path` on `port`. */
async function healthcheckArgv(health: string, onPort: number): Promise<string[]> {
  const root = copyFixture('flask-gunicorn');
  made.push(dirname(root));
  const result = await runCli(['init', root, '--yes', '--port', String(onPort), '--health', health]);
  expect(result.exitCode, result.stderr).toBe(0);
  const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const line = /^ {4}CMD (\[.*\])$/m.exec(dockerfile.slice(dockerfile.indexOf('HEALTHCHECK')))?.[1];
  expect(line, dockerfile).toBeDefined();
  return JSON.parse(line!) as string[];
}

async function runInUserland(argv: string[]): Promise<number> {
  // No shell anywhere: chroot execs the argv as Docker's exec form would.
  const result = await execa('chroot', [ROOTFS, ...argv], { reject: false, timeout: 30_000 });
  return result.exitCode ?? -1;
}

describe("an adopted project's HEALTHCHECK in a real Alpine userland", () => {
  it('exits 0 on 200, non-zero on 404 and on a closed port', async (ctx) => {
    requireUserland(ctx);
    const argv = await healthcheckArgv('/healthz?deep=1', port);
    expect(argv).toEqual(['wget', '-q', '-T', '4', '-O', '/dev/null', `http://127.0.0.1:${port}/healthz?deep=1`]);
    expect(await runInUserland(argv)).toBe(0);
    expect(await runInUserland(await healthcheckArgv('/other', port))).not.toBe(0);
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const free = (probe.address() as { port: number }).port;
        probe.close(() => resolve(free));
      });
    });
    expect(await runInUserland(await healthcheckArgv('/healthz?deep=1', closed < 1024 ? 1024 : closed))).not.toBe(0);
  });
});
