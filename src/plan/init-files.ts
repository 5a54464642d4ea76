/**
 * The pure plan of init: the tool's own files for an existing project, each with what happens
 * to it (create, or replace keeping a backup with --force). Every other path is left alone.
 */
import { CONFIG_FILE, serializeConfig, type ProjectConfig } from '../project/config.ts';
import { ConflictError } from '../errors.ts';
import type { Decisions } from '../knowledge/decisions.ts';
import { getRenderer, type Render } from '../render/engine.ts';
import { buildDockerfileModel, planGeneratedFiles, type PlannedFile } from './project-files.ts';
import { BASE_DIR, MANAGED_FILES, PACKAGES_RECORD } from '../project/managed-files.ts';

/** What is at one of the tool's paths before init (read by src/commands/init/inspect-own-files.ts). */
export interface OwnPathState {
  kind: 'file' | 'dir' | 'symlink' | 'other';
  /** The first free backup name (`PATH.orig`, `PATH.1.orig`, ...) next to it. */
  backup: string;
}

export interface InitPlannedFile extends PlannedFile {
  action: 'create' | 'replace';
  /** Where the existing file is kept before it is replaced (`replace` only). */
  backup: string | null;
}

/** The paths init writes: the managed files, their merge bases and the config. */
export function initPaths(): string[] {
  return [...MANAGED_FILES.flatMap((path) => [path, `${BASE_DIR}/${path}`]), PACKAGES_RECORD, CONFIG_FILE].sort();
}

/** Plans init's files; without `force`, any existing one is a ConflictError (exit 3) naming it. */
export function planInitFiles(
  config: ProjectConfig,
  decisions: Decisions,
  includes: readonly string[],
  existing: ReadonlyMap<string, OwnPathState>,
  force: boolean,
  render: Render = getRenderer(),
): InitPlannedFile[] {
  const files: PlannedFile[] = [
    ...planGeneratedFiles(buildDockerfileModel(config, decisions, includes), render),
    { path: CONFIG_FILE, content: serializeConfig(config), managed: false },
  ];
  const blocked = files
    .map((file) => file.path)
    .filter((path) => existing.has(path))
    .sort();
  for (const path of blocked) {
    const state = existing.get(path)!;
    if (state.kind === 'symlink') throw new ConflictError(`${path} is a symlink; refusing to write through it: replace it with a regular file or remove it`);
    if (state.kind !== 'file') throw new ConflictError(`${path} exists and is not a file; move it away first`);
  }
  if (blocked.length > 0 && !force) {
    const hint = existing.has(CONFIG_FILE) ? ` (${CONFIG_FILE} exists: this project is set up already; run "create-slim-python update" instead)` : '';
    throw new ConflictError(
      `refusing to overwrite ${blocked.join(', ')}${hint}: move ${blocked.length > 1 ? 'them' : 'it'} away, or pass --force to keep ${blocked.length > 1 ? 'each' : 'it'} as a .orig backup`,
    );
  }
  return files
    .map((file): InitPlannedFile => {
      const state = existing.get(file.path);
      return { ...file, action: state ? 'replace' : 'create', backup: state ? state.backup : null };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
