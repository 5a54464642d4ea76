/** The parsers against recorded real outputs of Docker and podman (fixtures/docker, each with its source). */
import { describe, expect, it } from 'vitest';
import {
  parseWorkingContainers,
  cleanStderr,
  describeNoEngine,
  isAlreadyGone,
  isBuildxMissing,
  isRootUser,
  parseContainerId,
  parseContainerState,
  parseImageId,
  parseImageInspect,
  parsePublishedPort,
  parseVersionJson,
  parseWaitCode,
  summarizeBuildFailure,
} from '../../src/commands/verify/docker-output.ts';
import { recording, recordingNames } from './recorded.ts';

describe('recordings', () => {
  it('each names its source, its engine and the command it answers', () => {
    expect(recordingNames().length).toBeGreaterThanOrEqual(20);
    for (const name of recordingNames()) {
      const r = recording(name);
      expect(r.source.length, name).toBeGreaterThan(20);
      expect(['Docker', 'Podman'], name).toContain(r.engine);
      expect(r.argv.length, name).toBeGreaterThan(0);
      expect(typeof r.exitCode, name).toBe('number');
    }
  });
});

describe('docker version --format {{json .}}', () => {
  it('Docker with its daemon: the server version', () => {
    expect(parseVersionJson(recording('version-docker-19.03').stdout)).toEqual({
      engine: { name: 'Docker', version: '19.03.8', clientVersion: '19.03.8' },
      serverAnswered: true,
    });
  });
  it('a Docker client without a daemon: "Server": null, and the socket named in the message', () => {
    const r = recording('version-docker-28-no-daemon');
    expect(r.exitCode).not.toBe(0);
    expect(parseVersionJson(r.stdout)).toEqual({ engine: { name: 'Docker', version: '28.2.2', clientVersion: '28.2.2' }, serverAnswered: false });
    expect(describeNoEngine(r.stderr)).toBe('no Docker engine answers at unix:///var/run/docker.sock: start Docker (or Docker Desktop), set DOCKER_HOST, or run in CI');
  });
  it('local podman has no Server and needs none; remote podman reports its server', () => {
    expect(parseVersionJson(recording('version-podman-4.9-local').stdout)).toEqual({
      engine: { name: 'Podman', version: '4.9.3', clientVersion: '4.9.3' },
      serverAnswered: true,
    });
    expect(parseVersionJson(recording('version-podman-5.2-remote').stdout)?.engine).toEqual({ name: 'Podman', version: '5.1.2', clientVersion: '5.2.0' });
  });
  it('text that is not the JSON is null, not a guess', () => {
    expect(parseVersionJson('Docker version 28.2.2, build e6534b4\n')).toBeNull();
    expect(parseVersionJson('{"no": "client"}')).toBeNull();
  });
});

describe('docker build', () => {
  it('a missing buildx is recognised (an environment problem, exit 2)', () => {
    expect(isBuildxMissing(recording('build-buildx-missing').stderr)).toBe(true);
    expect(isBuildxMissing(recording('build-buildkit-run-failed').stderr)).toBe(false);
  });
  it("BuildKit's failed RUN is summarised from its 'failed to solve' line", () => {
    expect(summarizeBuildFailure(recording('build-buildkit-run-failed').stderr)).toMatch(/^process "\/bin\/sh -c apk add .*" did not complete successfully: exit code: 4$/);
  });
  it("podman's failed step and podman-docker's banner", () => {
    expect(summarizeBuildFailure(recording('build-podman-run-failed').stderr)).toBe(
      'error building at STEP "RUN chmod -R g=u /opt/{ansible,apb}": error while running runtime: exit status 2',
    );
    const banner = recording('build-podman-docker-no-containerfile');
    expect(cleanStderr(banner.stderr)).toEqual(['Error: no context directory and no Containerfile specified']);
    expect(summarizeBuildFailure(banner.stderr)).toBe('no context directory and no Containerfile specified');
  });
  it('the --iidfile content: sha256:<hex> (Docker) or bare hex (podman)', () => {
    expect(parseImageId(`sha256:${'a'.repeat(64)}`)).toBe(`sha256:${'a'.repeat(64)}`);
    expect(parseImageId(`${'b'.repeat(64)}\n`)).toBe('b'.repeat(64));
    expect(parseImageId('')).toBeNull();
    expect(parseImageId('sha256:xyz')).toBeNull();
  });
});

