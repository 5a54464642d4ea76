/**
 * How the error boundary words a failed file-system call (src/errors.ts describeFsError and
 * toUserError): the path, the cause, the errno code and the fix, with the exit code of the class
 * (73 for the environment, 2 for a path the user gave). Expected texts are written out.
 */
import { describe, expect, it } from 'vitest';
import { CheckFailedError, describeFsError, EnvironmentError, exitCodeOf, SignalledError, toUserError, UsageError } from '../../src/errors.ts';

/** An error shaped like the ones node:fs throws. */
function fsError(code: unknown, syscall?: string, path?: string): NodeJS.ErrnoException {
  const error = new Error(`${String(code)}: failed`) as NodeJS.ErrnoException;
  (error as { code: unknown }).code = code;
  if (syscall !== undefined) error.syscall = syscall;
  if (path !== undefined) error.path = path;
  return error;
}

describe('describeFsError', () => {
  it('an environment failure is exit 73, naming the path, the cause, the code and the fix', () => {
    const error = describeFsError(fsError('EACCES', 'open', '/srv/app/Dockerfile'), 'write');
    expect(error).toBeInstanceOf(EnvironmentError);
    expect(error!.message).toBe('cannot write /srv/app/Dockerfile: permission denied (EACCES); choose a directory you can write to, or fix its permissions');
    expect(error!.name).toBe('EnvironmentError');
    expect(exitCodeOf(error)).toBe(73);
  });

  it('a bad path is a usage error (exit 2)', () => {
    const error = describeFsError(fsError('ENOTDIR', 'mkdir', '/srv/file/app'), 'write');
    expect(error).toBeInstanceOf(UsageError);
    expect(error).not.toBeInstanceOf(EnvironmentError);
    expect(error!.message).toBe('cannot write /srv/file/app: a part of the path is a file, not a directory (ENOTDIR); choose another path');
    expect(exitCodeOf(error)).toBe(2);
  });

  it("the given path wins over the call's own (the target, not a staging folder inside it)", () => {
    const error = describeFsError(fsError('ENOSPC', 'write', '/srv/app/.csp-staging-1/Dockerfile'), 'write', '/srv/app');
    expect(error!.message).toBe('cannot write /srv/app: no space left on the device (ENOSPC); free some space, then run again');
  });

  it('the action is the caller\'s ("read")', () => {
    expect(describeFsError(fsError('EIO', 'read', '/srv/app/requirements.txt'), 'read')!.message).toBe(
      'cannot read /srv/app/requirements.txt: input/output error (EIO); check the disk, then run again',
    );
  });

  it('without any path, the message names none', () => {
    expect(describeFsError(fsError('EMFILE', 'open'), 'write')!.message).toBe('cannot write: too many open files (EMFILE); raise the open-file limit (ulimit -n), then run again');
  });

  it('a path of 200 characters is shown whole; a longer one by its first and last 80', () => {
    const exact = `/${'a'.repeat(199)}`;
    expect(describeFsError(fsError('ENAMETOOLONG', 'open', exact), 'write')!.message).toBe(`cannot write ${exact}: the path is too long (ENAMETOOLONG); choose a shorter path`);
    const long = `/${'b'.repeat(100)}${'c'.repeat(100)}`;
    expect(describeFsError(fsError('ENAMETOOLONG', 'open', long), 'write')!.message).toBe(
      `cannot write /${'b'.repeat(79)}...${'c'.repeat(80)}: the path is too long (ENAMETOOLONG); choose a shorter path`,
    );
  });

  it('anything else is not ours to describe: null', () => {
    expect(describeFsError(fsError('ENOENT', 'open', '/x'), 'read')).toBeNull();
    expect(describeFsError(fsError(13, 'open', '/x'), 'read')).toBeNull();
    expect(describeFsError(new Error('plain'), 'write')).toBeNull();
    expect(describeFsError(null, 'write')).toBeNull();
    expect(describeFsError(undefined, 'write')).toBeNull();
  });
});

describe('toUserError', () => {
  it('reading system calls are reported as "cannot read", the others as "cannot write"', () => {
    const read = ['open', 'read', 'stat', 'lstat', 'scandir', 'readlink'];
    for (const syscall of read) {
      expect((toUserError(fsError('EACCES', syscall, '/p')) as Error).message, syscall).toBe(
        'cannot read /p: permission denied (EACCES); choose a directory you can write to, or fix its permissions',
      );
    }
    // Whole names only: opendir and fopen are not in the list.
    for (const syscall of ['write', 'mkdir', 'rename', 'opendir', 'fopen', 'xstat']) {
      expect((toUserError(fsError('EACCES', syscall, '/p')) as Error).message, syscall).toBe(
        'cannot write /p: permission denied (EACCES); choose a directory you can write to, or fix its permissions',
      );
    }
    expect((toUserError(fsError('EROFS', undefined, '/p')) as Error).message).toBe('cannot write /p: read-only file system (EROFS); choose a directory on a writable file system');
  });

  it('our own errors pass through unchanged, even with an errno code on them', () => {
    const ours = Object.assign(new UsageError('bad flag'), { code: 'EACCES', syscall: 'open', path: '/p' });
    expect(toUserError(ours)).toBe(ours);
    const plainObject = { exitCode: 3, code: 'EACCES' };
    expect(toUserError(plainObject)).toBe(plainObject);
  });

  it('other values are returned as they are (the boundary then reports an internal error)', () => {
    const bug = new TypeError('x is undefined');
    expect(toUserError(bug)).toBe(bug);
    expect(toUserError(null)).toBeNull();
    expect(toUserError(undefined)).toBeUndefined();
    expect(toUserError('text')).toBe('text');
    const enoent = fsError('ENOENT', 'open', '/p');
    expect(toUserError(enoent)).toBe(enoent);
  });
});

describe('the other error classes', () => {
  it('a failed verify check exits 1; a signal exits with its own code', () => {
    const check = new CheckFailedError('the image has gcc');
    expect([check.name, check.exitCode, exitCodeOf(check)]).toEqual(['CheckFailedError', 1, 1]);
    const term = new SignalledError('stopped by SIGTERM', 143);
    expect([term.name, term.exitCode, exitCodeOf(term), term.message]).toEqual(['SignalledError', 143, 143, 'stopped by SIGTERM']);
    const environment = new EnvironmentError('disk full');
    expect([environment.name, environment.exitCode]).toEqual(['EnvironmentError', 73]);
  });
});
