/**
 * The apply half of verify: runs the plan against a container engine through the injected docker
 * runner, in the order that reports the most (build, inspect, contents, then the app), and removes
 * everything it created in a `finally`, whatever happened.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ToolError } from '../../errors.ts';
import { checkApp, throwIfCancelled, VerifyCancelled, type HttpGet } from './app-check.ts';
import { CHECK_IDS, checkContents, checkSize, checkUser, skipped, type CheckResult } from './checks.ts';
import { checkHealthcheck } from './healthcheck-check.ts';
import { Ledger, type CleanupReport } from './cleanup.ts';
import { cleanStderr, isBuildxMissing, parseImageId, parseImageInspect, parseWorkingContainers, summarizeBuildFailure, type EngineInfo, type ImageFacts } from './docker-output.ts';
import type { DockerRunner } from './docker-runner.ts';
import { detectEngine } from './engine.ts';
import { buildArgs, inspectImageArgs, NOT_LOADED, probeArgs, STORAGE_CONTAINERS_ARGS, type VerifyPlan } from './plan-verify.ts';
import { parseProbeOutput } from './probe-script.ts';

export interface VerifyDeps {
  docker: DockerRunner;
  /** The docker executable as the user named it (for messages). */
  dockerFile: string;
  httpGet: HttpGet;
  signal: AbortSignal;
  /** Receives build progress as it arrives (null: keep it quiet). */
  onBuildOutput: ((chunk: string) => void) | null;
  /** Receives the ledger so the process exit hook can name what is left after a forced exit. */
  onLedger?: (ledger: Ledger) => void;
  /** The clock of the bounded waits (tests pass a fast one). */
  now?: () => number;
}

export interface VerifyOutcome {
  engine: EngineInfo;
  checks: CheckResult[];
  image: ImageFacts | null;
  /** Bytes of the files in the image, measured inside it by the probe (null when it could not run). */
  contentBytes: number | null;
  tag: string;
  cleanup: CleanupReport;
  /** Set when the run was cancelled: cleanup already happened, the caller exits 130/143. */
  cancelled: boolean;
}

const BUILD_TIMEOUT_MS = 60 * 60_000;
const CALL_TIMEOUT_MS = 120_000;

