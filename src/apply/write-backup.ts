/**
 * Backups of a user's file before update --force replaces it. A backup is never overwritten:
 * the first is `Dockerfile.orig`, later ones `Dockerfile.1.orig`, `Dockerfile.2.orig`, ... (all
 * matching a `*.orig` ignore pattern). The name is claimed with link(2), which fails when the
 * name exists, so even a concurrent run cannot replace an earlier backup; the content is
 * complete before the name appears.
 */
import { link, open, rm } from 'node:fs/promises';
import { tempPathBeside } from './temp-name.ts';

/** The n-th backup name of `path` (0 = `path.orig`). */
export function backupName(path: string, n: number): string {
  return n === 0 ? `${path}.orig` : `${path}.${n}.orig`;
}

/** Writes `content` to the first free backup name of `path`; returns that path. */
export async function writeBackup(path: string, content: string, mode = 0o644): Promise<string> {
  const temp = tempPathBeside(path);
  const handle = await open(temp, 'wx', mode);
  try {
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    for (let n = 0; ; n += 1) {
      const target = backupName(path, n);
      try {
        await link(temp, target);
        return target;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  } finally {
    await rm(temp, { force: true });
  }
}
