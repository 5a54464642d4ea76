/**
 * verify's check logic and clean-up, in-process: a runner replays recorded real docker outputs
 * (fixtures/docker) and records every call, so each test asserts both the verdict and exactly
 * what would have been run, including the removals after a failure or a cancellation.
 */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exitCodeOf } from '../../src/errors.ts';
import type { HttpGet } from '../../src/commands/verify/app-check.ts';
import { allPassed } from '../../src/commands/verify/checks.ts';
import type { DockerCall, DockerResult } from '../../src/commands/verify/docker-runner.ts';
import { planVerify, type VerifyPlan } from '../../src/commands/verify/plan-verify.ts';
import { PROBE_SCRIPT } from '../../src/commands/verify/probe-script.ts';
import { runVerify, type VerifyOutcome } from '../../src/commands/verify/run-verify.ts';
import { ok, recording, replay, replayRunner } from './recorded.ts';

const IMAGE_ID = `sha256:${'c'.repeat(64)}`;
const CLEAN_PROBE = 'content-bytes 6900000\nprobe-done\n';

/** The recorded image inspect, with the USER our Dockerfile sets (the recorded image runs as root), and a HEALTHCHECK when asked. */
function inspectAs(user: string, healthcheck = false): string {
  const data = JSON.parse(recording('image-inspect-docker-20.10').stdout);
  data[0].Config.User = user;
  data[0].Id = IMAGE_ID;
  // Docker's JSON for `HEALTHCHECK --interval=30s --timeout=5s CMD wget -q --spider http://127.0.0.1:8080/health`.
  if (healthcheck) data[0].Config.Healthcheck = { Test: ['CMD-SHELL', 'wget -q --spider http://127.0.0.1:8080/health || exit 1'], Interval: 30e9, Timeout: 5e9 };
  return JSON.stringify(data, null, 4);
}

/** A running container's State with a recorded State.Health inside. */
function runningWithHealth(name: string): DockerResult {
  return ok(JSON.stringify({ Status: 'running', Running: true, OOMKilled: false, ExitCode: 0, Health: JSON.parse(recording(name).stdout) }));
}

const RUNNING_STATE = '{"Status":"running","Running":true,"Paused":false,"Restarting":false,"OOMKilled":false,"Dead":false,"Pid":42,"ExitCode":0}\n';

interface Scenario {
  app?: 'web' | 'cli';
  timeoutMs?: number;
  keepImage?: boolean;
  maxSizeBytes?: number | null;
  overrides?: (args: readonly string[], call: DockerCall) => DockerResult | undefined;
  httpGet?: HttpGet;
  controller?: AbortController;
  now?: () => number;
}

function plan(s: Scenario): VerifyPlan {
  const app = s.app ?? 'web';
  return planVerify({
    root: '/work/app',
    config: { name: 'app', app, port: app === 'web' ? 8080 : null },
    suffix: '0123abcd',
    timeoutMs: s.timeoutMs ?? 5_000,
    keepImage: s.keepImage ?? false,
    maxSizeBytes: s.maxSizeBytes ?? null,
  });
}

/** A whole healthy run unless `overrides` answers a call differently. */
async function run(s: Scenario = {}): Promise<{ outcome: VerifyOutcome; calls: string[][] }> {
  const docker = replayRunner((args, call) => {
    const special = s.overrides?.(args, call);
    if (special) return special;
    switch (args[0]) {
      case 'version':
        return replay('version-docker-19.03');
      case 'build':
        writeFileSync(args[2]!, IMAGE_ID);
        return ok('#12 DONE 0.1s\n');
      case 'image':
        return args[1] === 'inspect' ? ok(inspectAs('10001')) : replay('image-rm-docker');
      case 'run':
        return args.includes('--entrypoint') ? ok(CLEAN_PROBE) : replay('run-detach-docker');
      case 'port':
        return ok('127.0.0.1:49153\n');
      case 'inspect':
        return ok(RUNNING_STATE);
      case 'wait':
        return replay('wait-docker');
      case 'logs':
        return ok('Traceback (most recent call last):\nModuleNotFoundError: No module named aiohttp\n');
      case 'rm':
        return ok('slim-python-verify-app-0123abcd\n');
      case 'ps':
        return ok('');
      default:
        throw new Error(`unexpected docker ${args.join(' ')}`);
    }
  });
  const controller = s.controller ?? new AbortController();
  const outcome = await runVerify(plan(s), {
    docker,
    dockerFile: 'docker',
    httpGet: s.httpGet ?? (async () => 200),
    signal: controller.signal,
    onBuildOutput: null,
    ...(s.now ? { now: s.now } : {}),
  });
  return { outcome, calls: docker.calls.map((c) => [...c.args]) };
}

