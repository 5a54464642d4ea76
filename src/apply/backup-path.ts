/**
 * Choosing a free backup name for a user file that `create --force` or `init --force` replaces,
 * with the naming rule `update --force` uses (`backupName`): NAME.orig, then NAME.1.orig,
 * NAME.2.orig, ... so that an earlier backup is never overwritten and every backup matches the
 * `*.orig` line of the generated .gitignore.
 */
import { lstat } from 'node:fs/promises';
import { ConflictError } from '../errors.ts';
import { backupName } from './write-backup.ts';

/**
 * The first backup path of `path` (absolute) that does not exist and is not in `taken`; with a
 * `limit`, refuses (exit 3) once that many names are used.
 */
export async function chooseBackupPath(path: string, taken: ReadonlySet<string> = new Set(), limit = Infinity): Promise<string> {
  for (let index = 0; index < limit; index += 1) {
    const candidate = backupName(path, index);
    if (taken.has(candidate)) continue;
    if (!(await lstat(candidate).catch(() => null))) return candidate;
  }
  throw new ConflictError(`${backupName(path, 0)} ... ${backupName(path, limit - 1)} all exist: remove old backups first`);
}
