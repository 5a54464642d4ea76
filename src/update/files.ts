/** Reading the managed files with their stored bases, and writing an update's results atomically. */
import { lstat, mkdir, readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { writeFileAtomic } from '../apply/write-atomic.ts';
import { writeBackup } from '../apply/write-backup.ts';
import { beginWrite, endWrite } from '../cli/cancel.ts';
import { CONFIG_FILE } from '../config/project-config.ts';
import { CancelledError, UsageError } from '../errors.ts';
import { BASE_DIR } from '../plan/project-files.ts';
import type { UpdateOutcome } from '../report/update-report.ts';

export interface FileState {
  text: string | null;
  base: string | null;
}

/** Reads each managed file and its base; a symlinked file is refused (exit 2). */
export async function readCurrentFiles(root: string, paths: readonly string[]): Promise<Map<string, FileState>> {
  const states = new Map<string, FileState>();
  for (const path of paths) {
    states.set(path, { text: await readRegular(join(root, path)), base: await readRegular(join(root, BASE_DIR, path)) });
  }
  return states;
}

async function readRegular(path: string): Promise<string | null> {
  const stats = await lstat(path).catch(() => null);
  if (!stats) return null;
  if (stats.isSymbolicLink()) throw new UsageError(`${path} is a symlink; refusing to read or rewrite it through the link (replace it with a regular file)`);
  if (!stats.isFile()) throw new UsageError(`${path} is not a regular file; move it away first`);
  return readFile(path, 'utf8');
}

/**
 * Writes what the outcome decided, each file atomically (temp + rename): the managed files,
 * their new bases, and the config. A backup (`.orig`, never overwriting an earlier one) is
 * written before a --force overwrite; its path, relative to `root`, goes to `outcome.backups`.
 */
export async function writeUpdate(root: string, outcome: UpdateOutcome, isCancelled: () => boolean): Promise<void> {
  beginWrite();
  try {
    for (const change of outcome.changes) {
      if (outcome.resolutions.get(change.path) === 'keep') continue;
      const path = join(root, change.path);
      if (change.action !== 'identical') {
        if (isCancelled()) throw new CancelledError('cancelled: files written so far are complete; nothing is half-written');
        const resolution = outcome.resolutions.get(change.path);
        if (resolution === 'force' && change.current !== null) {
          outcome.backups.set(change.path, relative(root, await writeBackup(path, change.current)));
        }
        await writeFileAtomic(path, resolution === 'force' ? change.render : change.next);
      }
      const basePath = join(root, BASE_DIR, change.path);
      if (change.base !== change.render) {
        await mkdir(dirname(basePath), { recursive: true });
        await writeFileAtomic(basePath, change.render);
      }
    }
    if (outcome.configChanged) await writeFileAtomic(join(root, CONFIG_FILE), outcome.configAfter);
  } finally {
    endWrite();
  }
}
