/**
 * The errno table behind exit 73 and 2 for file-system failures, and the exit-code text every
 * --help prints (src/errors.ts). Both are module-level constants, so the module is imported afresh
 * (`vi.resetModules()`): a mutant of the table is built while it is on. The codes are the Linux
 * errno names (https://man7.org/linux/man-pages/man3/errno.3.html); every message, exit code and
 * line of the help is written out (the help is README "Exit codes" in short).
 */
import { describe, expect, it, vi } from 'vitest';

async function fresh() {
  vi.resetModules();
  return import('../../src/errors.ts');
}

const ROWS: [code: string, message: string, exitCode: number, name: string][] = [
  ['EACCES', 'cannot write /srv/app: permission denied (EACCES); choose a directory you can write to, or fix its permissions', 73, 'EnvironmentError'],
  ['EPERM', 'cannot write /srv/app: operation not permitted (EPERM); choose a directory you can write to, or fix its permissions', 73, 'EnvironmentError'],
  ['EROFS', 'cannot write /srv/app: read-only file system (EROFS); choose a directory on a writable file system', 73, 'EnvironmentError'],
  ['ENOSPC', 'cannot write /srv/app: no space left on the device (ENOSPC); free some space, then run again', 73, 'EnvironmentError'],
  ['EDQUOT', 'cannot write /srv/app: disk quota exceeded (EDQUOT); free some space, then run again', 73, 'EnvironmentError'],
  ['EIO', 'cannot write /srv/app: input/output error (EIO); check the disk, then run again', 73, 'EnvironmentError'],
  ['EMFILE', 'cannot write /srv/app: too many open files (EMFILE); raise the open-file limit (ulimit -n), then run again', 73, 'EnvironmentError'],
  ['ENFILE', 'cannot write /srv/app: too many open files in the system (ENFILE); close other programs, then run again', 73, 'EnvironmentError'],
  ['ENOTDIR', 'cannot write /srv/app: a part of the path is a file, not a directory (ENOTDIR); choose another path', 2, 'UsageError'],
  ['ENAMETOOLONG', 'cannot write /srv/app: the path is too long (ENAMETOOLONG); choose a shorter path', 2, 'UsageError'],
  ['ELOOP', 'cannot write /srv/app: too many symbolic links in the path (ELOOP); choose another path', 2, 'UsageError'],
];

describe('describeFsError: each errno code of the table', () => {
  it.each(ROWS)('%s', async (code, message, exitCode, name) => {
    const { describeFsError } = await fresh();
    const error = describeFsError(Object.assign(new Error('raw'), { code, path: '/tmp/staging' }), 'write', '/srv/app') as Error & { exitCode: number };
    expect([error.message, error.exitCode, error.name]).toEqual([message, exitCode, name]);
  });

  it('a code outside the table is no file-system failure of the environment', async () => {
    const { describeFsError } = await fresh();
    expect(describeFsError(Object.assign(new Error('raw'), { code: 'ENOENT' }), 'read')).toBeNull();
    expect(describeFsError(Object.assign(new Error('raw'), { code: '' }), 'read')).toBeNull();
  });
});

describe('EXIT_CODES_HELP', () => {
  it('lists every exit code, one per line', async () => {
    const { EXIT_CODES_HELP } = await fresh();
    expect(EXIT_CODES_HELP).toBe(
      [
        '',
        'Exit codes:',
        '  0    success',
        '  1    update --check: something is out of date',
        '  2    invalid input or usage (the message names the flag, file or line)',
        '  3    refusing to overwrite, or an unresolved merge conflict',
        '  73   cannot write: permission denied, read-only file system, disk full (path and cause named)',
        '  130  cancelled (Ctrl-C); nothing was written',
        '  143  stopped by SIGTERM (129: SIGHUP), with the same clean-up as Ctrl-C',
        '  70   any other failure (set DEBUG=1 for a stack trace)',
        '',
      ].join('\n'),
    );
  });
});