const statusOf = (outcome: VerifyOutcome) => Object.fromEntries(outcome.checks.map((c) => [c.id, c.status]));
const removals = (calls: string[][]) => calls.filter((c) => c[0] === 'rm' || (c[0] === 'image' && c[1] === 'rm')).map((c) => c.join(' '));
const ALL_REMOVED = ['rm --force slim-python-verify-app-0123abcd', 'rm --force slim-python-verify-app-0123abcd-probe', 'image rm create-slim-python-verify/app:0123abcd'];

describe('a healthy web app', () => {
  it('passes every check, in order, and removes its container, the probe container and the image', async () => {
    const { outcome, calls } = await run();
    expect(outcome.checks.map((c) => [c.id, c.status])).toEqual([
      ['build', 'pass'],
      ['size', 'pass'],
      ['user', 'pass'],
      ['compiler', 'pass'],
      ['dev-packages', 'pass'],
      ['headers', 'pass'],
      ['pip', 'pass'],
      ['app', 'pass'],
      ['healthcheck', 'n/a'],
    ]);
    expect(allPassed(outcome.checks)).toBe(true);
    expect(outcome.engine).toEqual({ name: 'Docker', version: '19.03.8', clientVersion: '19.03.8' });
    expect(outcome.checks.find((c) => c.id === 'size')!.detail).toBe('7.3 MB (engine), 6.9 MB of files');
    expect(outcome.contentBytes).toBe(6_900_000);
    expect(calls.map((c) => c.slice(0, 2).join(' '))).toEqual([
      'version --format',
      'build --iidfile',
      'image inspect',
      'run --rm',
      'run --detach',
      'port slim-python-verify-app-0123abcd',
      'rm --force',
      'rm --force',
      'image rm',
    ]);
    expect(removals(calls)).toEqual(ALL_REMOVED);
    expect(outcome.cleanup.removed.map((r) => r.ref)).toEqual([
      'slim-python-verify-app-0123abcd',
      'slim-python-verify-app-0123abcd-probe',
      'create-slim-python-verify/app:0123abcd',
    ]);
  });

  it('runs docker with argument arrays: build by path, probe with our fixed script as one argument, web port on 127.0.0.1 only', async () => {
    const { calls } = await run();
    expect(calls[1]!.slice(3)).toEqual(['--tag', 'create-slim-python-verify/app:0123abcd', '--file', '/work/app/Dockerfile', '/work/app']);
    const probe = calls.find((c) => c.includes('--entrypoint'))!;
    expect(probe).toEqual([
      'run',
      '--rm',
      '--name',
      'slim-python-verify-app-0123abcd-probe',
      '--network',
      'none',
      '--user',
      '0:0',
      '--entrypoint',
      '/bin/sh',
      IMAGE_ID,
      '-c',
      PROBE_SCRIPT,
    ]);
    expect(calls.find((c) => c.includes('--detach'))).toEqual(['run', '--detach', '--name', 'slim-python-verify-app-0123abcd', '--publish', '127.0.0.1::8080', IMAGE_ID]);
  });

  it('--keep-image keeps the image and still removes the containers', async () => {
    const { outcome, calls } = await run({ keepImage: true });
    expect(removals(calls)).toEqual(ALL_REMOVED.slice(0, 2));
    expect(outcome.cleanup.kept).toEqual([{ kind: 'image', ref: 'create-slim-python-verify/app:0123abcd' }]);
  });

  it('--max-size fails the size check above the limit', async () => {
    const { outcome } = await run({ maxSizeBytes: 5_000_000 });
    expect(outcome.checks.find((c) => c.id === 'size')).toEqual({ id: 'size', status: 'fail', detail: '7.3 MB (engine), 6.9 MB of files: over --max-size 5.0 MB' });
    expect(allPassed(outcome.checks)).toBe(false);
  });

  it('--max-size holds the larger figure: a compressed engine size does not hide a large image', async () => {
    const { outcome } = await run({ maxSizeBytes: 8_000_000, overrides: (args) => (args.includes('--entrypoint') ? ok('content-kib 9766\nprobe-done\n') : undefined) });
    expect(outcome.checks.find((c) => c.id === 'size')).toEqual({ id: 'size', status: 'fail', detail: '7.3 MB (engine), 10.0 MB of files: over --max-size 8.0 MB' });
  });
});

