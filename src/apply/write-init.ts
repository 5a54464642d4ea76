/**
 * The one place init writes: its own files only. A new file is created exclusively (never over
 * a file that appeared meanwhile); an existing one (--force) is first copied to its backup name
 * (exclusively: a backup is never overwritten), then replaced atomically. Any failure or Ctrl-C
 * undoes what this run did, so the project is left as it was.
 */
import { constants } from 'node:fs';
import { copyFile, link, mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Cancellation } from '../io/cancel.ts';
import { CancelledError, ConflictError, ToolError } from '../errors.ts';
import type { InitPlannedFile } from '../plan/init-files.ts';
import { writeFileAtomic } from './write-atomic.ts';
import { tempPathBeside } from './temp-name.ts';

/** Writes the planned files under `root`, or (on any error) restores everything it touched. */
export async function writeInit(root: string, files: readonly InitPlannedFile[], cancel: Pick<Cancellation, 'isRequested' | 'whileWriting'>): Promise<void> {
  await cancel.whileWriting(() => writeAll(root, files, () => cancel.isRequested()));
}

async function writeAll(root: string, files: readonly InitPlannedFile[], isCancelled: () => boolean): Promise<void> {
  const undo: (() => Promise<void>)[] = [];
  try {
    for (const file of files) {
      if (isCancelled()) throw new CancelledError();
      const path = join(root, file.path);
      const dir = dirname(path);
      const made = await mkdir(dir, { recursive: true });
      if (made) undo.push(() => rm(made, { recursive: true, force: true }));
      if (file.action === 'replace') {
        const backup = join(root, file.backup!);
        await copyFile(path, backup, constants.COPYFILE_EXCL);
        undo.push(() => rename(backup, path));
        await writeFileAtomic(path, file.content);
      } else {
        await createExclusive(path, file.content);
        undo.push(() => rm(path, { force: true }));
      }
    }
    if (isCancelled()) throw new CancelledError();
  } catch (error) {
    for (const step of undo.reverse()) await step().catch(() => undefined);
    throw describeWriteError(error);
  }
}

/** Writes a temporary file, then hard-links it into place: fails (EEXIST) rather than replace a file. */
async function createExclusive(path: string, content: string): Promise<void> {
  const temp = tempPathBeside(path);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await link(temp, path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') throw new ConflictError(`${path} appeared while init was writing; nothing was changed: run init again`);
      throw error;
    });
  } finally {
    await rm(temp, { force: true });
  }
}

function describeWriteError(error: unknown): unknown {
  if (error instanceof CancelledError) return new CancelledError('cancelled: nothing was written (files of this run removed, backups restored)');
  if (error instanceof ConflictError) return error;
  const failure = error as NodeJS.ErrnoException & { dest?: string };
  // COPYFILE_EXCL: the backup name was free when planned; never overwrite what took it since.
  if (failure.code === 'EEXIST' && failure.syscall === 'copyfile')
    return new ConflictError(`${failure.dest ?? failure.path} appeared while init was writing; nothing was changed: run init again`);
  if (failure.code && failure.path)
    return new ToolError(
      `cannot write ${failure.dest ?? failure.path}: ${failure.code === 'EACCES' ? 'permission denied' : failure.code === 'ENOSPC' ? 'no space left on the device' : failure.code === 'EEXIST' || failure.code === 'ENOTDIR' ? 'a file is in the way of a folder' : failure.message}; nothing was changed`,
    );
  return error;
}
