/** Rewrites a project's slim-python.json (explain --online --write), atomically, as the run's one write. */
import { join } from 'node:path';
import { CancelledError } from '../errors.ts';
import type { Cancellation } from '../io/cancel.ts';
import { CONFIG_FILE } from '../project/config.ts';
import { writeFileAtomic } from './write-atomic.ts';

/** Writes `text` as the config of the project at `root`; a signal before it stops the write. */
export async function writeConfig(root: string, text: string, cancel: Pick<Cancellation, 'isRequested' | 'whileWriting'>): Promise<void> {
  if (cancel.isRequested()) throw new CancelledError();
  await cancel.whileWriting(() => writeFileAtomic(join(root, CONFIG_FILE), text));
  if (cancel.isRequested()) throw new CancelledError('cancelled (slim-python.json was already updated)');
}
