/**
 * What installs from a lock on one target (src/requirements/lock-select.ts), on hand-made locks:
 * roots whose marker holds, then the dependency edges whose markers hold there, extras followed as
 * the installer would (uv sync / poetry install / pip install -r pylock.toml with no extras asked).
 * Markers are PEP 508 markers evaluated for CPython on Linux; PEP 751's `extras` and
 * `dependency_groups` sets are empty because nothing beyond the defaults is requested.
 */
import { describe, expect, it } from 'vitest';
import { lockedFiles, lockedRequirements, selectLocked, type LockedEdge, type LockedPackage, type LockFile } from '../../src/requirements/lock-select.ts';

const T312 = { python: '3.12', arch: 'x86_64' } as const;
const T313 = { python: '3.13', arch: 'aarch64' } as const;

function pkg(name: string, more: Partial<LockedPackage> = {}): LockedPackage {
  return { name, version: '1.0', line: 1, source: 'registry', files: null, hashed: false, marker: null, root: false, dependencies: [], optional: {}, ...more };
}
const edge = (name: string, more: Partial<LockedEdge> = {}): LockedEdge => ({ name, version: null, marker: null, extras: [], ...more });
const lock = (packages: LockedPackage[]): LockFile => ({ kind: 'uv', file: 'uv.lock', packages });
const names = (packages: LockedPackage[]) => packages.map((p) => p.name);

describe('selectLocked', () => {
  it('walks from the roots along edges whose markers hold on the target, in lock order', () => {
    const packages = [
      pkg('z-last', { dependencies: [] }),
      pkg('app', { root: true, dependencies: [edge('a'), edge('old', { marker: 'python_version < "3.13"' }), edge('arm', { marker: 'platform_machine == "aarch64"' })] }),
      pkg('a', { dependencies: [edge('z-last')] }),
      pkg('old'),
      pkg('arm'),
      pkg('unused'),
    ];
    expect(names(selectLocked(lock(packages), T312))).toEqual(['z-last', 'app', 'a', 'old']);
    expect(names(selectLocked(lock(packages), T313))).toEqual(['z-last', 'app', 'a', 'arm']);
  });

  it('a root or a package whose own marker fails is left out, even when another package depends on it', () => {
    const packages = [
      pkg('win', { root: true, marker: 'sys_platform == "win32"', dependencies: [edge('b')] }),
      pkg('app', { root: true, dependencies: [edge('c')] }),
      pkg('b'),
      pkg('c', { marker: 'python_version >= "3.13"' }),
    ];
    expect(names(selectLocked(lock(packages), T312))).toEqual(['app']);
    expect(names(selectLocked(lock(packages), T313))).toEqual(['app', 'c']);
  });

  it('extras: an edge asking for an extra adds its optional edges, also on a package reached before without it', () => {
    const packages = [
      pkg('app', { root: true, dependencies: [edge('lib'), edge('mid')] }),
      pkg('mid', { dependencies: [edge('lib', { extras: ['fast'] })] }),
      pkg('lib', { optional: { fast: [edge('speedup'), edge('only-313', { marker: 'python_version >= "3.13"' })], slow: [edge('never')] } }),
      pkg('speedup'),
      pkg('only-313'),
      pkg('never'),
    ];
    expect(names(selectLocked(lock(packages), T312))).toEqual(['app', 'mid', 'lib', 'speedup']);
    expect(names(selectLocked(lock(packages), T313))).toEqual(['app', 'mid', 'lib', 'speedup', 'only-313']);
  });

  it('a marker on `extra` holds for the extras an edge asked for', () => {
    const packages = [
      pkg('app', { root: true, dependencies: [edge('lib', { extras: ['socks'] })] }),
      pkg('lib', { dependencies: [edge('pysocks', { marker: 'extra == "socks"' }), edge('chardet', { marker: 'extra == "chardet"' })] }),
      pkg('pysocks'),
      pkg('chardet'),
    ];
    expect(names(selectLocked(lock(packages), T312))).toEqual(['app', 'lib', 'pysocks']);
  });

  it('an extra asked for twice is followed once; a cycle ends', () => {
    const packages = [
      pkg('app', { root: true, dependencies: [edge('a', { extras: ['x'] }), edge('b')] }),
      pkg('a', { dependencies: [edge('b')], optional: { x: [edge('c')] } }),
      pkg('b', { dependencies: [edge('a', { extras: ['x'] }), edge('app')] }),
      pkg('c', { dependencies: [edge('a')] }),
    ];
    expect(names(selectLocked(lock(packages), T312))).toEqual(['app', 'a', 'b', 'c']);
  });

  it('an edge with a version picks that version when the lock holds several; else the first of that name', () => {
    const packages = [
      pkg('app', {
        root: true,
        dependencies: [edge('numpy', { version: '2.0', marker: 'python_version >= "3.13"' }), edge('numpy', { version: '1.26', marker: 'python_version < "3.13"' })],
      }),
      pkg('numpy', { version: '1.26' }),
      pkg('numpy', { version: '2.0' }),
      pkg('tool', { root: true, dependencies: [edge('dup')] }),
      pkg('dup', { version: '1' }),
      pkg('dup', { version: '2' }),
      pkg('solo', { root: true, dependencies: [edge('one', { version: '9.9' })] }),
      pkg('one', { version: '1.0' }),
    ];
    const on312 = selectLocked(lock(packages), T312);
    expect(on312.map((p) => `${p.name}==${p.version}`)).toEqual(['app==1.0', 'numpy==1.26', 'tool==1.0', 'dup==1', 'solo==1.0', 'one==1.0']);
    const on313 = selectLocked(lock(packages), T313);
    expect(on313.map((p) => `${p.name}==${p.version}`)).toEqual(['app==1.0', 'numpy==2.0', 'tool==1.0', 'dup==1', 'solo==1.0', 'one==1.0']);
  });

  it("PEP 751 markers on the installer's extras and dependency groups: none asked for, so `in` never holds and `not in` always does (the `not in` form was refused before: fixed here)", () => {
    const packages = [
      pkg('base', { root: true, marker: null }),
      pkg('dev-only', { root: true, marker: "'dev' in dependency_groups" }),
      pkg('extra-only', { root: true, marker: '"cli" in extras' }),
      pkg('not-dev', { root: true, marker: "'dev'  not in dependency_groups" }),
      pkg('either', { root: true, marker: "'dev' in dependency_groups or python_version >= '3.12'" }),
      pkg('both', { root: true, marker: '"cli"\tin extras and python_version >= \'3.12\'' }),
    ];
    expect(names(selectLocked({ kind: 'pylock', file: 'pylock.toml', packages }, T312))).toEqual(['base', 'not-dev', 'either']);
  });

  it('an edge to a package the lock lacks, and a marker packaging refuses, name the file', () => {
    const missing = lock([pkg('app', { root: true, line: 7, dependencies: [edge('ghost')] })]);
    expect(() => selectLocked(missing, T312)).toThrow('uv.lock:7: app depends on ghost, which the lock does not contain: regenerate the lock');
    const bad = lock([pkg('app', { root: true, marker: 'python_version >' })]);
    expect(() => selectLocked(bad, T312)).toThrow(/^uv\.lock: marker "python_version >": /);
  });
});

