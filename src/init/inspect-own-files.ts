/** What exists at init's own paths (and their parent folders), read before planning. */
import { backupName } from '../apply/write-backup.ts';
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { ConflictError } from '../errors.ts';
import type { OwnPathState } from '../plan/init-files.ts';

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

/**
 * `PATH.orig`, else `PATH.1.orig`, `PATH.2.orig` ...: the names update --force uses too, all
 * matching a `*.orig` ignore pattern; an existing backup is never overwritten.
 */
async function freeBackupName(root: string, path: string): Promise<string> {
  for (let n = 0; n < MAX_BACKUPS; n += 1) {
    const candidate = backupName(path, n);
    if (!(await lstat(join(root, candidate)).catch(() => null))) return candidate;
  }
  throw new ConflictError(`${backupName(path, 0)} ... ${backupName(path, MAX_BACKUPS - 1)} all exist: remove old backups first`);
}
