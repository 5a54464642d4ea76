/**
 * What is already at the target directory, read before anything is written, so that the plan
 * can refuse (exit 3) with the list of what is in the way.
 */
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Entries that do not make a directory "not empty": version control and OS litter. */
export const HARMLESS_ENTRIES = new Set(['.git', '.hg', '.svn', '.DS_Store', 'Thumbs.db', '.idea', '.vscode']);

export interface TargetState {
  exists: boolean;
  isSymlink: boolean;
  isDirectory: boolean;
  /** Entries other than the harmless ones, sorted. */
  blocking: string[];
}

/** Describes the target directory without following a symlink at its path. */
export async function inspectTarget(dir: string): Promise<TargetState> {
  const stats = await lstat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (!stats) return { exists: false, isSymlink: false, isDirectory: false, blocking: [] };
  if (stats.isSymbolicLink()) return { exists: true, isSymlink: true, isDirectory: false, blocking: [] };
  if (!stats.isDirectory()) return { exists: true, isSymlink: false, isDirectory: false, blocking: [] };
  const entries = (await readdir(dir)).filter((name) => !HARMLESS_ENTRIES.has(name)).sort();
  return { exists: true, isSymlink: false, isDirectory: true, blocking: entries };
}

/** Planned paths whose existing entry (or a parent folder of it) is a symlink: never written through. */
export async function findSymlinks(root: string, paths: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const path of paths) {
    const parts = path.split('/');
    for (let i = 1; i <= parts.length; i += 1) {
      const partial = parts.slice(0, i).join('/');
      const stats = await lstat(join(root, partial)).catch(() => null);
      if (!stats) break;
      if (stats.isSymbolicLink()) {
        found.add(partial);
        break;
      }
    }
  }
  return [...found].sort();
}
