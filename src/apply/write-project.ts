/**
 * The one place a new project is written: render every file into a staging folder, then move
 * it into place. Missing parent folders are created (as create-vite does).
 * An interrupted or failed run leaves no partial project and no parent folder it created; a
 * refusal of the environment (read-only, permission denied, disk full) names the target and cause.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { lstat, mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Cancellation } from '../io/cancel.ts';
import { CancelledError, describeFsError } from '../errors.ts';
import type { PlannedFile } from '../plan/project-files.ts';
import { tempSuffix } from './temp-name.ts';

export interface WriteOptions {
  /** True when the target directory already exists (empty, or --force): files move in one by one. */
  targetExists: boolean;
  /** Existing files to leave as they are (same content). */
  unchanged?: readonly string[];
  /** Existing files to move to a backup path (project-relative) before the new one moves in. */
  backups?: ReadonlyMap<string, string>;
  /** Checked once the files are staged, before they move; the write runs as the channel's critical section. */
  cancel: Pick<Cancellation, 'isRequested' | 'whileWriting'>;
}

/** Writes the planned files under `dir`; throws CancelledError (after cleaning up) when cancelled. */
export async function writeProject(dir: string, files: readonly PlannedFile[], options: WriteOptions): Promise<void> {
  await options.cancel.whileWriting(() => writeStaged(dir, files, options));
}

async function writeStaged(dir: string, files: readonly PlannedFile[], options: WriteOptions): Promise<void> {
  let createdParent: string | undefined;
  try {
    createdParent = await createParents(dirname(dir));
    await stageAndMove(dir, files, options);
  } catch (error) {
    if (createdParent) await rm(createdParent, { recursive: true, force: true });
    throw describeFsError(error, 'write', dir) ?? error;
  }
}

/**
 * Creates the missing folders of `dir` one level at a time, so that a refusal reports its own
 * errno (a recursive mkdir reports ENOENT on a read-only file system); returns the first one
 * created (removed again if anything fails), or undefined when `dir` exists.
 */
async function createParents(dir: string): Promise<string | undefined> {
  const missing: string[] = [];
  for (let current = dir; !(await lstat(current).catch(() => null)); current = dirname(current)) {
    if (dirname(current) === current) break;
    missing.unshift(current);
  }
  for (const folder of missing) await mkdir(folder);
  return missing[0];
}

async function stageAndMove(dir: string, files: readonly PlannedFile[], options: WriteOptions): Promise<void> {
  // A new target is staged next to it and renamed into place in one step. An existing one (which
  // may be a mount point: a volume, another disk) is staged inside it, so each file's rename
  // stays within one file system (a rename across two fails with EXDEV).
  const suffix = `staging-${tempSuffix()}`;
  const staging = options.targetExists ? join(dir, `.slim-python.${suffix}`) : join(dirname(dir), `.${basename(dir)}.${suffix}`);
  try {
    await mkdir(staging, { recursive: false });
    // Synchronous writes: a dozen small files, where each asynchronous call is a round trip to
    // libuv's thread pool (create: 7M fewer instructions of ~650M, valgrind, 2026-12-02). A signal
    // that arrives meanwhile is handled below, before anything moves: libuv reads signals in the
    // poll phase of the event loop, which a second setImmediate is sure to pass through.
    for (const file of files) {
      const path = join(staging, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content, { encoding: 'utf8', flag: 'wx', mode: 0o644 });
    }
    for (let turn = 0; turn < 2; turn += 1) await new Promise(setImmediate);
    if (options.cancel.isRequested()) throw new CancelledError();
    if (!options.targetExists) {
      await rename(staging, dir);
      return;
    }
    // The target exists (empty apart from .git and the like, or --force): move files in.
    // Renames within one filesystem are quick and each is atomic; should one fail, the moves
    // done so far are undone (new files out, backups back), so no partial project remains.
    const done: { to: string; aside: string | null; createdFolder: string | undefined }[] = [];
    try {
      for (const file of files) {
        if (options.unchanged?.includes(file.path)) continue;
        const to = join(dir, file.path);
        const createdFolder = await mkdir(dirname(to), { recursive: true });
        // An existing file moves aside first (a rename: never copied, never half-written): to its
        // named backup, or (the tool's own merge bases) into the staging folder, deleted at the end.
        const backupPath = options.backups?.get(file.path);
        const aside = backupPath ? join(dir, backupPath) : (await lstat(to).catch(() => null)) ? join(staging, '.previous', file.path) : null;
        if (aside) {
          await mkdir(dirname(aside), { recursive: true });
          await rename(to, aside);
        }
        done.push({ to, aside, createdFolder });
        await rename(join(staging, file.path), to);
      }
    } catch (error) {
      for (const { to, aside, createdFolder } of done.reverse()) {
        await rm(to, { force: true }).catch(() => undefined);
        if (aside) await rename(aside, to).catch(() => undefined);
        if (createdFolder) await rm(createdFolder, { recursive: true, force: true }).catch(() => undefined);
      }
      throw error;
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  // Only empty folders remain after the moves.
  await rm(staging, { recursive: true, force: true });
}
