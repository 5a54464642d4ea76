/** What exists at init's own paths (and their parent folders), read before planning. */
import { chooseBackupPath } from '../../apply/backup-path.ts';
import { lstat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { ConflictError } from '../../errors.ts';
import type { OwnPathState } from '../../plan/init-files.ts';

const MAX_BACKUPS = 1000;

/** States of the given paths that exist; a symlinked parent folder is refused outright. */
export async function inspectOwnFiles(root: string, paths: readonly string[]): Promise<Map<string, OwnPathState>> {
  const states = new Map<string, OwnPathState>();
  for (const path of paths) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i += 1) {
      const parent = parts.slice(0, i).join('/');
      const stats = await lstat(join(root, parent)).catch(() => null);
      if (stats?.isSymbolicLink()) throw new ConflictError(`${parent} is a symlink; refusing to write through it: replace it with a real folder`);
      if (stats && !stats.isDirectory()) throw new ConflictError(`${parent} exists and is not a folder; move it away first`);
    }
    const stats = await lstat(join(root, path)).catch(() => null);
    if (!stats) continue;
    const kind = stats.isSymbolicLink() ? 'symlink' : stats.isFile() ? 'file' : stats.isDirectory() ? 'dir' : 'other';
    states.set(path, { kind, backup: await freeBackupName(root, path) });
  }
  return states;
}

/** The first free backup name of `path` (relative to `root`), as create and update name theirs. */
async function freeBackupName(root: string, path: string): Promise<string> {
  return relative(root, await chooseBackupPath(join(root, path), new Set(), MAX_BACKUPS))
    .split(sep)
    .join('/');
}
