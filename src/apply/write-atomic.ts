/**
 * Writes that never leave a half-written file: write a temporary file in the same folder, then
 * rename it over the target (rename is atomic within a filesystem). The file mode is kept.
 */
import { lstat, open, rename, rm } from 'node:fs/promises';
import { describeFsError } from '../errors.ts';
import { tempPathBeside } from './temp-name.ts';

/** Replaces `path` with `content` atomically, keeping its permission bits when it exists. */
export async function writeFileAtomic(path: string, content: string, options: { mode?: number } = {}): Promise<void> {
  const existing = await lstat(path).catch(() => null);
  if (existing?.isSymbolicLink()) throw new Error(`${path} is a symlink`);
  const mode = options.mode ?? (existing ? existing.mode & 0o7777 : 0o644);
  const temp = tempPathBeside(path);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(content, 'utf8');
      await handle.chmod(mode); // open() applies the umask; the old mode must survive exactly
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    // Name the file the user knows, not the temporary one, with the cause (disk full, read-only).
    throw describeFsError(error, 'write', path) ?? error;
  }
}
