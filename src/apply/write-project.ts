/**
 * The one place a new project is written: render every file into a staging folder next to the
 * target, then move it into place. An interrupted or failed run leaves no partial project.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { beginWrite, endWrite } from '../cli/cancel.ts';
import { CancelledError } from '../errors.ts';
import type { PlannedFile } from '../plan/project-files.ts';

export interface WriteOptions {
  /** True when the target directory already exists (empty, or --force): files move in one by one. */
  targetExists: boolean;
  /** Set by the SIGINT handler; checked between files while staging. */
  isCancelled: () => boolean;
}

/** Writes the planned files under `dir`; throws CancelledError (after cleaning up) when cancelled. */
export async function writeProject(dir: string, files: readonly PlannedFile[], options: WriteOptions): Promise<void> {
  beginWrite();
  try {
    await stageAndMove(dir, files, options);
  } finally {
    endWrite();
  }
}

async function stageAndMove(dir: string, files: readonly PlannedFile[], options: WriteOptions): Promise<void> {
  const staging = join(dirname(dir), `.${basename(dir)}.staging-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(staging, { recursive: false });
    for (const file of files) {
      if (options.isCancelled()) throw new CancelledError();
      const path = join(staging, file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.content, { encoding: 'utf8', flag: 'wx', mode: 0o644 });
    }
    if (options.isCancelled()) throw new CancelledError();
    if (!options.targetExists) {
      await rename(staging, dir);
      return;
    }
    // The target exists (empty apart from .git and the like, or --force): move files in.
    // Renames within one filesystem are quick and each is atomic.
    for (const file of files) {
      const to = join(dir, file.path);
      await mkdir(dirname(to), { recursive: true });
      await rename(join(staging, file.path), to);
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  // Only empty folders remain after the moves.
  await rm(staging, { recursive: true, force: true });
}
