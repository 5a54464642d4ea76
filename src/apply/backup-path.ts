/**
 * Names for backups of user files replaced by `create --force` or `update --force`: NAME.orig,
 * then NAME.1.orig, NAME.2.orig, ... so that an earlier backup is never overwritten and every
 * backup matches the `*.orig` line of the generated .gitignore.
 */
import { lstat } from 'node:fs/promises';

/** The first backup path of `path` (absolute) that does not exist and is not in `taken`. */
export async function chooseBackupPath(path: string, taken: ReadonlySet<string> = new Set()): Promise<string> {
  for (let index = 0; ; index += 1) {
    const candidate = index === 0 ? `${path}.orig` : `${path}.${index}.orig`;
    if (taken.has(candidate)) continue;
    if (!(await lstat(candidate).catch(() => null))) return candidate;
  }
}
