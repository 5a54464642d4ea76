/**
 * The lock readers (src/requirements/lock-readers.ts) field by field on small inline locks: each
 * expectation is what the format says the lock holds (uv.lock as uv writes it,
 * https://docs.astral.sh/uv/concepts/projects/layout/#the-lockfile; poetry.lock 1.x `category` and
 * 2.x `groups`/`markers`; PEP 751 pylock.toml), written out in full. Selection on a target is in
 * lock-select.test.ts; real locks of one project in lock-files.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { LOCK_FILE_NAMES, lockKindOf, readLockText } from '../../src/requirements/lock-readers.ts';
import { messageOf } from '../support/errors.ts';

const edge = (name: string, more: { version?: string; marker?: string; extras?: string[] } = {}) => ({
  name,
  version: more.version ?? null,
  marker: more.marker ?? null,
  extras: more.extras ?? [],
});

describe('lock file names', () => {
  it('by kind, and the kind of a path', () => {
    expect(LOCK_FILE_NAMES).toEqual({ uv: 'uv.lock', poetry: 'poetry.lock', pylock: 'pylock.toml' });
    expect(lockKindOf('uv.lock')).toBe('uv');
    expect(lockKindOf('app/uv.lock')).toBe('uv');
    expect(lockKindOf('a/b/poetry.lock')).toBe('poetry');
    expect(lockKindOf('pylock.toml')).toBe('pylock');
    expect(lockKindOf('dir/pylock.dev.toml')).toBe('pylock');
    // PEP 751: pylock.NAME.toml, NAME without dots.
    expect(lockKindOf('pylock.a.b.toml')).toBeNull();
    expect(lockKindOf('xpylock.toml')).toBeNull();
    expect(lockKindOf('pylock.toml.bak')).toBeNull();
    expect(lockKindOf('pylock..toml')).toBeNull();
    expect(lockKindOf('my-uv.lock')).toBeNull();
    expect(lockKindOf('uv.lock/x')).toBeNull();
    expect(lockKindOf('requirements.txt')).toBeNull();
  });
});

describe('uv.lock', () => {
  const UV = `version = 1
requires-python = ">=3.10"

[[package]]
name = "app"
version = "0.1.0"
source = { editable = "." }
dependencies = [
    { name = "Typing_Extensions", marker = "python_full_version < '3.13'" },
    { name = "yarl", extra = ["idna", 3] },
]

[package.optional-dependencies]
fast = [{ name = "cffi", version = "1.17.1" }]

  [[package]]
name = "cffi"
version = "1.17.1"
source = { registry = "https://pypi.org/simple" }
sdist = { url = "https://files.pythonhosted.org/p/cffi-1.17.1.tar.gz", hash = "sha256:aa" }
wheels = [
    { url = "https://files.pythonhosted.org/p/cffi-1.17.1-cp312-cp312-musllinux_1_1_x86_64.whl?x=1#frag", hash = "sha256:bb" },
    { path = "wheels/cffi%2Blocal-1.17.1-py3-none-any.whl" },
    { filename = "cffi-1.17.1-py3-none-any.whl" },
]

[[package]]
name = "typing-extensions"
version = "4.12.2"
source = { registry = "https://pypi.org/simple" }
wheels = [{ url = "https://x.org/typing_extensions-4.12.2-py3-none-any.whl" }]

[[package]]
name = "yarl"
source = { git = "https://github.com/aio-libs/yarl?rev=1#abc" }

[[package]]
name = "local"
source = { directory = "../local" }
sdist = { path = "../local" }

[[package]]
name = "other"
source = { path = "dist/other-1.0.tar.gz" }

[[package]]
name = "virt"
source = { virtual = "." }

[[package]]
name = "remote"
source = { url = "https://x.org/remote-1.0.tar.gz" }
`;

  it('every package with its source kind, files, hashes, edges and extras; requires-python', () => {
    const lock = readLockText('uv', UV, 'uv.lock');
    expect(lock.kind).toBe('uv');
    expect(lock.file).toBe('uv.lock');
    expect(lock.requiresPython).toBe('>=3.10');
    expect(lock.packages).toEqual([
      {
        name: 'app',
        version: '0.1.0',
        line: 4,
        source: 'editable',
        files: null,
        hashed: false,
        marker: null,
        root: true,
        dependencies: [edge('typing-extensions', { marker: "python_full_version < '3.13'" }), edge('yarl', { extras: ['idna'] })],
        optional: { fast: [edge('cffi', { version: '1.17.1' })] },
      },
      {
        name: 'cffi',
        version: '1.17.1',
        line: 16,
        source: 'registry',
        files: ['cffi-1.17.1-cp312-cp312-musllinux_1_1_x86_64.whl', 'cffi+local-1.17.1-py3-none-any.whl', 'cffi-1.17.1-py3-none-any.whl', 'cffi-1.17.1.tar.gz'],
        hashed: true,
        marker: null,
        root: false,
        dependencies: [],
        optional: {},
      },
      {
        name: 'typing-extensions',
        version: '4.12.2',
        line: 27,
        source: 'registry',
        files: ['typing_extensions-4.12.2-py3-none-any.whl'],
        hashed: false,
        marker: null,
        root: false,
        dependencies: [],
        optional: {},
      },
      { name: 'yarl', version: null, line: 33, source: 'vcs', files: null, hashed: false, marker: null, root: false, dependencies: [], optional: {} },
      { name: 'local', version: null, line: 37, source: 'directory', files: ['local'], hashed: false, marker: null, root: false, dependencies: [], optional: {} },
      { name: 'other', version: null, line: 42, source: 'directory', files: null, hashed: false, marker: null, root: false, dependencies: [], optional: {} },
      { name: 'virt', version: null, line: 46, source: 'virtual', files: null, hashed: false, marker: null, root: true, dependencies: [], optional: {} },
      { name: 'remote', version: null, line: 50, source: 'url', files: null, hashed: false, marker: null, root: false, dependencies: [], optional: {} },
    ]);
  });

  it('a lock of a plain script has no editable or virtual root: the roots are what nothing depends on', () => {
    const lock = readLockText(
      'uv',
      `version = 1

[[package]]
name = "a"
source = { registry = "https://pypi.org/simple" }
dependencies = [{ name = "b" }]

[[package]]
name = "b"
source = { registry = "https://pypi.org/simple" }
[package.optional-dependencies]
x = [{ name = "c" }]

[[package]]
name = "c"

[[package]]
name = "d"
source = "not a table"
`,
      'uv.lock',
    );
    expect(lock.requiresPython).toBeNull();
    expect(lock.packages.map((pkg) => [pkg.name, pkg.root, pkg.source, pkg.line])).toEqual([
      ['a', true, 'registry', 3],
      ['b', false, 'registry', 8],
      ['c', false, 'url', 14],
      ['d', true, 'url', 17],
    ]);
  });

  it('an empty lock has no packages; a requires-python that is no string is none', () => {
    expect(readLockText('uv', 'version = 1\nrequires-python = 3\n', 'uv.lock')).toEqual({ kind: 'uv', file: 'uv.lock', packages: [], requiresPython: null });
  });

  it('refuses what is not a lock: bad TOML (with its line), non-tables, a package without a name', () => {
    expect(messageOf(() => readLockText('uv', 'version = 1\n[[package]\n', 'uv.lock'))).toMatch(/^uv\.lock:2: invalid TOML: /);
    expect(messageOf(() => readLockText('uv', 'package = 1\n', 'uv.lock'))).toBe('uv.lock: [[package]] must be an array of tables');
    expect(messageOf(() => readLockText('uv', 'package = [1]\n', 'uv.lock'))).toBe('uv.lock: [[package]] must be an array of tables');
    expect(messageOf(() => readLockText('uv', 'package = [[1]]\n', 'uv.lock'))).toBe('uv.lock: [[package]] must be an array of tables');
    expect(messageOf(() => readLockText('uv', 'package = [1979-05-27]\n', 'uv.lock'))).toBe('uv.lock: [[package]] must be an array of tables');
    expect(messageOf(() => readLockText('uv', '[[package]]\nname = "a"\nwheels = "w"\n', 'uv.lock'))).toBe('uv.lock: wheels must be an array of tables');
    expect(messageOf(() => readLockText('uv', '[[package]]\nname = "a"\ndependencies = ["b"]\n', 'uv.lock'))).toBe('uv.lock: dependencies must be an array of tables');
    expect(messageOf(() => readLockText('uv', '[[package]]\nname = "a"\n[package.optional-dependencies]\nx = "b"\n', 'uv.lock'))).toBe(
      'uv.lock: optional-dependencies must be an array of tables',
    );
    expect(messageOf(() => readLockText('uv', 'version = 1\n\n[[package]]\nversion = "1"\n', 'uv.lock'))).toBe('uv.lock:3: a package has no name');
    expect(messageOf(() => readLockText('uv', '[[package]]\nname = ""\n', 'uv.lock'))).toBe('uv.lock:1: a package has no name');
    expect(messageOf(() => readLockText('uv', '[[package]]\nname = 1\n', 'uv.lock'))).toBe('uv.lock:1: a package has no name');
  });
});

describe('poetry.lock', () => {
  it('poetry 1.x: main category only; dependencies (string, table, list), optional ones only through extras; roots are what nothing depends on', () => {
    const lock = readLockText(
      'poetry',
      `[[package]]
name = "Requests"
version = "2.32.3"
category = "main"
files = [
    {file = "requests-2.32.3-py3-none-any.whl", hash = "sha256:70"},
    {file = "requests-2.32.3.tar.gz"},
    {hash = "sha256:00"},
]

[package.dependencies]
idna = ">=2.5,<4"
PySocks = {version = ">=1.5.6", optional = true}
charset-normalizer = {version = ">=2", markers = "python_version >= \\"3.8\\"", extras = ["unicode"]}
urllib3 = [{version = ">=1.21", markers = "python_version < \\"3.10\\""}, {version = ">=2", markers = "python_version >= \\"3.10\\""}]

[package.extras]
socks = ["PySocks (>=1.5.6,!=1.5.7)", " Chardet[Fast, x] (>=3)", "@@@"]
use-chardet = "not a list"

[[package]]
name = "pytest"
version = "8.0.0"
category = "dev"

[[package]]
name = "idna"
version = "3.7"
source = {type = "legacy", url = "https://mirror"}

[[package]]
name = "mylib"
version = "1.0"
source = {type = "git", url = "https://g"}

[[package]]
name = "arch"
version = "1.0"
source = {type = "url", url = "https://x/arch.tar.gz"}

[[package]]
name = "loc"
version = "1.0"
source = {type = "directory", url = "../loc"}
`,
      'poetry.lock',
    );
    expect(lock.requiresPython).toBeNull();
    expect(lock.packages).toEqual([
      {
        name: 'requests',
        version: '2.32.3',
        line: 1,
        source: 'registry',
        files: ['requests-2.32.3-py3-none-any.whl', 'requests-2.32.3.tar.gz'],
        hashed: true,
        marker: null,
        root: true,
        dependencies: [
          edge('idna'),
          edge('charset-normalizer', { marker: 'python_version >= "3.8"', extras: ['unicode'] }),
          edge('urllib3', { marker: 'python_version < "3.10"' }),
          edge('urllib3', { marker: 'python_version >= "3.10"' }),
        ],
        optional: { socks: [edge('pysocks'), edge('chardet', { extras: ['Fast', 'x'] }), edge('@@@')], 'use-chardet': [] },
      },
      { name: 'idna', version: '3.7', line: 26, source: 'registry', files: null, hashed: false, marker: null, root: false, dependencies: [], optional: {} },
      { name: 'mylib', version: '1.0', line: 31, source: 'vcs', files: null, hashed: false, marker: null, root: true, dependencies: [], optional: {} },
      { name: 'arch', version: '1.0', line: 36, source: 'url', files: null, hashed: false, marker: null, root: true, dependencies: [], optional: {} },
      { name: 'loc', version: '1.0', line: 41, source: 'directory', files: null, hashed: false, marker: null, root: true, dependencies: [], optional: {} },
    ]);
  });

  it('poetry 2.x: groups and markers (a string, or a table per group) name what installs, so every main package is a root', () => {
    const lock = readLockText(
      'poetry',
      `[[package]]
name = "a"
version = "1"
groups = ["main", "dev"]
markers = "sys_platform == \\"linux\\""
files = []

[[package]]
name = "b"
version = "2"
groups = ["main"]
markers = {main = "python_version < \\"3.13\\"", dev = "python_version < \\"3.11\\""}

[[package]]
name = "c"
version = "3"
groups = ["dev"]

[[package]]
name = "d"
version = "4"
groups = ["main"]
markers = {dev = "x"}

[[package]]
name = "e"
version = "5"
groups = ["main"]
markers = 3

[metadata]
python-versions = "^3.10"
`,
      'poetry.lock',
    );
    expect(lock.requiresPython).toBeNull();
    expect(lock.packages.map(({ name, marker, root, files, line }) => ({ name, marker, root, files, line }))).toEqual([
      { name: 'a', marker: 'sys_platform == "linux"', root: true, files: null, line: 1 },
      { name: 'b', marker: 'python_version < "3.13"', root: true, files: null, line: 8 },
      { name: 'd', marker: null, root: true, files: null, line: 19 },
      { name: 'e', marker: null, root: true, files: null, line: 25 },
    ]);
  });

  it('a package without groups or category is main; a lock-level requires-python is not read', () => {
    const lock = readLockText('poetry', 'requires-python = ">=3.9"\n[[package]]\nname = "a"\n', 'poetry.lock');
    expect(lock.requiresPython).toBeNull();
    expect(lock.packages.map((pkg) => pkg.name)).toEqual(['a']);
  });

  it('refuses a package without a name, and files that are not tables', () => {
    expect(messageOf(() => readLockText('poetry', '[[package]]\nversion = "1"\n', 'poetry.lock'))).toBe('poetry.lock:1: a package has no name');
    expect(messageOf(() => readLockText('poetry', '[[package]]\nname = "a"\nfiles = ["x"]\n', 'poetry.lock'))).toBe('poetry.lock: files must be an array of tables');
  });
});

describe('pylock.toml (PEP 751)', () => {
  const PYLOCK = `lock-version = "1.0"
requires-python = ">=3.11"
created-by = "test"

[[packages]]
name = "Attrs"
version = "24.2.0"
marker = "python_version >= '3.11'"
sdist = { url = "https://x.org/attrs-24.2.0.tar.gz", hashes = { sha256 = "aa" } }
wheels = [
  { name = "attrs-24.2.0-py3-none-any.whl", url = "https://x.org/whatever", hashes = { sha256 = "bb" } },
  { url = "https://x.org/w/attrs-24.2.0-py2-none-any.whl#x" },
  { path = "local/attrs-24.2.0-cp311-none-any.whl", hashes = {} },
]

[[packages]]
name = "g"
vcs = { type = "git", url = "https://g", commit-id = "abc" }

[[packages]]
name = "d"
directory = { path = "../d" }

[[packages]]
name = "u"
archive = { url = "https://x/u.tar.gz", hashes = { sha256 = "cc" } }
`;

  it('every package is a root under its own marker; files by name, else from url or path; hashes only when some are listed', () => {
    const lock = readLockText('pylock', PYLOCK, 'pylock.toml');
    expect(lock.requiresPython).toBe('>=3.11');
    expect(lock.packages).toEqual([
      {
        name: 'attrs',
        version: '24.2.0',
        line: 5,
        source: 'registry',
        files: ['attrs-24.2.0-py3-none-any.whl', 'attrs-24.2.0-py2-none-any.whl', 'attrs-24.2.0-cp311-none-any.whl', 'attrs-24.2.0.tar.gz'],
        hashed: true,
        marker: "python_version >= '3.11'",
        root: true,
        dependencies: [],
        optional: {},
      },
      { name: 'g', version: null, line: 16, source: 'vcs', files: null, hashed: false, marker: null, root: true, dependencies: [], optional: {} },
      { name: 'd', version: null, line: 20, source: 'directory', files: null, hashed: false, marker: null, root: true, dependencies: [], optional: {} },
      { name: 'u', version: null, line: 24, source: 'url', files: null, hashed: false, marker: null, root: true, dependencies: [], optional: {} },
    ]);
  });

  it('hashes: an empty table is none', () => {
    const lock = readLockText('pylock', 'lock-version = "1.0"\n[[packages]]\nname = "a"\nwheels = [{ name = "a-1-py3-none-any.whl", hashes = {} }]\n', 'pylock.toml');
    expect(lock.packages[0]).toMatchObject({ hashed: false, files: ['a-1-py3-none-any.whl'], line: 2 });
  });

  it('refuses a file without lock-version, and packages that are not tables', () => {
    expect(messageOf(() => readLockText('pylock', '[[packages]]\nname = "a"\n', 'pylock.toml'))).toBe('pylock.toml: has no lock-version: is it a PEP 751 pylock.toml?');
    expect(messageOf(() => readLockText('pylock', 'lock-version = 1\n', 'pylock.toml'))).toBe('pylock.toml: has no lock-version: is it a PEP 751 pylock.toml?');
    expect(messageOf(() => readLockText('pylock', 'lock-version = "1.0"\npackages = "a"\n', 'pylock.toml'))).toBe('pylock.toml: [[packages]] must be an array of tables');
    expect(messageOf(() => readLockText('pylock', 'lock-version = "1.0"\n[[packages]]\nversion = "1"\n', 'pylock.toml'))).toBe('pylock.toml:2: a package has no name');
  });
});
