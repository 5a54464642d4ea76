/** Reads an existing project (config + requirements) and computes its decisions: shared by update and explain. */
import { lstat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE, parseConfig, type ProjectConfig } from './config.ts';
import { UsageError } from '../errors.ts';
import type { FormatControl } from '../requirements/format-control.ts';
import type { Requirement } from '../requirements/types.ts';
import { TOOL_VERSION } from '../version.ts';
import { readProjectRequirements } from './requirements.ts';
import { readInputText } from './read-input-file.ts';
import { isPlainRelativePath } from '../validate/relative-path.ts';
import { lockKindOf } from '../requirements/lock-readers.ts';
import { emptyFormatControl } from '../requirements/format-control.ts';
import { findRuntime } from '../target/runtimes.ts';
import { readInstallLock } from './install-lock.ts';

export interface LoadedProject {
  root: string;
  config: ProjectConfig;
  configText: string;
  requirements: Requirement[];
  /** Included requirement files, relative to the root (copied into the build stage too). */
  includes: string[];
  /** `--no-binary` / `--only-binary` lines of the requirements files. */
  formats: FormatControl;
  /** The dependencies are a lock the image installs from: project -> the files it lists. */
  locked?: Map<string, string[]>;
}

/**
 * The project root for a command: `dir` itself when given; else the nearest folder from `cwd`
 * upward that holds slim-python.json, as git finds its repository. Exit 2 when there is none.
 */
export async function findProjectRoot(cwd: string, dir: string | undefined): Promise<string> {
  if (dir !== undefined) return resolve(cwd, dir);
  for (let current = resolve(cwd); ; current = dirname(current)) {
    if (await lstat(join(current, CONFIG_FILE)).catch(() => null)) return current;
    if (dirname(current) === current) break;
  }
  throw new UsageError(`${CONFIG_FILE} not found in ${resolve(cwd)} or any folder above it: run this in a project made by create-slim-python, or pass its directory`);
}

/** Reads and validates `slim-python.json` in `root`; exit 2 naming the file when missing or invalid. */
export async function readProjectConfig(root: string): Promise<{ config: ProjectConfig; text: string }> {
  const path = join(root, CONFIG_FILE);
  const stats = await lstat(path).catch(() => null);
  if (!stats) throw new UsageError(`${path} not found: run this in a project made by create-slim-python, or pass its directory`);
  if (stats.isSymbolicLink()) throw new UsageError(`${path} is a symlink; refusing to read or rewrite it through the link`);
  // Without its byte-order mark, if any: the text update compares and rewrites is the JSON.
  const text = (await readInputText(path)).replace(/^\ufeff/, '');
  return { config: parseConfig(text, path, TOOL_VERSION), text };
}

/** Reads config and requirements of the project at `root`. */
export async function loadProject(root: string, env: Record<string, string | undefined>, known?: { config: ProjectConfig; text: string }): Promise<LoadedProject> {
  const read = known ?? (await readProjectConfig(root));
  const effective = read.config;
  const requirementsPath = join(root, effective.requirements);
  if (!(await lstat(requirementsPath).catch(() => null))) {
    throw new UsageError(`${requirementsPath} not found: create it (it may be empty), or set "requirements" in ${CONFIG_FILE}`);
  }
  if (lockKindOf(effective.requirements) !== null) {
    const input = await readInstallLock(root, effective.requirements, { runtime: findRuntime(effective.python)!, arches: effective.arches });
    return { root, config: effective, configText: read.text, requirements: input.requirements, includes: [], formats: emptyFormatControl(), locked: input.files };
  }
  const parsed = await readProjectRequirements(root, effective.requirements, env);
  for (const include of parsed.includes) {
    // Included files are named in COPY lines of the Dockerfile: plain relative paths only.
    if (!isPlainRelativePath(include)) {
      throw new UsageError(
        `${effective.requirements} includes ${JSON.stringify(include)}: rename it to a plain relative path (letters, digits, ".", "_", "-", "/") so the Dockerfile can copy it`,
      );
    }
  }
  return { root, config: effective, configText: read.text, requirements: parsed.all, includes: parsed.includes, formats: parsed.formats };
}