describe('builders', () => {
  it('a docker-container buildx builder (CI) keeps the image in its cache: the build is run again with --load', async () => {
    let builds = 0;
    const { outcome, calls } = await run({
      overrides: (args) => {
        if (args[0] !== 'build') return undefined;
        builds += 1;
        if (builds === 1) return replay('build-docker-container-driver');
        writeFileSync(args[args.indexOf('--iidfile') + 1]!, IMAGE_ID);
        return ok();
      },
    });
    expect(calls.filter((c) => c[0] === 'build').map((c) => c[1])).toEqual(['--iidfile', '--load']);
    expect(allPassed(outcome.checks)).toBe(true);
  });
});

describe('failed checks still clean up', () => {
  it('a failed build (podman): the reason, every other check skipped, the tag removed', async () => {
    const { outcome, calls } = await run({ overrides: (args) => (args[0] === 'build' ? replay('build-podman-run-failed') : undefined) });
    expect(outcome.checks[0]).toEqual({
      id: 'build',
      status: 'fail',
      detail: 'error building at STEP "RUN chmod -R g=u /opt/{ansible,apb}": error while running runtime: exit status 2',
    });
    expect(outcome.checks.slice(1).every((c) => c.status === 'skip' && c.detail === 'the build failed')).toBe(true);
    expect(removals(calls)).toEqual(['image rm create-slim-python-verify/app:0123abcd']);
  });

  it('BuildKit without buildx is exit 2 naming the fix, after removing what was recorded', async () => {
    const error = await run({ overrides: (args) => (args[0] === 'build' ? replay('build-buildx-missing') : undefined) }).catch((e: unknown) => e);
    expect(exitCodeOf(error)).toBe(2);
    expect((error as Error).message).toBe(
      'docker cannot build with BuildKit: the buildx component is missing; install it (docker-buildx-plugin, or docker-buildx) and run verify again',
    );
  });

  it('a root user, a compiler, -dev packages, headers and pip are each named', async () => {
    const probe = [
      'compiler /usr/bin/gcc',
      'compiler /usr/bin/ld',
      'dev-package openssl-dev',
      'header /usr/local/include/python3.12/Python.h',
      'pip /usr/local/bin/pip',
      'pip /usr/local/lib/python3.12/site-packages/pip',
      'probe-done',
    ].join('\n');
    const { outcome, calls } = await run({
      overrides: (args) => {
        if (args[0] === 'image' && args[1] === 'inspect') return ok(inspectAs(''));
        if (args.includes('--entrypoint')) return ok(`${probe}\n`);
        return undefined;
      },
    });
    expect(statusOf(outcome)).toMatchObject({ user: 'fail', compiler: 'fail', 'dev-packages': 'fail', headers: 'fail', pip: 'fail', app: 'pass' });
    expect(outcome.checks.find((c) => c.id === 'pip')!.detail).toBe('found /usr/local/bin/pip, /usr/local/lib/python3.12/site-packages/pip');
    expect(outcome.checks.find((c) => c.id === 'user')!.detail).toBe('no USER: runs as root');
    expect(removals(calls)).toEqual(ALL_REMOVED);
  });

  it('an image without /bin/sh: the content checks are not proven (skip), which fails verify', async () => {
    const { outcome } = await run({
      overrides: (args) =>
        args.includes('--entrypoint')
          ? { ...ok(), exitCode: 127, stderr: 'docker: Error response from daemon: exec: "/bin/sh": stat /bin/sh: no such file or directory\n' }
          : undefined,
    });
    expect(outcome.checks.find((c) => c.id === 'pip')).toMatchObject({ status: 'skip', detail: expect.stringContaining('stat /bin/sh: no such file or directory') });
    expect(allPassed(outcome.checks)).toBe(false);
  });

  it('an app that exits before /health answers fails at once with its last log line', async () => {
    const { outcome, calls } = await run({
      httpGet: async () => null,
      overrides: (args) => (args[0] === 'inspect' ? replay('state-podman-exited') : undefined),
    });
    expect(outcome.checks.find((c) => c.id === 'app')).toEqual({
      id: 'app',
      status: 'fail',
      detail: 'the container exited with 0 (exited) before /health answered; last output: ModuleNotFoundError: No module named aiohttp',
    });
    expect(removals(calls)).toEqual(ALL_REMOVED);
  });

  it('a /health that never answers 200 fails at the bounded timeout', async () => {
    const started = Date.now();
    const { outcome, calls } = await run({ timeoutMs: 1_200, httpGet: async () => 503 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(outcome.checks.find((c) => c.id === 'app')!.detail).toMatch(/^GET \/health did not answer 200 within 1\.2 s \(last answer was HTTP 503\); last output: /);
    expect(removals(calls)).toEqual(ALL_REMOVED);
  });

  it("an unpublished port fails with docker's message", async () => {
    const { outcome } = await run({ overrides: (args) => (args[0] === 'port' ? replay('port-docker-not-published') : undefined) });
    expect(outcome.checks.find((c) => c.id === 'app')!.detail).toBe("port 8080 is not published: 2014/06/24 11:53:36 Error: No public port '7890/udp' published for test");
  });

  it('a removal that fails is reported with the command to run; an already-gone one is not', async () => {
    const { outcome } = await run({
      overrides: (args) => {
        if (args[0] === 'rm' && args[2]!.endsWith('-probe')) return replay('rm-podman-no-such-container');
        if (args[0] === 'rm') return { ...ok(), exitCode: 1, stderr: 'Error response from daemon: cannot remove container: device or resource busy\n' };
        return undefined;
      },
    });
    expect(outcome.cleanup.failed).toEqual([
      {
        resource: { kind: 'container', ref: 'slim-python-verify-app-0123abcd' },
        command: 'docker rm --force slim-python-verify-app-0123abcd',
        reason: 'Error response from daemon: cannot remove container: device or resource busy',
      },
    ]);
    expect(outcome.cleanup.removed).toEqual([{ kind: 'image', ref: 'create-slim-python-verify/app:0123abcd' }]);
  });
});

describe("the image's HEALTHCHECK", () => {
  const withHealthcheck = (state: (n: number) => DockerResult) => {
    let polls = 0;
    return (args: readonly string[]) => {
      if (args[0] === 'image' && args[1] === 'inspect') return ok(inspectAs('10001', true));
      if (args[0] === 'inspect') return state(++polls);
      return undefined;
    };
  };

  it('Docker: polled until healthy (busybox wget recorded)', async () => {
    const { outcome } = await run({ overrides: withHealthcheck((n) => (n < 3 ? runningWithHealth('health-docker-starting') : runningWithHealth('health-docker-healthy-wget'))) });
    expect(outcome.checks.at(-1)).toMatchObject({ id: 'healthcheck', status: 'pass', detail: expect.stringMatching(/^healthy after \d+\.\d s$/) });
    expect(allPassed(outcome.checks)).toBe(true);
  });

  it('Docker: unhealthy fails with the last check output', async () => {
    const { outcome } = await run({ overrides: withHealthcheck(() => runningWithHealth('health-docker-unhealthy')) });
    expect(outcome.checks.at(-1)).toEqual({
      id: 'healthcheck',
      status: 'fail',
      detail: 'unhealthy: The content of the healthcheck did not match. Expected Content-"healthy", we got: test',
    });
  });

  it('Docker: still starting after one interval plus one check timeout fails (bounded)', async () => {
    // The clock runs only once the HEALTHCHECK is polled (the app's /health answered at once): 10 s per reading.
    let clock = 0;
    let ticking = false;
    const { outcome } = await run({
      now: () => (ticking ? (clock += 10_000) : clock),
      overrides: withHealthcheck(() => {
        ticking = true;
        return runningWithHealth('health-docker-starting');
      }),
    });
    expect(outcome.checks.at(-1)).toEqual({ id: 'healthcheck', status: 'fail', detail: 'not healthy within 40 s (starting, last check: Health check exceeded timeout (30ms))' });
  });

  it('podman: run once with `healthcheck run` (exit 0 healthy, 1 unhealthy)', async () => {
    for (const [exitCode, status, detail] of [
      [0, 'pass', 'podman healthcheck run: healthy'],
      [1, 'fail', 'podman healthcheck run: unhealthy'],
    ] as const) {
      const { outcome, calls } = await run({
        overrides: (args) => {
          if (args[0] === 'version') return replay('version-podman-4.9-local');
          if (args[0] === 'image' && args[1] === 'inspect') return ok(inspectAs('10001', true));
          if (args[0] === 'healthcheck') return { ...ok(exitCode === 0 ? '' : 'unhealthy\n'), exitCode };
          return undefined;
        },
      });
      expect(outcome.checks.at(-1)).toEqual({ id: 'healthcheck', status, detail });
      expect(calls.find((c) => c[0] === 'healthcheck')).toEqual(['healthcheck', 'run', 'slim-python-verify-app-0123abcd']);
    }
  });

  it('a cli app or an image without HEALTHCHECK: not applicable, not a failure', async () => {
    const { outcome } = await run({ app: 'cli' });
    expect(outcome.checks.at(-1)).toEqual({ id: 'healthcheck', status: 'n/a', detail: 'cli apps have no HEALTHCHECK' });
    expect(allPassed(outcome.checks)).toBe(true);
  });
});

describe('cli apps', () => {
  it('exit 0 passes; no port is published', async () => {
    const { outcome, calls } = await run({ app: 'cli' });
    expect(statusOf(outcome).app).toBe('pass');
    expect(calls.find((c) => c.includes('--detach'))).toEqual(['run', '--detach', '--name', 'slim-python-verify-app-0123abcd', IMAGE_ID]);
    expect(calls.some((c) => c[0] === 'port')).toBe(false);
  });
  it('a non-zero exit fails with the last log line', async () => {
    const { outcome } = await run({ app: 'cli', overrides: (args) => (args[0] === 'wait' ? ok('1\n') : undefined) });
    expect(outcome.checks.find((c) => c.id === 'app')!.detail).toBe('exited with 1; last output: ModuleNotFoundError: No module named aiohttp');
  });
  it('an app that does not exit within the timeout fails', async () => {
    const { outcome } = await run({ app: 'cli', overrides: (args) => (args[0] === 'wait' ? { ...ok(), exitCode: null, timedOut: true } : undefined) });
    expect(outcome.checks.find((c) => c.id === 'app')!.detail).toMatch(/^did not exit within 5 s/);
  });
});

describe('cancellation (Ctrl-C, SIGTERM)', () => {
  it('during the health polling: stops, removes everything, reports cancelled', async () => {
    const controller = new AbortController();
    let polls = 0;
    const { outcome, calls } = await run({
      controller,
      httpGet: async () => {
        polls += 1;
        if (polls === 2) controller.abort('SIGTERM');
        return null;
      },
    });
    expect(outcome.cancelled).toBe(true);
    expect(removals(calls)).toEqual(ALL_REMOVED);
    // Clean-up calls must not be cancelled by the same signal.
    expect(outcome.cleanup.removed).toHaveLength(3);
  });

  it('during the build: the killed build leaves only the tag to remove', async () => {
    const controller = new AbortController();
    const { outcome, calls } = await run({
      controller,
      overrides: (args) => {
        if (args[0] !== 'build') return undefined;
        controller.abort('SIGINT');
        return { ...ok(), exitCode: null, cancelled: true };
      },
    });
    expect(outcome.cancelled).toBe(true);
    expect(removals(calls)).toEqual(['image rm create-slim-python-verify/app:0123abcd']);
  });

  it('podman: a cancelled build names the build containers it left, removes none of them', async () => {
    const controller = new AbortController();
    let listings = 0;
    const { outcome, calls } = await run({
      controller,
      overrides: (args) => {
        if (args[0] === 'version') return replay('version-podman-4.3-here');
        if (args[0] === 'ps') return (listings += 1) === 1 ? ok('') : replay('ps-external-podman-4.3-after-cancelled-build');
        if (args[0] !== 'build') return undefined;
        controller.abort('SIGINT');
        return { ...ok(), exitCode: null, cancelled: true };
      },
    });
    expect(outcome.cancelled).toBe(true);
    expect(outcome.cleanup.failed).toEqual([
      {
        resource: { kind: 'container', ref: 'csp-alpine-rootfs-working-container' },
        command: 'docker rm --force csp-alpine-rootfs-working-container',
        reason: 'left by the cancelled podman build (not removed: another build may own it)',
      },
      {
        resource: { kind: 'container', ref: '30de339b4279-working-container' },
        command: 'docker rm --force 30de339b4279-working-container',
        reason: 'left by the cancelled podman build (not removed: another build may own it)',
      },
    ]);
    expect(removals(calls)).toEqual(['image rm create-slim-python-verify/app:0123abcd']);
  });

  it('clean-up calls are never cancellable', async () => {
    const seen: DockerCall[] = [];
    await run({
      overrides: (args, call) => {
        if (args[0] === 'rm' || args[1] === 'rm') seen.push(call);
        return undefined;
      },
    });
    expect(seen.map((c) => c.cancellable)).toEqual([false, false, false]);
  });
});

describe('a whole run replayed from podman 4.3.1 on this machine (every answer recorded)', () => {
  it('proves the image, HEALTHCHECK included, and removes everything', async () => {
    const podmanId = `sha256:ba440835659389dfcf923dc48f1e5ce904795ea98234118071f856dfaaf1e205`;
    const { outcome, calls } = await run({
      overrides: (args) => {
        const byKind: Record<string, string> = {
          version: 'version-podman-4.3-here',
          port: 'port-podman-4.3',
          inspect: 'state-podman-4.3-running',
          healthcheck: 'healthcheck-run-podman-4.3-healthy',
          logs: 'logs-podman-4.3',
          rm: 'rm-podman-4.3',
        };
        if (args[0] === 'build') {
          writeFileSync(args[args.indexOf('--iidfile') + 1]!, podmanId);
          return replay('build-podman-4.3-docker-format');
        }
        if (args[0] === 'image') return replay(args[1] === 'inspect' ? 'image-inspect-podman-4.3-healthcheck' : 'image-rm-podman-4.3');
        if (args[0] === 'run') return replay(args.includes('--entrypoint') ? 'probe-podman-4.3-alpine-3.23' : 'run-detach-podman-4.3');
        return byKind[args[0]!] ? replay(byKind[args[0]!]!) : undefined;
      },
    });
    expect(outcome.checks.map((c) => `${c.id}:${c.status}`)).toEqual([
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
    expect(outcome.checks.find((c) => c.id === 'size')!.detail).toBe('84.3 MB (engine), 84.3 MB of files');
    expect(outcome.engine).toEqual({ name: 'Podman', version: '4.3.1', clientVersion: '4.3.1' });
    // podman's own HEALTHCHECK state stays "starting" without systemd: it is run directly, never polled.
    expect(calls.filter((c) => c[0] === 'inspect')).toEqual([]);
    expect(calls.filter((c) => c[0] === 'healthcheck')).toEqual([['healthcheck', 'run', 'slim-python-verify-app-0123abcd']]);
    expect(removals(calls)).toEqual(ALL_REMOVED);
  });
});

describe('no usable engine: exit 2 with one clear line', () => {
  it('no docker binary', async () => {
    const error = await run({ overrides: (args) => (args[0] === 'version' ? { ...ok(), exitCode: null, notFound: true } : undefined) }).catch((e: unknown) => e);
    expect(exitCodeOf(error)).toBe(2);
    expect((error as Error).message).toBe('docker not found: install Docker or run in CI');
  });
  it('a docker client without a daemon (recorded here)', async () => {
    const error = await run({ overrides: (args) => (args[0] === 'version' ? replay('version-docker-28-no-daemon') : undefined) }).catch((e: unknown) => e);
    expect(exitCodeOf(error)).toBe(2);
    expect((error as Error).message).toBe(
      'docker client 28.2.2 found, but no Docker engine answers at unix:///var/run/docker.sock: start Docker (or Docker Desktop), set DOCKER_HOST, or run in CI',
    );
  });
  it('podman runs without a daemon', async () => {
    const { outcome } = await run({ overrides: (args) => (args[0] === 'version' ? replay('version-podman-4.9-local') : undefined) });
    expect(outcome.engine.name).toBe('Podman');
    expect(allPassed(outcome.checks)).toBe(true);
  });
});

describe('verify: which path the app check asks', () => {
  const base = { root: '/work/app', suffix: '0123abcd', timeoutMs: 5_000, keepImage: false, maxSizeBytes: null };
  it('a created skeleton: /health; an adopted project: its --health path, else none; a cli app: none', () => {
    expect(planVerify({ ...base, config: { name: 'app', app: 'web', port: 8080 } }).healthPath).toBe('/health');
    expect(planVerify({ ...base, config: { name: 'app', app: 'fastapi', port: 8000 } }).healthPath).toBe('/health');
    expect(planVerify({ ...base, config: { name: 'app', app: 'web', port: 8000, code: 'context', health: '/ping' } }).healthPath).toBe('/ping');
    expect(planVerify({ ...base, config: { name: 'app', app: 'web', port: 8000, code: 'installed' } }).healthPath).toBeNull();
    expect(planVerify({ ...base, config: { name: 'app', app: 'cli', port: null } }).healthPath).toBeNull();
  });
});