describe('docker image inspect', () => {
  it('size, user, ports and healthcheck of a real image', () => {
    expect(parseImageInspect(recording('image-inspect-docker-20.10').stdout)).toEqual({
      id: 'sha256:b443150e5d383388296e8a0ab54d0fa192ef5d7cf8f3f4c29fb792ecbda826ab',
      size: 7331611,
      user: '',
      exposedPorts: [],
      env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      hasHealthcheck: false,
      healthcheck: null,
    });
  });
  it("podman's image inspect: bare hex Id, the user at the top level", () => {
    expect(parseImageInspect(recording('image-inspect-podman').stdout)).toEqual({
      id: '37e5619f4a8ca9dbc4d6c0ae7890625674a10dbcfb76201399e2aaddb40da17d',
      size: 183852302,
      user: '',
      exposedPorts: [],
      env: ['DISTTAG=f34container', 'FGC=f34', 'container=oci'],
      hasHealthcheck: false,
      healthcheck: null,
    });
    const data = JSON.parse(recording('image-inspect-podman').stdout);
    data[0].User = '10001';
    expect(parseImageInspect(JSON.stringify(data)).user).toBe('10001');
  });

  it('no Size is an error, not a zero', () => {
    expect(() => parseImageInspect('[{"Id": "x"}]')).toThrow(/Size/);
  });
  it('root users', () => {
    for (const user of ['', 'root', '0', '0:0', 'root:root']) expect(isRootUser(user), user).toBe(true);
    for (const user of ['10001', '10001:10001', 'app']) expect(isRootUser(user), user).toBe(false);
  });
});

describe('containers', () => {
  it('docker run -d prints the container ID', () => {
    expect(parseContainerId(recording('run-detach-docker').stdout)).toBe('079b83f558a2bc52ecad6b2a5de13622d584e6bb1aea058c11b36511e85e7622');
    expect(parseContainerId(recording('run-docker-no-daemon').stdout)).toBeNull();
  });
  it('docker port: IPv4 preferred, IPv6 in both spellings, nothing when unpublished', () => {
    expect(parsePublishedPort(recording('port-docker').stdout)).toBe(4321);
    expect(parsePublishedPort('[::]:49154\n0.0.0.0:49153\n')).toBe(49153);
    expect(parsePublishedPort(':::49155\n')).toBe(49155);
    expect(parsePublishedPort(recording('port-docker-not-published').stdout)).toBeNull();
  });
  it('container state of Docker (no Status on old engines) and podman', () => {
    expect(parseContainerState(recording('state-docker-exited').stdout)).toEqual({ running: false, status: 'exited', exitCode: 0, oomKilled: false, health: null });
    // podman 2 reports an empty "Healthcheck" for a container without one: no health.
    expect(parseContainerState(recording('state-podman-exited').stdout)).toEqual({ running: false, status: 'exited', exitCode: 0, oomKilled: false, health: null });
  });
  it("a HEALTHCHECK's state: status and the last check's output (busybox wget recorded)", () => {
    const wrap = (name: string) => JSON.stringify({ Running: true, Status: 'running', Health: JSON.parse(recording(name).stdout) });
    expect(parseContainerState(wrap('health-docker-healthy-wget')).health).toEqual({
      status: 'healthy',
      lastExitCode: 0,
      lastOutput: 'Connecting to localhost:5000 (127.0.0.1:5000)\nremote file exists',
    });
    expect(parseContainerState(wrap('health-docker-unhealthy')).health).toMatchObject({ status: 'unhealthy', lastExitCode: 1 });
    expect(parseContainerState(wrap('health-docker-starting')).health).toEqual({ status: 'starting', lastExitCode: -1, lastOutput: 'Health check exceeded timeout (30ms)' });
  });
  it('HEALTHCHECK timing from image inspect (nanoseconds)', () => {
    const data = JSON.parse(recording('image-inspect-docker-20.10').stdout);
    data[0].Config.Healthcheck = { Test: ['CMD-SHELL', 'wget -q --spider http://127.0.0.1:8080/health'], Interval: 10e9, Timeout: 3e9, StartPeriod: 5e9 };
    expect(parseImageInspect(JSON.stringify(data)).healthcheck).toEqual({ intervalMs: 10_000, timeoutMs: 3_000, startPeriodMs: 5_000 });
    data[0].Config.Healthcheck = { Test: ['NONE'] };
    expect(parseImageInspect(JSON.stringify(data)).healthcheck).toBeNull();
  });
  it('docker wait prints the exit code', () => {
    expect(parseWaitCode(recording('wait-docker').stdout)).toBe(0);
    expect(parseWaitCode('137\n')).toBe(137);
    expect(parseWaitCode('')).toBeNull();
  });
  it('removing what is already gone is not a failure, on Docker and podman', () => {
    expect(isAlreadyGone(recording('rm-docker-no-such-container').stderr)).toBe(true);
    expect(isAlreadyGone(recording('rm-podman-no-such-container').stderr)).toBe(true);
    expect(isAlreadyGone(recording('run-docker-no-daemon').stderr)).toBe(false);
  });
});