/** Runs every check; throws only for a missing engine (ToolError, exit 2) or our own bugs. */
export async function runVerify(plan: VerifyPlan, deps: VerifyDeps): Promise<VerifyOutcome> {
  const engine = await detectEngine(deps.docker, deps.dockerFile);
  const ledger = new Ledger(deps.dockerFile);
  deps.onLedger?.(ledger);
  const checks: CheckResult[] = [];
  let measured: Measured = { image: null, contentBytes: null };
  let cancelled = false;
  let failure: unknown = null;
  const work = await mkdtemp(join(tmpdir(), 'slim-python-verify-'));
  try {
    measured = await runChecks(plan, engine, deps, ledger, checks, join(work, 'image-id'));
  } catch (error) {
    if (error instanceof VerifyCancelled) cancelled = true;
    else failure = error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const cleanup = await ledger.removeAll(deps.docker, plan.keepImage);
  if (failure) throw failure;
  return { engine, checks: complete(checks), ...measured, tag: plan.tag, cleanup, cancelled };
}

interface Measured {
  image: ImageFacts | null;
  contentBytes: number | null;
}

async function runChecks(plan: VerifyPlan, engine: EngineInfo, deps: VerifyDeps, ledger: Ledger, checks: CheckResult[], iidFile: string): Promise<Measured> {
  const { docker, signal } = deps;
  const imageId = await build(plan, engine, deps, ledger, checks, iidFile);
  if (imageId === null) return { image: null, contentBytes: null };

  const inspect = await docker({ args: inspectImageArgs(imageId), timeoutMs: CALL_TIMEOUT_MS });
  throwIfCancelled(signal, inspect.cancelled);
  if (inspect.exitCode !== 0) {
    checks.push({ id: 'size', status: 'fail', detail: `docker image inspect failed: ${cleanStderr(inspect.stderr).at(-1) ?? `exit ${inspect.exitCode}`}` });
    return { image: null, contentBytes: null };
  }
  const image = parseImageInspect(inspect.stdout);
  checks.push(checkUser(image));

  ledger.add({ kind: 'container', ref: plan.probeContainer });
  const probe = await docker({ args: probeArgs(plan, imageId), timeoutMs: CALL_TIMEOUT_MS });
  throwIfCancelled(signal, probe.cancelled);
  const findings = parseProbeOutput(probe.stdout);
  const contentBytes = findings.complete ? findings.contentBytes : null;
  checks.push(checkSize(image, contentBytes, plan.maxSizeBytes));
  checks.push(...checkContents(findings, `the probe could not run /bin/sh in the image: ${cleanStderr(probe.stderr).at(-1) ?? `exit ${probe.exitCode}`}`));

  const appDeps = { docker, ledger, httpGet: deps.httpGet, signal, ...(deps.now ? { now: deps.now } : {}) };
  const app = await checkApp(plan, imageId, appDeps);
  checks.push(app, await checkHealthcheck(plan, engine, image, appDeps, app.status === 'pass'));
  return { image, contentBytes };
}

/**
 * Builds the image and records the build row; returns its ID, or null when the build failed. A
 * missing buildx is the environment's problem, not the image's: exit 2 naming the fix.
 */
async function build(plan: VerifyPlan, engine: EngineInfo, deps: VerifyDeps, ledger: Ledger, checks: CheckResult[], iidFile: string): Promise<string | null> {
  ledger.add({ kind: 'image', ref: plan.tag });
  const working = engine.name === 'Podman' ? await workingContainers(deps) : null;
  const run = async (load: boolean) => {
    const result = await deps.docker({ args: buildArgs(plan, iidFile, { load }), timeoutMs: BUILD_TIMEOUT_MS, ...(deps.onBuildOutput ? { onOutput: deps.onBuildOutput } : {}) });
    if (working && (result.cancelled || deps.signal.aborted)) {
      // Another podman build running meanwhile may own some of them: name them, remove none.
      for (const left of await workingContainers(deps)) {
        if (!working.has(left.id)) ledger.leave({ kind: 'container', ref: left.name }, 'left by the cancelled podman build (not removed: another build may own it)');
      }
    }
    throwIfCancelled(deps.signal, result.cancelled);
    return { ...result, output: `${result.stdout}\n${result.stderr}` };
  };
  let result = await run(false);
  if (result.exitCode === 0 && NOT_LOADED.test(result.output)) result = await run(true);
  if (isBuildxMissing(result.output)) {
    throw new ToolError(
      `${deps.dockerFile} cannot build with BuildKit: the buildx component is missing; install it (docker-buildx-plugin, or docker-buildx) and run verify again`,
      2,
    );
  }
  if (result.timedOut) {
    checks.push({ id: 'build', status: 'fail', detail: `did not finish within ${BUILD_TIMEOUT_MS / 60_000} minutes` });
    return null;
  }
  const imageId = result.exitCode === 0 ? parseImageId(await readFile(iidFile, 'utf8').catch(() => '')) : null;
  if (imageId === null) {
    checks.push({ id: 'build', status: 'fail', detail: result.exitCode === 0 ? 'the build wrote no image ID (--iidfile)' : summarizeBuildFailure(result.output) });
    return null;
  }
  checks.push({ id: 'build', status: 'pass', detail: imageId.replace(/^sha256:/, '').slice(0, 12) });
  return imageId;
}

/** podman's build containers now, by ID (not cancellable: it also runs after a cancelled build). */
async function workingContainers(deps: VerifyDeps): Promise<{ id: string; name: string }[] & { has(id: string): boolean }> {
  const result = await deps.docker({ args: STORAGE_CONTAINERS_ARGS, timeoutMs: CALL_TIMEOUT_MS, cancellable: false });
  const list = result.exitCode === 0 ? parseWorkingContainers(result.stdout) : [];
  const ids = new Set(list.map((c) => c.id));
  return Object.assign(list, { has: (id: string) => ids.has(id) });
}

/** Every check appears once, in table order; those never reached are skipped. */
function complete(checks: CheckResult[]): CheckResult[] {
  const failedBuild = checks.some((c) => c.id === 'build' && c.status === 'fail');
  return CHECK_IDS.map((id) => checks.find((c) => c.id === id) ?? skipped(id, failedBuild ? 'the build failed' : 'not reached'));
}
