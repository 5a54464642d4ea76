/** Decides whether the planned files may be written at the target, before anything is written. */
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { findSymlinks, inspectTarget } from '../apply/inspect-target.ts';
import { ConflictError } from '../errors.ts';
import type { PlannedFile } from '../plan/project-files.ts';

export interface TargetCheck {
  exists: boolean;
  /** Planned paths that already exist and will be replaced (only with --force). */
  overwritten: string[];
}

const SHOWN = 8;

/** Throws ConflictError (exit 3) when writing would go through a symlink or over user files. */
export async function checkTarget(dir: string, files: readonly PlannedFile[], force: boolean): Promise<TargetCheck> {
  const state = await inspectTarget(dir);
  if (state.isSymlink) throw new ConflictError(`${dir} is a symlink; refusing to write through it: choose a real directory`);
  if (state.exists && !state.isDirectory) throw new ConflictError(`${dir} exists and is not a directory: choose another DIR`);
  if (!state.exists) return { exists: false, overwritten: [] };
  if (state.blocking.length > 0 && !force) {
    const shown = state.blocking.slice(0, SHOWN).join(', ') + (state.blocking.length > SHOWN ? `, and ${state.blocking.length - SHOWN} more` : '');
    throw new ConflictError(`${dir} is not empty (${shown}): choose an empty or new DIR, or pass --force to write over the generated files only`);
  }
  const paths = files.map((file) => file.path);
  const links = await findSymlinks(dir, paths);
  if (links.length > 0) throw new ConflictError(`refusing to write through symlinks in ${dir}: ${links.join(', ')}`);
  const overwritten: string[] = [];
  for (const path of paths) {
    const stats = await lstat(join(dir, path)).catch(() => null);
    if (!stats) continue;
    if (!stats.isFile()) throw new ConflictError(`${join(dir, path)} exists and is not a file; move it away first`);
    overwritten.push(path);
  }
  return { exists: true, overwritten };
}
