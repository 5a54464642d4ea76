/**
 * Starts the app's container and waits, bounded, for the proof it works: a web app answers
 * GET /health with 200 through its published port; a cli app exits 0. The container is polled
 * meanwhile, so an app that crashes fails at once with its last log lines instead of at the timeout.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { CheckResult } from './checks.ts';
import { cleanStderr, parseContainerId, parseContainerState, parsePublishedPort, parseWaitCode } from './docker-output.ts';
import type { DockerRunner } from './docker-runner.ts';
import type { Ledger } from './cleanup.ts';
import { logsArgs, portArgs, runAppArgs, stateArgs, waitArgs, type VerifyPlan } from './plan-verify.ts';

/** One HTTP GET: the status code, or null when nothing answered. Injected so tests need no network. */
export type HttpGet = (url: string, timeoutMs: number) => Promise<number | null>;

const CALL_TIMEOUT_MS = 60_000;
const POLL_INTERVAL_MS = 500;

/** Signals that verify was cancelled mid-step; the command turns it into exit 130 or 143. */
export class VerifyCancelled extends Error {
  override name = 'VerifyCancelled';
}

export interface AppDeps {
  docker: DockerRunner;
  ledger: Ledger;
  httpGet: HttpGet;
  signal: AbortSignal;
  now?: () => number;
}

/** How long a server without a health path must stay up to pass. */
const STILL_RUNNING_MS = 5_000;

/** Runs the app check; returns its row. */
export async function checkApp(plan: VerifyPlan, imageId: string, deps: AppDeps): Promise<CheckResult> {
  const { docker, ledger, signal } = deps;
  ledger.add({ kind: 'container', ref: plan.appContainer });
  const run = await docker({ args: runAppArgs(plan, imageId), timeoutMs: CALL_TIMEOUT_MS });
  throwIfCancelled(signal, run.cancelled);
  if (run.exitCode !== 0 || parseContainerId(run.stdout) === null) {
    return { id: 'app', status: 'fail', detail: `docker run failed: ${cleanStderr(run.stderr).at(-1) ?? `exit ${run.exitCode}`}` };
  }
  return plan.app === 'web' ? checkHealth(plan, deps) : checkExit(plan, deps);
}

async function checkHealth(plan: VerifyPlan, deps: AppDeps): Promise<CheckResult> {
  const { docker, signal } = deps;
  const now = deps.now ?? Date.now;
  const port = await docker({ args: portArgs(plan), timeoutMs: CALL_TIMEOUT_MS });
  throwIfCancelled(signal, port.cancelled);
  const hostPort = port.exitCode === 0 ? parsePublishedPort(port.stdout) : null;
  if (hostPort === null) {
    // podman prints nothing (exit 0) for a container that already exited: say why it exited.
    const exited = await exitedState(plan.appContainer, deps);
    if (exited) return exited;
    return { id: 'app', status: 'fail', detail: `port ${plan.port} is not published: ${cleanStderr(port.stderr).at(-1) ?? 'docker port printed nothing'}` };
  }
  if (plan.healthPath === null) return checkStillRunning(plan, deps);
  const path = plan.healthPath;
  const url = `http://127.0.0.1:${hostPort}${path}`;
  const deadline = now() + plan.timeoutMs;
  const started = now();
  let lastStatus: number | null = null;
  while (now() < deadline) {
    lastStatus = await deps.httpGet(url, Math.min(2_000, Math.max(1, deadline - now())));
    throwIfCancelled(signal);
    if (lastStatus === 200) return { id: 'app', status: 'pass', detail: `GET ${path} answered 200 after ${((now() - started) / 1000).toFixed(1)} s (container port ${plan.port})` };
    const exited = await exitedState(plan.appContainer, deps);
    if (exited) return exited;
    await sleep(POLL_INTERVAL_MS, undefined, { signal }).catch(() => undefined);
    throwIfCancelled(signal);
  }
  const seen = lastStatus === null ? 'nothing answered' : `last answer was HTTP ${lastStatus}`;
  return { id: 'app', status: 'fail', detail: `GET ${path} did not answer 200 within ${plan.timeoutMs / 1000} s (${seen})${await logTail(plan.appContainer, deps)}` };
}

/** A server with no health path (an adopted project without --health): it must keep running. */
async function checkStillRunning(plan: VerifyPlan, deps: AppDeps): Promise<CheckResult> {
  const settleMs = Math.min(STILL_RUNNING_MS, plan.timeoutMs);
  await sleep(settleMs, undefined, { signal: deps.signal }).catch(() => undefined);
  throwIfCancelled(deps.signal);
  const exited = await exitedState(plan.appContainer, deps);
  if (exited) return exited;
  return { id: 'app', status: 'pass', detail: `still running after ${settleMs / 1000} s; no health path to ask (init --health /path adds one)` };
}

async function checkExit(plan: VerifyPlan, deps: AppDeps): Promise<CheckResult> {
  const wait = await deps.docker({ args: waitArgs(plan.appContainer), timeoutMs: plan.timeoutMs });
  throwIfCancelled(deps.signal, wait.cancelled);
  if (wait.timedOut) return { id: 'app', status: 'fail', detail: `did not exit within ${plan.timeoutMs / 1000} s${await logTail(plan.appContainer, deps)}` };
  const code = wait.exitCode === 0 ? parseWaitCode(wait.stdout) : null;
  if (code === null) return { id: 'app', status: 'fail', detail: `docker wait failed: ${cleanStderr(wait.stderr).at(-1) ?? `exit ${wait.exitCode}`}` };
  if (code !== 0) return { id: 'app', status: 'fail', detail: `exited with ${code}${await logTail(plan.appContainer, deps)}` };
  return { id: 'app', status: 'pass', detail: 'exited with 0' };
}

/** A failing row when the container is no longer running, else null. */
async function exitedState(container: string, deps: AppDeps): Promise<CheckResult | null> {
  const result = await deps.docker({ args: stateArgs(container), timeoutMs: CALL_TIMEOUT_MS });
  throwIfCancelled(deps.signal, result.cancelled);
  if (result.exitCode !== 0) return null;
  let state;
  try {
    state = parseContainerState(result.stdout);
  } catch {
    return null;
  }
  if (state.running) return null;
  const why = state.oomKilled ? 'was killed for lack of memory' : `exited with ${state.exitCode} (${state.status})`;
  return { id: 'app', status: 'fail', detail: `the container ${why} before /health answered${await logTail(container, deps)}` };
}

/** The container's last log line, as ": last output: ..." (empty when there is none). */
async function logTail(container: string, deps: AppDeps): Promise<string> {
  const logs = await deps.docker({ args: logsArgs(container), timeoutMs: CALL_TIMEOUT_MS, cancellable: false });
  if (logs.exitCode !== 0) return '';
  const lines = cleanStderr(`${logs.stdout}\n${logs.stderr}`);
  return lines.length > 0 ? `; last output: ${lines.at(-1)!.slice(0, 200)}` : '';
}

/** Throws VerifyCancelled once verify was cancelled (or the last call was). */
export function throwIfCancelled(signal: AbortSignal, callCancelled = false): void {
  if (signal.aborted || callCancelled) throw new VerifyCancelled('cancelled');
}

/** The real HttpGet: node:http, one request, no redirects followed. */
export const httpGet: HttpGet = async (url, timeoutMs) => {
  const { get } = await import('node:http');
  return new Promise((resolve) => {
    const request = get(url, { timeout: timeoutMs }, (response) => {
      response.resume();
      resolve(response.statusCode ?? null);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(null));
  });
};
