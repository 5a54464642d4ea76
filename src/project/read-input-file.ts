/**
 * The one way the tool reads a file the user controls (requirements files and their includes,
 * pyproject.toml, slim-python.json, the managed files): regular files only, up to a stated size.
 * A device (/dev/zero), a FIFO (which would block forever) or a directory is refused before it
 * is opened for reading; the size is checked again on the open file, and never more than the
 * limit plus one byte is read, so a file that grows while being read cannot exhaust memory.
 */
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { UsageError } from '../errors.ts';

/** Largest input file read, in bytes (pip-compile output with hashes for ~10,000 pins fits). */
export const INPUT_FILE_LIMIT = 10 * 1024 * 1024;
const LIMIT_TEXT = '10 MiB';

/** An input file that is not a regular file or is too large; `reason` reads after the path. */
export class InputFileRefused extends UsageError {
  override name = 'InputFileRefused';
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path} ${reason}`);
  }
}

function describeKind(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function check(path: string, stats: Stats): void {
  if (!stats.isFile()) throw new InputFileRefused(path, `is ${describeKind(stats)}, not a regular file: pass a regular file`);
  if (stats.size > INPUT_FILE_LIMIT) {
    throw new InputFileRefused(path, `is larger than the ${LIMIT_TEXT} limit for input files (${stats.size} bytes)`);
  }
}

/** Reads a regular file (following symlinks) of at most INPUT_FILE_LIMIT bytes. */
export async function readInputFile(path: string): Promise<Buffer> {
  check(path, await stat(path));
  // O_NONBLOCK: should the path have been swapped for a FIFO since the stat, open does not block.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = await handle.stat();
    check(path, stats);
    // Sized by the stat (+1 to see growth), grown only if the file grows, never past the limit.
    let buffer = Buffer.allocUnsafe(stats.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > INPUT_FILE_LIMIT) throw new InputFileRefused(path, `is larger than the ${LIMIT_TEXT} limit for input files`);
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, INPUT_FILE_LIMIT + 1));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > INPUT_FILE_LIMIT) throw new InputFileRefused(path, `is larger than the ${LIMIT_TEXT} limit for input files`);
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

/** readInputFile decoded as UTF-8. */
export async function readInputText(path: string): Promise<string> {
  return (await readInputFile(path)).toString('utf8');
}