describe('lockedRequirements and lockedFiles', () => {
  it('pins what comes from an index, a URL or VCS; leaves out the project and local directories', () => {
    const packages = [
      pkg('app', { source: 'editable', line: 2 }),
      pkg('virt', { source: 'virtual' }),
      pkg('local', { source: 'directory' }),
      pkg('requests', { version: '2.32.3', line: 12 }),
      pkg('mylib', { version: null, source: 'vcs', line: 20 }),
      pkg('arch', { version: '0.1', source: 'url', line: 30 }),
    ];
    expect(lockedRequirements(packages, 'uv.lock')).toEqual([
      { file: 'uv.lock', line: 12, text: 'requests==2.32.3', name: 'requests', extras: [], specifiers: ['==2.32.3'], marker: null, url: null, editable: false, options: [] },
      { file: 'uv.lock', line: 20, text: 'mylib', name: 'mylib', extras: [], specifiers: [], marker: null, url: null, editable: false, options: [] },
      { file: 'uv.lock', line: 30, text: 'arch==0.1', name: 'arch', extras: [], specifiers: ['==0.1'], marker: null, url: null, editable: false, options: [] },
    ]);
  });

  it('the files of each package that lists some', () => {
    const files = lockedFiles([pkg('a', { files: ['a-1.0.tar.gz'] }), pkg('b'), pkg('c', { files: [] })]);
    expect([...files]).toEqual([
      ['a', ['a-1.0.tar.gz']],
      ['c', []],
    ]);
  });
});
