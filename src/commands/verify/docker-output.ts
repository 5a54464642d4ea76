/**
 * Parsers of what the `docker` CLI prints, for Docker and for podman behind podman-docker.
 * Each format is pinned by a recorded real output in test/verify/fixtures/docker (with its source).
 * Pure functions: nothing here runs a process.
 */

/** Which engine answered, and whether it can run containers at all. */
export interface EngineInfo {
  /** "Docker" or "Podman". */
  name: 'Docker' | 'Podman';
  /** The engine's version when it answered, else the client's. */
  version: string;
  /** The client's version. */
  clientVersion: string;
}

/** Lines podman-docker adds to stderr on every call (https://github.com/containers/podman, docker script). */
const PODMAN_EMULATION = /^Emulate Docker CLI using podman\. Create \/etc\/containers\/nodocker to quiet msg\.\s*$/;

/** stderr without podman-docker's banner and blank lines, for messages. */
export function cleanStderr(stderr: string): string[] {
  return stderr
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '' && !PODMAN_EMULATION.test(line));
}

/**
 * Reads `docker version --format '{{json .}}'`. Docker prints {"Client":{"ApiVersion",...},"Server":{...}}
 * and `"Server":null` (exit 1) when no daemon answers; podman prints {"Client":{"APIVersion",...}} and
 * a "Server" only when it talks to a remote service. Returns null when the text is not that JSON.
 */
export function parseVersionJson(stdout: string): { engine: EngineInfo; serverAnswered: boolean } | null {
  const line = stdout.split('\n').find((l) => l.trim().startsWith('{'));
  if (line === undefined) return null;
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch {
    return null;
  }
  if (!isRecord(data) || !isRecord(data.Client)) return null;
  const client = data.Client;
  const server = isRecord(data.Server) ? data.Server : null;
  // podman's version struct carries OsArch and no Context; Docker's client has Os/Arch and its Context
  // (Docker 29.0 briefly spelled ApiVersion as APIVersion, docker/cli#6648, so that spelling is no sign).
  const podman = 'OsArch' in client && !('Context' in client);
  const clientVersion = typeof client.Version === 'string' ? client.Version : 'unknown';
  const serverVersion = server && typeof server.Version === 'string' ? server.Version : null;
  return {
    engine: { name: podman ? 'Podman' : 'Docker', version: serverVersion ?? clientVersion, clientVersion },
    // Local podman has no server: the client is the engine. Docker needs its daemon.
    serverAnswered: podman || server !== null,
  };
}

/** Why the engine cannot be used, from a failed `docker version` (stderr), or null when nothing is recognised. */
export function describeNoEngine(stderr: string): string | null {
  const lines = cleanStderr(stderr);
  const docker = lines.find((l) => /Cannot connect to the Docker daemon at (\S+?)\.? Is the docker daemon running\?/.test(l));
  if (docker) {
    const at = /daemon at (\S+?)\.? Is/.exec(docker)?.[1] ?? 'its socket';
    return `no Docker engine answers at ${at}: start Docker (or Docker Desktop), set DOCKER_HOST, or run in CI`;
  }
  if (lines.some((l) => /Cannot connect to Podman/.test(l))) {
    return 'podman cannot reach its service: start it (podman machine start, or systemctl --user start podman.socket), or run in CI';
  }
  if (lines.some((l) => /permission denied while trying to connect to the Docker daemon socket/.test(l))) {
    return 'permission denied on the Docker socket: add your user to the "docker" group (or use rootless Docker/podman), or run in CI';
  }
  return null;
}

/** True when a build failed because BuildKit (buildx) is missing: an environment problem, not the image's. */
export function isBuildxMissing(output: string): boolean {
  return /BuildKit is enabled but the buildx component is missing or broken/.test(output);
}

/**
 * The one line that says why a build failed: BuildKit's "ERROR: failed to solve: ..." (plain or tty
 * progress), else the legacy builder's or podman/buildah's "Error: ..." line, else the last line.
 */
export function summarizeBuildFailure(output: string): string {
  const lines = cleanStderr(output);
  const solve = [...lines].reverse().find((l) => /(^|\s)(ERROR: )?failed to solve: /.test(l));
  if (solve) return solve.replace(/^.*?(ERROR: )?failed to solve: /, '').trim();
  const error = [...lines].reverse().find((l) => /^(Error|ERROR)(:| response from daemon:) /.test(l));
  if (error) return error.replace(/^(Error|ERROR)(:| response from daemon:) /, '').trim();
  return lines.at(-1)?.trim() ?? 'the build failed without a message';
}

/** The image ID written by `docker build --iidfile` ("sha256:<64 hex>" for Docker, 64 hex for podman). */
export function parseImageId(text: string): string | null {
  const id = text.trim();
  return /^(sha256:)?[0-9a-f]{64}$/.test(id) ? id : null;
}

/** What verify reads from `docker image inspect IMAGE` (a JSON array of one object). */
export interface ImageFacts {
  id: string;
  /** Bytes, as the engine reports it (`.Size`). */
  size: number;
  /** Config.User: "" when the image runs as root. */
  user: string;
  exposedPorts: string[];
  env: string[];
  hasHealthcheck: boolean;
  /** The HEALTHCHECK's timing in ms (0 where the Dockerfile left Docker's default), null without one. */
  healthcheck: { intervalMs: number; timeoutMs: number; startPeriodMs: number } | null;
}

