/**
 * More cases for the selection from a lock (src/requirements/lock-select.ts), each a survivor of
 * the requirements mutation run (docs/mutation-explained-requirements.txt). As in lock-select.test.ts, the
 * expectation is what the installer installs with no extras asked for: the roots, then every edge
 * whose marker holds, an extra's optional edges once some edge asks for that extra.
 */
import { describe, expect, it } from 'vitest';
import { selectLocked, type LockedEdge, type LockedPackage, type LockFile } from '../../src/requirements/lock-select.ts';

const T312 = { python: '3.12', arch: 'x86_64' } as const;

function pkg(name: string, more: Partial<LockedPackage> = {}): LockedPackage {
  return { name, version: '1.0', line: 1, source: 'registry', files: null, hashed: false, marker: null, root: false, dependencies: [], optional: {}, ...more };
}
const edge = (name: string, more: Partial<LockedEdge> = {}): LockedEdge => ({ name, version: null, marker: null, extras: [], ...more });
const lock = (packages: LockedPackage[]): LockFile => ({ kind: 'uv', file: 'uv.lock', packages });
const pins = (packages: LockedPackage[]) => packages.map((p) => `${p.name}==${p.version}`);

describe('selectLocked', () => {
  it('a package reached again with one more extra follows that extra too', () => {
    const packages = [
      pkg('app', { root: true, dependencies: [edge('lib', { extras: ['x'] }), edge('mid')] }),
      pkg('mid', { dependencies: [edge('lib', { extras: ['x', 'y'] })] }),
      pkg('lib', { optional: { x: [edge('for-x')], y: [edge('for-y')] } }),
      pkg('for-x'),
      pkg('for-y'),
    ];
    expect(pins(selectLocked(lock(packages), T312))).toEqual(['app==1.0', 'mid==1.0', 'lib==1.0', 'for-x==1.0', 'for-y==1.0']);
  });

  it('two packages asking for extras of each other in a cycle: each extra is followed once, and the walk ends', () => {
    const packages = [
      pkg('app', { root: true, dependencies: [edge('a', { extras: ['x'] })] }),
      pkg('a', { optional: { x: [edge('b', { extras: ['y'] })] } }),
      pkg('b', { optional: { y: [edge('a', { extras: ['x'] })] } }),
    ];
    expect(pins(selectLocked(lock(packages), T312))).toEqual(['app==1.0', 'a==1.0', 'b==1.0']);
  });

  it('an edge without a version takes the first package of that name, also when a later one has no version', () => {
    const packages = [pkg('app', { root: true, dependencies: [edge('dup')] }), pkg('dup', { version: '1' }), pkg('dup', { version: null })];
    expect(pins(selectLocked(lock(packages), T312))).toEqual(['app==1.0', 'dup==1']);
  });

  it('nothing asks for an extra of a root: its own marker and its edges are evaluated with no extra at all', () => {
    // "Stryker was here" is the placeholder Stryker puts into mutated lists; any name would do here,
    // that one tells apart a root evaluated with no extras from one given the placeholder extra.
    const onExtra = 'extra == "Stryker was here"';
    const packages = [
      pkg('app', { root: true, dependencies: [edge('needs-extra', { marker: onExtra }), edge('plain')], optional: { 'Stryker was here': [edge('optional')] } }),
      pkg('root-on-extra', { root: true, marker: onExtra }),
      pkg('needs-extra'),
      pkg('plain'),
      pkg('optional'),
    ];
    expect(pins(selectLocked(lock(packages), T312))).toEqual(['app==1.0', 'plain==1.0']);
  });
});
