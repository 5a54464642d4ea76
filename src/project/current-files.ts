/**
 * Reading an existing project's files for update, before anything is planned: each managed file
 * with its stored base and any pending conflict, and the user's own files update may advise on.
 */
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors.ts';
import { BASE_DIR, PACKAGES_RECORD } from './managed-files.ts';
import { chooseMergeBase, parsePendingMerges, PENDING_FILE, type PendingMerge } from './pending-merge.ts';
import { readInputText } from './read-input-file.ts';

export interface FileState {
  text: string | null;
  /** The base to merge against (see chooseMergeBase). */
  base: string | null;
  /** The base stored in .slim-python/generated/ (rewritten only when the file becomes the merged result). */
  storedBase: string | null;
}

export interface CurrentFiles {
  files: Map<string, FileState>;
  /** Conflicts left with markers by an earlier update (see pending-merge.ts). */
  pending: Map<string, PendingMerge>;
  /** The packages record of the last generation, as text (null: none). */
  packagesRecord: string | null;
}

/** Reads each managed file, its base and any pending conflict; a symlinked file is refused (exit 2). */
export async function readCurrentFiles(root: string, paths: readonly string[]): Promise<CurrentFiles> {
  const pendingPath = join(root, PENDING_FILE);
  const pending = parsePendingMerges(await readRegular(pendingPath), (problem) => {
    throw new UsageError(`${pendingPath} ${problem}: delete it (update then merges against the last generated files)`);
  });
  const files = new Map<string, FileState>();
  for (const path of paths) {
    const text = await readRegular(join(root, path));
    const storedBase = await readRegular(join(root, BASE_DIR, path));
    files.set(path, { text, storedBase, base: chooseMergeBase(text, storedBase, pending.get(path)) });
  }
  return { files, pending, packagesRecord: await readRegular(join(root, PACKAGES_RECORD)) };
}

async function readRegular(path: string): Promise<string | null> {
  const stats = await lstat(path).catch(() => null);
  if (!stats) return null;
  if (stats.isSymbolicLink()) throw new UsageError(`${path} is a symlink; refusing to read or rewrite it through the link (replace it with a regular file)`);
  if (!stats.isFile()) throw new UsageError(`${path} is not a regular file; move it away first`);
  return readInputText(path);
}

/** Reads the user's files update advises on (missing or unreadable ones are null: nothing to say about them). */
export async function readYourFiles(root: string, paths: readonly string[]): Promise<Map<string, string | null>> {
  const texts = new Map<string, string | null>();
  for (const path of paths) texts.set(path, await readFile(join(root, path), 'utf8').catch(() => null));
  return texts;
}