/** Parses `docker image inspect` JSON (Docker's ImageInspect, or podman's image inspect). */
export function parseImageInspect(stdout: string): ImageFacts {
  const data: unknown = JSON.parse(stdout);
  const image = Array.isArray(data) ? data[0] : data;
  if (!isRecord(image)) throw new Error('docker image inspect printed no image object');
  const config = isRecord(image.Config) ? image.Config : {};
  const id = typeof image.Id === 'string' ? image.Id : typeof image.ID === 'string' ? image.ID : '';
  if (typeof image.Size !== 'number') throw new Error('docker image inspect printed no "Size"');
  // Docker puts the healthcheck in Config.Healthcheck; podman 4.3 at the top level as "Healthcheck"
  // (recorded: image-inspect-podman-4.3-healthcheck.json), its docs say "HealthCheck".
  const healthcheck = config.Healthcheck ?? image.Healthcheck ?? image.HealthCheck;
  const test = isRecord(healthcheck) && Array.isArray(healthcheck.Test) ? healthcheck.Test : [];
  const hasHealthcheck = test.length > 0 && test[0] !== 'NONE';
  // Durations are nanoseconds in both engines' JSON (Go's time.Duration).
  const ms = (key: string) => (isRecord(healthcheck) && typeof healthcheck[key] === 'number' ? Math.round((healthcheck[key] as number) / 1e6) : 0);
  return {
    id,
    size: image.Size,
    // podman also reports the user at the top level, and leaves an empty Config.User out.
    user: typeof config.User === 'string' ? config.User : typeof image.User === 'string' ? image.User : '',
    exposedPorts: isRecord(config.ExposedPorts) ? Object.keys(config.ExposedPorts).sort() : [],
    env: Array.isArray(config.Env) ? config.Env.filter((e): e is string => typeof e === 'string') : [],
    hasHealthcheck,
    healthcheck: hasHealthcheck ? { intervalMs: ms('Interval'), timeoutMs: ms('Timeout'), startPeriodMs: ms('StartPeriod') } : null,
  };
}

/** True when a user spec runs as root: "", "root", "0", "root:x", "0:x". */
export function isRootUser(user: string): boolean {
  const name = user.split(':')[0]!.trim();
  return name === '' || name === 'root' || name === '0';
}

/** The container ID `docker run -d` prints (last non-empty stdout line). */
export function parseContainerId(stdout: string): string | null {
  const last = stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .at(-1);
  return last !== undefined && /^[0-9a-f]{12,64}$/.test(last) ? last : null;
}

/**
 * The host port of `docker port CONTAINER PORT/tcp`: lines like "0.0.0.0:4321", "[::]:4321",
 * "127.0.0.1:49153". Prefers an IPv4 binding; returns null when nothing is published.
 */
export function parsePublishedPort(stdout: string): number | null {
  // Docker 20.10 prints IPv6 bindings as ":::4321", later versions as "[::]:4321".
  const bindings = stdout
    .split('\n')
    .map((l) => /^(\S*?):(\d+)$/.exec(l.trim()))
    .filter((m): m is RegExpExecArray => m !== null && /^(\[[0-9a-f:]*\]|[0-9a-f:]*:|[0-9.]+)$/i.test(m[1]!));
  const chosen = bindings.find((m) => /^[0-9.]+$/.test(m[1]!)) ?? bindings[0];
  return chosen ? Number(chosen[2]) : null;
}

/** What verify reads from `docker inspect --format '{{json .State}}' CONTAINER`. */
export interface ContainerState {
  running: boolean;
  status: string;
  exitCode: number;
  oomKilled: boolean;
  /** The HEALTHCHECK's state (Docker: State.Health; podman < 4: State.Healthcheck), null without one. */
  health: { status: string; lastExitCode: number | null; lastOutput: string | null } | null;
}

/** Parses a container's State JSON (Docker and podman share these keys). */
export function parseContainerState(stdout: string): ContainerState {
  const state: unknown = JSON.parse(stdout.trim());
  if (!isRecord(state)) throw new Error('docker inspect printed no State object');
  const running = state.Running === true;
  const health = isRecord(state.Health) ? state.Health : isRecord(state.Healthcheck) ? state.Healthcheck : null;
  const log = health && Array.isArray(health.Log) ? health.Log.filter(isRecord) : [];
  const last = log.at(-1);
  return {
    running,
    status: typeof state.Status === 'string' ? state.Status : running ? 'running' : 'exited',
    exitCode: typeof state.ExitCode === 'number' ? state.ExitCode : -1,
    oomKilled: state.OOMKilled === true,
    health:
      health && typeof health.Status === 'string' && health.Status !== ''
        ? {
            status: health.Status,
            lastExitCode: last && typeof last.ExitCode === 'number' ? last.ExitCode : null,
            lastOutput: last && typeof last.Output === 'string' ? last.Output.trim() : null,
          }
        : null,
  };
}

/** The exit code `docker wait CONTAINER` prints. */
export function parseWaitCode(stdout: string): number | null {
  const last = stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .at(-1);
  return last !== undefined && /^-?\d+$/.test(last) ? Number(last) : null;
}

/** buildah's build containers among `ps --all --external` "ID NAME" lines (named IMAGE-working-container[-N]). */
export function parseWorkingContainers(stdout: string): { id: string; name: string }[] {
  return stdout
    .split('\n')
    .map((line) => /^([0-9a-f]{12,64}) (\S+-working-container(?:-\d+)?)$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ id: m[1]!, name: m[2]! }));
}

/** True when `docker rm` / `docker image rm` failed only because the object is already gone. */
export function isAlreadyGone(stderr: string): boolean {
  return /no such (container|image)|image not known|no container with (name or ID|ID or name)/i.test(stderr);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
