/** Writing an update's results atomically (the files were read by src/project/current-files.ts). */
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { writeFileAtomic } from './write-atomic.ts';
import { writeBackup } from './write-backup.ts';
import type { Cancellation } from '../io/cancel.ts';
import { CONFIG_FILE } from '../project/config.ts';
import { CancelledError } from '../errors.ts';
import { BASE_DIR, PACKAGES_RECORD } from '../project/managed-files.ts';
import type { CurrentFiles } from '../project/current-files.ts';
import type { UpdateOutcome } from '../plan/update-plan.ts';
import { PENDING_FILE, serializePendingMerges } from '../project/pending-merge.ts';

/**
 * Writes what the outcome decided, each file atomically (temp + rename): the managed files,
 * their new bases, and the config. A numbered `.orig` backup (never overwriting an earlier one;
 * recorded in outcome.backups) is written before a --force resolution replaces the user's file.
 * The base moves only when the user's file becomes the merged result: a file kept (--keep) or
 * left with conflict markers keeps its old base, and a conflict's render is recorded as pending.
 */
export async function writeUpdate(root: string, outcome: UpdateOutcome, current: CurrentFiles, cancel: Pick<Cancellation, 'isRequested' | 'whileWriting'>): Promise<void> {
  await cancel.whileWriting(() => writeAll(root, outcome, current, () => cancel.isRequested()));
}

async function writeAll(root: string, outcome: UpdateOutcome, current: CurrentFiles, isCancelled: () => boolean): Promise<void> {
  const backups = outcome.backups;
  const pending = new Map(current.pending);
  // Checked before every file: a signal stops the update between two complete files.
  const write = async (path: string, content: string): Promise<void> => {
    if (isCancelled()) throw new CancelledError('cancelled: files written so far are complete; nothing is half-written');
    await writeFileAtomic(path, content);
  };
  for (const change of outcome.changes) {
    const resolution = outcome.resolutions.get(change.path);
    if (resolution === 'keep') continue;
    // No base: no markers were computed, the file is left as it is, and nothing is pending (a
    // pending render would become the base of the next update, taking every difference between
    // the user's file and that render for a hand edit).
    if (change.noBase && resolution === 'markers') continue;
    const path = join(root, change.path);
    if (change.action !== 'identical') {
      let text = change.next;
      if (resolution === 'force') {
        // Take the new render where both changed; keep the user's other edits; back the file up.
        const { mergeTakingTheirs } = await import('../merge/three-way.ts');
        text = mergeTakingTheirs(change.base ?? '', change.current ?? '', change.render);
        if (change.current !== null) {
          if (isCancelled()) throw new CancelledError('cancelled: files written so far are complete; nothing is half-written');
          const backup = await writeBackup(path, change.current);
          backups.set(change.path, relative(root, backup).split(sep).join('/'));
        }
      }
      await write(path, text);
    }
    if (resolution === 'markers') {
      pending.set(change.path, { yours: change.current, render: change.render });
      continue;
    }
    pending.delete(change.path);
    const basePath = join(root, BASE_DIR, change.path);
    // No base and the user's file left as it was: recording the render as the base would make
    // the next update take every difference for a hand edit.
    const keptWithoutBase = change.noBase && resolution !== 'force';
    if (current.files.get(change.path)?.storedBase !== change.render && !keptWithoutBase) {
      await mkdir(dirname(basePath), { recursive: true });
      await write(basePath, change.render);
      // The record describes the Dockerfile's base: it moves with it.
      if (change.path === 'Dockerfile' && current.packagesRecord !== outcome.packagesRecord) await write(join(root, PACKAGES_RECORD), outcome.packagesRecord);
    }
  }
  const pendingText = serializePendingMerges(pending);
  if (pendingText !== serializePendingMerges(current.pending)) {
    const pendingPath = join(root, PENDING_FILE);
    if (pendingText === null) await rm(pendingPath, { force: true });
    else {
      await mkdir(dirname(pendingPath), { recursive: true });
      await write(pendingPath, pendingText);
    }
  }
  if (outcome.configChanged) await write(join(root, CONFIG_FILE), outcome.configAfter);
}
