/**
 * The pure half of verify: from the project's config, the names verify will create and the exact
 * `docker` argument arrays it will run. Names carry a random suffix so two runs (or a user's own
 * images and containers) never collide, and clean-up removes only what this run created.
 */
import { join } from 'node:path';
import type { ProjectConfig } from '../../project/config.ts';
import { appKindSpec } from '../../project/app-kinds.ts';
import { PROBE_SCRIPT } from './probe-script.ts';

export interface VerifyPlan {
  root: string;
  name: string;
  /** 'web' for every app kind that listens (aiohttp, FastAPI): checked on /health; 'cli' runs to exit. */
  app: 'web' | 'cli';
  /** The web app's port inside the container (slim-python.json), null for cli apps. */
  port: number | null;
  /**
   * Path the app check asks for 200: the skeletons' /health; for an adopted project (init) the
   * path given with --health, else null (the check then only sees that the server keeps running).
   */
  healthPath: string | null;
  /** Tag given to the built image; removed at the end unless keepImage. */
  tag: string;
  /** The app's container and the probe's container. */
  appContainer: string;
  probeContainer: string;
  /** How long the app may take to answer /health (web) or to exit (cli). */
  timeoutMs: number;
  keepImage: boolean;
  /** Fail the size check above this many bytes; null: report only. */
  maxSizeBytes: number | null;
}

/** Builds the plan; `suffix` is random in real runs (8 hex digits), fixed in tests. */
export function planVerify(input: {
  root: string;
  config: Pick<ProjectConfig, 'name' | 'app' | 'port' | 'code' | 'health'>;
  suffix: string;
  timeoutMs: number;
  keepImage: boolean;
  maxSizeBytes: number | null;
}): VerifyPlan {
  const { config, suffix } = input;
  const listens = appKindSpec(config.app).listens;
  return {
    root: input.root,
    name: config.name,
    app: listens ? 'web' : 'cli',
    port: listens ? config.port : null,
    healthPath: !listens ? null : config.code === undefined || config.code === 'module' ? '/health' : (config.health ?? null),
    // Project names are lowercase letters, digits and "-": valid in image references and container names.
    tag: `create-slim-python-verify/${config.name}:${suffix}`,
    appContainer: `slim-python-verify-${config.name}-${suffix}`,
    probeContainer: `slim-python-verify-${config.name}-${suffix}-probe`,
    timeoutMs: input.timeoutMs,
    keepImage: input.keepImage,
    maxSizeBytes: input.maxSizeBytes,
  };
}

/** The engine's version as JSON: the first call, which also tells "no daemon" from "no docker". */
export const VERSION_ARGS = ['version', '--format', '{{json .}}'] as const;

/**
 * `docker build`, not `docker buildx build --load`: plain `build` is BuildKit on Docker 23+ (buildx is
 * its default builder, which loads the result into the image store), BuildKit on older Docker with
 * DOCKER_BUILDKIT=1, and `podman build` behind podman-docker, where `buildx build` exists only as a
 * later alias. --iidfile gives the image ID on all of them without parsing progress output.
 */
export function buildArgs(plan: VerifyPlan, iidFile: string, options: { load?: boolean } = {}): string[] {
  return ['build', ...(options.load ? ['--load'] : []), '--iidfile', iidFile, '--tag', plan.tag, '--file', join(plan.root, 'Dockerfile'), plan.root];
}

/**
 * A buildx builder with the docker-container driver (what docker/setup-buildx-action makes the
 * default in CI) keeps the result in its cache only; the same build is then run again with --load,
 * which only buildx understands, so it is never passed up front.
 */
export const NOT_LOADED = /No output specified (with|for) docker-container driver/;

/**
 * podman only: every container in its storage, buildah's build ("working") containers included, as
 * "ID NAME" lines. A cancelled `podman build` leaves its working containers behind.
 */
export const STORAGE_CONTAINERS_ARGS = ['ps', '--all', '--external', '--format', '{{.ID}} {{.Names}}'] as const;

/** The image's config and size, as a JSON array. */
export function inspectImageArgs(imageId: string): string[] {
  return ['image', 'inspect', imageId];
}

/**
 * The probe runs as root (to see every file) without network, in its own named container so a
 * cancelled run can still remove it; `--rm` removes it in the normal case.
 */
export function probeArgs(plan: VerifyPlan, imageId: string): string[] {
  return ['run', '--rm', '--name', plan.probeContainer, '--network', 'none', '--user', '0:0', '--entrypoint', '/bin/sh', imageId, '-c', PROBE_SCRIPT];
}

/** Starts the app detached with its own CMD and user; a web app's port is published on 127.0.0.1 only, host port chosen by the engine. */
export function runAppArgs(plan: VerifyPlan, imageId: string): string[] {
  const publish = plan.port === null ? [] : ['--publish', `127.0.0.1::${plan.port}`];
  return ['run', '--detach', '--name', plan.appContainer, ...publish, imageId];
}

/** The host port the engine chose for the web app's port. */
export function portArgs(plan: VerifyPlan): string[] {
  return ['port', plan.appContainer, `${plan.port}/tcp`];
}

/** A container's State (running, exit code, HEALTHCHECK state) as JSON. */
export function stateArgs(container: string): string[] {
  return ['inspect', '--type', 'container', '--format', '{{json .State}}', container];
}

/** podman only (also through podman-docker): runs the container's HEALTHCHECK once. */
export function healthcheckRunArgs(container: string): string[] {
  return ['healthcheck', 'run', container];
}

/** Blocks until the container exits, then prints its exit code. */
export function waitArgs(container: string): string[] {
  return ['wait', container];
}

/** The container's last output lines, for a failure's detail. */
export function logsArgs(container: string): string[] {
  return ['logs', '--tail', '20', container];
}

/** Stops and removes a container verify created. */
export function removeContainerArgs(container: string): string[] {
  return ['rm', '--force', container];
}

/** Removes the tag; the image goes with it unless another tag of the user's points at it. */
export function removeImageArgs(tag: string): string[] {
  return ['image', 'rm', tag];
}
