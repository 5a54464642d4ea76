/**
 * Proves the image's own HEALTHCHECK (e.g. busybox wget on /health) works in the running
 * container, once the app answered /health. Docker runs the check itself: its health state is
 * polled until "healthy" or "unhealthy", bounded by the app timeout or, when longer, one interval
 * plus one check timeout (the first run may wait for the interval). podman schedules checks with
 * systemd timers that may not exist, so there the check is run once with `podman healthcheck run`
 * (exit 0 healthy, 1 unhealthy, 125 error: docs.podman.io podman-healthcheck-run(1)).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { throwIfCancelled, type AppDeps } from './app-check.ts';
import { notApplicable, skipped, type CheckResult } from './checks.ts';
import { cleanStderr, parseContainerState, type EngineInfo, type ImageFacts } from './docker-output.ts';
import { healthcheckRunArgs, stateArgs, type VerifyPlan } from './plan-verify.ts';

/** Docker's defaults for a HEALTHCHECK that does not set them (docs.docker.com/reference/dockerfile/#healthcheck). */
const DEFAULT_INTERVAL_MS = 30_000;
const DEFAULT_TIMEOUT_MS = 30_000;
const POLL_INTERVAL_MS = 1_000;
const CALL_TIMEOUT_MS = 60_000;

/** Runs the HEALTHCHECK check of a web app; only worth running once its /health answered (`appPassed`). */
export async function checkHealthcheck(plan: VerifyPlan, engine: EngineInfo, image: ImageFacts, deps: AppDeps, appPassed: boolean): Promise<CheckResult> {
  if (plan.app !== 'web') return notApplicable('healthcheck', 'cli apps have no HEALTHCHECK');
  if (!image.healthcheck) return notApplicable('healthcheck', 'the image declares no HEALTHCHECK');
  if (!appPassed) return skipped('healthcheck', 'the app did not start');
  return engine.name === 'Podman' ? runOnce(plan, deps) : waitForDocker(plan, image.healthcheck, deps);
}

async function runOnce(plan: VerifyPlan, deps: AppDeps): Promise<CheckResult> {
  const result = await deps.docker({ args: healthcheckRunArgs(plan.appContainer), timeoutMs: CALL_TIMEOUT_MS });
  throwIfCancelled(deps.signal, result.cancelled);
  const said = cleanStderr(`${result.stdout}\n${result.stderr}`).at(-1);
  if (result.exitCode === 0) return { id: 'healthcheck', status: 'pass', detail: 'podman healthcheck run: healthy' };
  if (result.exitCode === 1) return { id: 'healthcheck', status: 'fail', detail: `podman healthcheck run: ${said ?? 'unhealthy'}` };
  return { id: 'healthcheck', status: 'fail', detail: `podman healthcheck run could not run the check: ${said ?? `exit ${result.exitCode}`}` };
}

async function waitForDocker(plan: VerifyPlan, timing: NonNullable<ImageFacts['healthcheck']>, deps: AppDeps): Promise<CheckResult> {
  const now = deps.now ?? Date.now;
  const started = now();
  const firstRunMs = (timing.intervalMs || DEFAULT_INTERVAL_MS) + (timing.timeoutMs || DEFAULT_TIMEOUT_MS) + 5_000;
  const deadline = started + Math.max(plan.timeoutMs, firstRunMs);
  let last = 'starting';
  while (now() < deadline) {
    const result = await deps.docker({ args: stateArgs(plan.appContainer), timeoutMs: CALL_TIMEOUT_MS });
    throwIfCancelled(deps.signal, result.cancelled);
    const health = result.exitCode === 0 ? safeHealth(result.stdout) : null;
    if (health?.status === 'healthy') return { id: 'healthcheck', status: 'pass', detail: `healthy after ${((now() - started) / 1000).toFixed(1)} s` };
    if (health?.status === 'unhealthy') {
      return { id: 'healthcheck', status: 'fail', detail: `unhealthy${health.lastOutput ? `: ${health.lastOutput.split('\n').at(-1)!.slice(0, 200)}` : ''}` };
    }
    if (health) last = health.lastOutput ? `${health.status}, last check: ${health.lastOutput.split('\n').at(-1)!.slice(0, 200)}` : health.status;
    await sleep(POLL_INTERVAL_MS, undefined, { signal: deps.signal }).catch(() => undefined);
    throwIfCancelled(deps.signal);
  }
  return { id: 'healthcheck', status: 'fail', detail: `not healthy within ${((deadline - started) / 1000).toFixed(0)} s (${last})` };
}

function safeHealth(stdout: string) {
  try {
    return parseContainerState(stdout).health;
  } catch {
    return null;
  }
}
