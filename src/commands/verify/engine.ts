/**
 * Finds out whether a container engine can be used, and which: `docker version --format '{{json .}}'`
 * fails to start without a docker binary (ENOENT), exits non-zero with `"Server":null` when only
 * the client is installed, and succeeds for a running Docker daemon or for podman (no daemon needed).
 */
import { ToolError } from '../../errors.ts';
import { cleanStderr, describeNoEngine, parseVersionJson, type EngineInfo } from './docker-output.ts';
import type { DockerRunner } from './docker-runner.ts';
import { VerifyCancelled } from './app-check.ts';
import { VERSION_ARGS } from './plan-verify.ts';

export const NO_DOCKER_MESSAGE = 'docker not found: install Docker or run in CI';

/** Returns the engine, or throws a ToolError with exit 2 naming what is missing. */
export async function detectEngine(docker: DockerRunner, file: string): Promise<EngineInfo> {
  const result = await docker({ args: VERSION_ARGS, timeoutMs: 30_000 });
  if (result.notFound) throw new ToolError(file === 'docker' ? NO_DOCKER_MESSAGE : `--docker ${file}: not found; install it, or run in CI`, 2);
  if (result.cancelled) throw new VerifyCancelled('cancelled');
  if (result.timedOut) throw new ToolError(`${file} version did not answer within 30 s: is the engine stuck? (try "${file} info")`, 2);
  const parsed = parseVersionJson(result.stdout);
  if (result.exitCode === 0 && parsed?.serverAnswered) return parsed.engine;
  if (parsed === null && result.exitCode === 0) throw new ToolError(`${file} does not behave like the docker CLI ("version --format" printed no JSON)`, 2);
  const why = describeNoEngine(result.stderr) ?? cleanStderr(result.stderr).at(-1) ?? `"${file} version" exited with ${result.exitCode}`;
  const client = parsed ? `${parsed.engine.name === 'Podman' ? 'podman' : 'docker'} client ${parsed.engine.clientVersion} found, but ` : '';
  throw new ToolError(`${client}${why}`, 2);
}
