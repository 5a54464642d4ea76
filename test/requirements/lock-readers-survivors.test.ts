/**
 * More cases for the lock readers (src/requirements/lock-readers.ts), each a survivor of the
 * requirements mutation run (docs/mutation-explained-requirements.txt). Expectations are what the lock
 * holds as its format describes it (uv.lock, poetry.lock, PEP 751 pylock.toml), written out in
 * full; a TOML message is smol-toml 1.9.1's first line, as printed by it for the same text.
 */
import { describe, expect, it, vi } from 'vitest';
import { readLockText } from '../../src/requirements/lock-readers.ts';
import { messageOf } from '../support/errors.ts';

describe('TOML errors', () => {
  it('an invalid TOML lock names the line and only the first line of the parser message', () => {
    expect(messageOf(() => readLockText('uv', 'version = 1\n[[package]\n', 'uv.lock'))).toBe(
      'uv.lock:2: invalid TOML: Invalid TOML document: expected end of table array declaration',
    );
  });

  it('an error of the parser that is no TOML error is passed on as it is, not blamed on the file', async () => {
    // smol-toml 1.9.1 throws only TomlError on any text (nesting is capped with a TomlError), so a
    // failing parser stands in for a bug of it.
    vi.resetModules();
    vi.doMock('smol-toml', async (original) => ({
      ...(await original<typeof import('smol-toml')>()),
      parse: () => {
        throw new RangeError('parser bug');
      },
    }));
    try {
      const fresh = await import('../../src/requirements/lock-readers.ts');
      expect(() => fresh.readLockText('uv', 'version = 1\n', 'uv.lock')).toThrow(new RangeError('parser bug'));
    } finally {
      vi.doUnmock('smol-toml');
      vi.resetModules();
    }
  });
});

describe('uv.lock', () => {
  it('a wheel entry without url, path or filename names no file; a dependency without a name has an empty one', () => {
    const lock = readLockText(
      'uv',
      `version = 1

[[package]]
name = "a"
version = "1.0"
source = { registry = "https://pypi.org/simple" }
wheels = [{ hash = "sha256:aa" }]
dependencies = [{ version = "2.0" }]
`,
      'uv.lock',
    );
    expect(lock.packages).toEqual([
      {
        name: 'a',
        version: '1.0',
        line: 3,
        source: 'registry',
        files: null,
        hashed: true,
        marker: null,
        root: true,
        dependencies: [{ name: '', version: '2.0', marker: null, extras: [] }],
        optional: {},
      },
    ]);
  });
});

describe('poetry.lock', () => {
  it('packages that are not an array of tables are refused with the key named', () => {
    expect(messageOf(() => readLockText('poetry', 'package = 1\n', 'poetry.lock'))).toBe('poetry.lock: [[package]] must be an array of tables');
  });

  it('files without a hash are not hashed', () => {
    const lock = readLockText('poetry', '[[package]]\nname = "a"\nversion = "1"\nfiles = [{file = "a-1.tar.gz"}]\n', 'poetry.lock');
    expect(lock.packages.map(({ files, hashed }) => ({ files, hashed }))).toEqual([{ files: ['a-1.tar.gz'], hashed: false }]);
  });

  it('an extras entry that does not start with a project name is kept whole as the name', () => {
    const lock = readLockText('poetry', '[[package]]\nname = "a"\nversion = "1"\n[package.extras]\nx = ["(b)", "!c[d]"]\n', 'poetry.lock');
    expect(lock.packages[0]!.optional).toEqual({
      x: [
        { name: '(b)', version: null, marker: null, extras: [] },
        { name: '!c[d]', version: null, marker: null, extras: [] },
      ],
    });
  });

  it('one package with groups is enough to read the lock as Poetry 2: every main package is a root, also one without groups', () => {
    const lock = readLockText(
      'poetry',
      `[[package]]
name = "a"
version = "1"
groups = ["main"]

[package.dependencies]
b = "*"

[[package]]
name = "b"
version = "2"
`,
      'poetry.lock',
    );
    expect(lock.packages.map(({ name, root }) => ({ name, root }))).toEqual([
      { name: 'a', root: true },
      { name: 'b', root: true },
    ]);
    expect(lock.markersRecorded).toBe(true);
  });
});

describe('markersRecorded: a Poetry 2 lock (groups recorded) says what installs; a Poetry 1 lock does not', () => {
  // Poetry 2 writes `groups` (and `markers`) on each [[package]]; Poetry 1 wrote `category`
  // instead (poetry.lock of Poetry 1.8 and 2.0, as their changelogs and lock files show).
  it('a Poetry 1 lock, with no groups anywhere, is read with markersRecorded false', () => {
    const lock = readLockText('poetry', '[[package]]\nname = "a"\nversion = "1"\ncategory = "main"\n', 'poetry.lock');
    const { packages, ...rest } = lock;
    expect(rest).toEqual({ kind: 'poetry', file: 'poetry.lock', requiresPython: null, markersRecorded: false });
    expect(packages.map(({ name, root }) => ({ name, root }))).toEqual([{ name: 'a', root: true }]);
  });

  it('groups that are no list do not count', () => {
    const lock = readLockText('poetry', '[[package]]\nname = "a"\nversion = "1"\ngroups = "main"\n', 'poetry.lock');
    expect(lock.markersRecorded).toBe(false);
  });

  it('a lock with no packages records no markers', () => {
    expect(readLockText('poetry', '[metadata]\nlock-version = "2.1"\n', 'poetry.lock').markersRecorded).toBe(false);
  });

  it('a pylock.toml key `package` (not `packages`) is not read as Poetry packages', () => {
    const lock = readLockText('pylock', 'lock-version = "1.0"\npackage = "x"\n[[packages]]\nname = "a"\n', 'pylock.toml');
    expect(lock.packages.map((pkg) => pkg.name)).toEqual(['a']);
  });

  it('uv.lock and pylock.toml have no such field (their markers are always recorded)', () => {
    expect(Object.keys(readLockText('uv', 'version = 1\n[[package]]\nname = "a"\nversion = "1"\n', 'uv.lock')).sort()).toEqual(['file', 'kind', 'packages', 'requiresPython']);
    expect(Object.keys(readLockText('pylock', 'lock-version = "1.0"\n[[packages]]\nname = "a"\n', 'pylock.toml')).sort()).toEqual(['file', 'kind', 'packages', 'requiresPython']);
  });
});

describe('pylock.toml', () => {
  it('wheels that are not an array of tables are refused with the key named', () => {
    expect(messageOf(() => readLockText('pylock', 'lock-version = "1.0"\n[[packages]]\nname = "a"\nwheels = "w"\n', 'pylock.toml'))).toBe(
      'pylock.toml: wheels must be an array of tables',
    );
  });

  it('a wheel with neither name, url nor path names no file', () => {
    const lock = readLockText('pylock', 'lock-version = "1.0"\n[[packages]]\nname = "a"\nwheels = [{ hashes = { sha256 = "aa" } }]\n', 'pylock.toml');
    expect(lock.packages[0]).toMatchObject({ files: null, hashed: true });
  });
});

describe('LOCK_FILE_NAMES (a module-level table: imported afresh, so a mutant of it is built while on)', () => {
  it('names the file of each lock kind, as uv, Poetry and PEP 751 name them', async () => {
    vi.resetModules();
    const { LOCK_FILE_NAMES } = await import('../../src/requirements/lock-readers.ts');
    expect(LOCK_FILE_NAMES).toEqual({ uv: 'uv.lock', poetry: 'poetry.lock', pylock: 'pylock.toml' });
  });
});