describe('podman 4.3.1 on this machine (recorded)', () => {
  it('version: local podman, no Server', () => {
    expect(parseVersionJson(recording('version-podman-4.3-here').stdout)).toEqual({ engine: { name: 'Podman', version: '4.3.1', clientVersion: '4.3.1' }, serverAnswered: true });
  });
  it('a failed RUN step (crun on hybrid cgroups): the "Error: building at STEP" line', () => {
    expect(summarizeBuildFailure(recording('build-podman-4.3-crun-cgroups').stderr)).toMatch(/^building at STEP "RUN printf .*": while running runtime: exit status 1$/);
  });
  it('the OCI format drops the HEALTHCHECK, with a warning; the docker format keeps it (top-level "Healthcheck")', () => {
    expect(recording('build-podman-4.3-oci-healthcheck').stderr).toContain('HEALTHCHECK is not supported for OCI image format and will be ignored');
    expect(recording('build-podman-4.3-docker-format').stderr).not.toContain('HEALTHCHECK is not supported');
    const image = parseImageInspect(recording('image-inspect-podman-4.3-healthcheck').stdout);
    expect(image).toMatchObject({
      id: 'ba440835659389dfcf923dc48f1e5ce904795ea98234118071f856dfaaf1e205',
      size: 84322176,
      user: '10001',
      exposedPorts: ['8080/tcp'],
      hasHealthcheck: true,
    });
    expect(image.healthcheck).toEqual({ intervalMs: 2000, timeoutMs: 2000, startPeriodMs: 0 });
  });
  it('run -d, port, state with a HEALTHCHECK that stays "starting" without systemd', () => {
    expect(parseContainerId(recording('run-detach-podman-4.3').stdout)).toBe('857366266a5cd81aef42d9dd55c245677855e47d3824673d581812bf33665f1f');
    expect(recording('run-detach-podman-4.3').stderr).toContain('unable to get systemd connection to add healthchecks');
    expect(parsePublishedPort(recording('port-podman-4.3').stdout)).toBe(44183);
    expect(parseContainerState(recording('state-podman-4.3-running').stdout)).toEqual({
      running: true,
      status: 'running',
      exitCode: 0,
      oomKilled: false,
      health: { status: 'starting', lastExitCode: null, lastOutput: null },
    });
  });
  it('rm and image rm, present and missing (podman 4.3: rm --force of a missing container is a silent success)', () => {
    expect(recording('rm-podman-4.3').exitCode).toBe(0);
    expect(recording('rm-podman-4.3-missing')).toMatchObject({ exitCode: 0, stdout: '', stderr: '' });
    expect(recording('image-rm-podman-4.3').stdout).toBe('Untagged: localhost/rec/app:2\n');
    expect(isAlreadyGone(recording('image-rm-podman-4.3-missing').stderr)).toBe(true);
  });
});

describe("podman's build containers", () => {
  it('a cancelled podman build leaves buildah working containers (recorded); only those names count', () => {
    expect(parseWorkingContainers(recording('ps-external-podman-4.3-after-cancelled-build').stdout)).toEqual([
      { id: '5915e8fe7e11', name: 'csp-alpine-rootfs-working-container' },
      { id: '42b913a3dfdf', name: '30de339b4279-working-container' },
    ]);
    expect(parseWorkingContainers('0123456789ab my-app\n')).toEqual([]);
  });
});
