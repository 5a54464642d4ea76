/**
 * Decides whether the planned files may be written at the target, before anything is written;
 * with --force, which existing files are unchanged, replaced, and backed up where (NAME.orig).
 */
import { lstat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { chooseBackupPath } from '../../apply/backup-path.ts';
import { readInputText } from '../../project/read-input-file.ts';
import { findSymlinks, inspectTarget, type TargetState } from '../../apply/inspect-target.ts';
import { ConflictError } from '../../errors.ts';
import { type PlannedFile } from '../../plan/project-files.ts';
import { BASE_DIR } from '../../project/managed-files.ts';

export interface TargetCheck {
  exists: boolean;
  /** Planned paths that already exist and will be replaced (only with --force). */
  overwritten: string[];
  /** Planned paths that already exist with exactly the planned content: left untouched. */
  unchanged: string[];
  /** Project-relative backup path for each overwritten file the user may have edited. */
  backups: Map<string, string>;
}

const SHOWN = 8;

/**
 * Why nothing can be written at `dir` as it is, or null: a symlink, a file, or (without --force)
 * a directory that is not empty (`notEmpty`, which the wizard offers to write into anyway).
 */
export function describeTargetProblem(dir: string, state: TargetState, force: boolean): { message: string; notEmpty: boolean } | null {
  if (state.isSymlink) return { message: `${dir} is a symlink; refusing to write through it: choose a real directory`, notEmpty: false };
  if (state.exists && !state.isDirectory) return { message: `${dir} exists and is not a directory: choose another DIR`, notEmpty: false };
  if (state.blocking.length > 0 && !force) {
    const shown = state.blocking.slice(0, SHOWN).join(', ') + (state.blocking.length > SHOWN ? `, and ${state.blocking.length - SHOWN} more` : '');
    return { message: `${dir} is not empty (${shown}): choose an empty or new DIR, or pass --force to write over the generated files only`, notEmpty: true };
  }
  return null;
}

/** Throws ConflictError (exit 3) when writing would go through a symlink or over user files. */
export async function checkTarget(dir: string, files: readonly PlannedFile[], force: boolean): Promise<TargetCheck> {
  const state = await inspectTarget(dir);
  const problem = describeTargetProblem(dir, state, force);
  if (problem) throw new ConflictError(problem.message);
  if (!state.exists) return { exists: false, overwritten: [], unchanged: [], backups: new Map() };
  const paths = files.map((file) => file.path);
  const links = await findSymlinks(dir, paths);
  if (links.length > 0) throw new ConflictError(`refusing to write through symlinks in ${dir}: ${links.join(', ')}`);
  const overwritten: string[] = [];
  const unchanged: string[] = [];
  const backups = new Map<string, string>();
  const taken = new Set<string>();
  for (const file of files) {
    const path = join(dir, file.path);
    // A file where a planned folder goes would fail half-way through the moves: refuse up front.
    const parts = file.path.split('/');
    for (let i = 1; i < parts.length; i += 1) {
      const folder = parts.slice(0, i).join('/');
      const folderStats = await lstat(join(dir, folder)).catch(() => null);
      if (folderStats && !folderStats.isDirectory()) {
        throw new ConflictError(`${join(dir, folder)} exists and is not a folder, but ${file.path} goes inside it: move it away first`);
      }
    }
    const stats = await lstat(path).catch(() => null);
    if (!stats) continue;
    if (!stats.isFile()) throw new ConflictError(`${path} exists and is not a file; move it away first`);
    if ((await readInputText(path)) === file.content) {
      unchanged.push(file.path);
      continue;
    }
    overwritten.push(file.path);
    // The last generated files (merge bases) are the tool's own; everything else may hold edits.
    if (file.path.startsWith(`${BASE_DIR}/`)) continue;
    const backup = await chooseBackupPath(path, taken);
    taken.add(backup);
    backups.set(file.path, relative(dir, backup).split(sep).join('/'));
  }
  return { exists: true, overwritten, unchanged, backups };
}
