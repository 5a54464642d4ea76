/**
 * The seam between verify and the `docker` executable: one call runs `docker ARGS...` with an
 * argument array (execa, never a shell) and returns what it printed. Tests inject a runner that
 * replays recorded outputs; the real one is created here and loads execa only when first used.
 */

export interface DockerCall {
  args: readonly string[];
  /** Kill the call after this long (it then resolves with timedOut). */
  timeoutMs: number;
  /** Receives output chunks as they arrive (build progress). */
  onOutput?: (chunk: string) => void;
  /** When false, the call is not cancelled by Ctrl-C / SIGTERM: clean-up calls must finish. */
  cancellable?: boolean;
}

export interface DockerResult {
  /** null when the process did not exit by itself (not started, killed, timed out). */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** The executable does not exist (ENOENT). */
  notFound: boolean;
  timedOut: boolean;
  /** Stopped because verify was cancelled. */
  cancelled: boolean;
}

export type DockerRunner = (call: DockerCall) => Promise<DockerResult>;

/**
 * A runner for the real executable `file` ("docker", or a path). BuildKit is asked for by
 * DOCKER_BUILDKIT=1 (Docker 18.09+; on Docker 23+ it is the buildx default anyway, and a missing
 * buildx then fails with a clear message instead of the legacy builder rejecting RUN --mount);
 * BUILDKIT_PROGRESS=plain keeps the log readable when it is not a terminal. podman ignores both.
 */
export function createDockerRunner(file: string, env: Record<string, string | undefined>, signal: AbortSignal): DockerRunner {
  // podman (buildah) builds OCI images by default, and the OCI format has no HEALTHCHECK: it is
  // dropped with a warning ("HEALTHCHECK is not supported for OCI image format", recorded in
  // test/verify/fixtures/docker/build-podman-4.3-oci-healthcheck.json). BUILDAH_FORMAT=docker keeps it;
  // Docker ignores the variable.
  const childEnv = { ...env, DOCKER_BUILDKIT: '1', BUILDKIT_PROGRESS: env.BUILDKIT_PROGRESS ?? 'plain', BUILDAH_FORMAT: env.BUILDAH_FORMAT ?? 'docker' };
  return async (call) => {
    const { execa } = await import('execa');
    const subprocess = execa(file, [...call.args], {
      env: childEnv,
      extendEnv: false,
      reject: false,
      stdin: 'ignore',
      timeout: call.timeoutMs,
      forceKillAfterDelay: 5_000,
      ...(call.cancellable === false ? {} : { cancelSignal: signal }),
    });
    if (call.onOutput) {
      const forward = (chunk: Buffer | string) => call.onOutput!(String(chunk));
      subprocess.stdout?.on('data', forward);
      subprocess.stderr?.on('data', forward);
    }
    const result = await subprocess;
    const code = (result as { code?: string }).code;
    return {
      exitCode: result.exitCode ?? null,
      stdout: String(result.stdout ?? ''),
      stderr: String(result.stderr ?? ''),
      notFound: code === 'ENOENT',
      timedOut: result.timedOut === true,
      cancelled: result.isCanceled === true,
    };
  };
}
