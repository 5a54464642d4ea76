/**
 * decide() and the helpers it decides with (floors, locked files, wheel history, --strict, the
 * inferred apk lists), at the edges the mutation run found untested: extras that loop or are
 * unknown, lock entries that are pure, compile or cannot install, transitive projects that cannot
 * install, floors on two architectures. Every expectation is written out.
 */
import { describe, expect, it, vi } from 'vitest';
import { decide } from '../../src/knowledge/decide.ts';
import type { Knowledge } from '../../src/knowledge/decisions.ts';
import { formatFloorViolation, olderBuildFor, violatedFloors } from '../../src/knowledge/floors.ts';
import { inferApk } from '../../src/knowledge/infer-apk.ts';
import { fitLockedFiles } from '../../src/knowledge/locked-files.ts';
import type { KnowledgeEntry } from '../../src/knowledge/schema.ts';
import { enforceStrict } from '../../src/knowledge/strict.ts';
import { computeWheelHistory, finalReleases, hasSdist } from '../../src/knowledge/wheel-history.ts';
import { formatControlOf } from '../../src/requirements/format-control.ts';
import type { Arch, Requirement } from '../../src/requirements/types.ts';

function entry(partial: Partial<KnowledgeEntry>): KnowledgeEntry {
  return { kind: 'native', build: [], runtime: [], dlopen: [], requires: [], musllinux: null, sources: [{ fact: 'build', ref: 'aports:main/x/APKBUILD' }], ...partial };
}

function req(name: string | null, options: Partial<Requirement> = {}): Requirement {
  return {
    file: 'requirements.txt',
    line: 1,
    text: options.text ?? name ?? '',
    name,
    extras: [],
    specifiers: [],
    marker: null,
    url: null,
    editable: false,
    options: [],
    ...options,
  };
}

const FLOOR = { fails: 'build' as const, why: 'old Cython', source: 'pypi:floored/4.0' };

const KNOWLEDGE: Knowledge = {
  packages: new Map<string, KnowledgeEntry>([
    ['loop-a', entry({ kind: 'pure', extras: { x: ['loop-b[y]'] } })],
    ['loop-b', entry({ kind: 'pure', extras: { y: ['loop-a[x]'] } })],
    ['plain', entry({ kind: 'pure' })],
    ['odd-extras', entry({ kind: 'pure', extras: { a: ['name[x]tail', 'front[y]z[w]'] } })],
    ['with-dep', entry({ kind: 'pure', requires: ['no-sdist'] })],
    ['no-sdist', entry({ sdist: false })],
    // A wheel for CPython 3.12 on x86_64 only (since 3.0), floors at 4.0 on every CPython.
    [
      'floored',
      entry({
        build: ['openssl-dev'],
        musllinux: { since: { x86_64: '3.0' }, latest: '5.0', python: ['3.12'], byPython: { '3.12': { x86_64: '3.0' } } },
        floors: [{ version: '4.0', ...FLOOR }],
      }),
    ],
    // Wheels, but only for CPython 3.11 and no per-CPython history.
    ['old-wheels', entry({ musllinux: { since: { x86_64: '1.0' }, latest: '2.0', python: ['3.11'] }, floors: [{ version: '2.0', ...FLOOR }] })],
    ['older-build', entry({ build: ['cargo', 'openssl-dev'], olderBuilds: [{ before: '3.4', build: ['openssl-dev'], runtime: [], source: 'pypi:older-build/3.3' }] })],
  ]),
};

const X86 = { python: '3.12', arches: ['x86_64'] as Arch[] };
const BOTH = { python: '3.12', arches: ['x86_64', 'aarch64'] as Arch[] };

describe('decide: extras', () => {
  it('extras that refer to each other in a loop end (each extra is followed once)', () => {
    const decisions = decide([req('loop-a', { text: 'loop-a[x]', extras: ['x'] })], KNOWLEDGE, X86);
    expect(decisions.packages.map((p) => [p.name, p.via])).toEqual([
      ['loop-a', null],
      ['loop-b', 'loop-a[x]'],
    ]);
  });

  it('an extra the entry does not list adds nothing; neither does an extra on a project without extras', () => {
    expect(decide([req('plain', { text: 'plain[nope]', extras: ['nope'] })], KNOWLEDGE, X86).packages.map((p) => p.name)).toEqual(['plain']);
    expect(decide([req('loop-a', { text: 'loop-a[nope]', extras: ['nope'] })], KNOWLEDGE, X86).packages.map((p) => p.name)).toEqual(['loop-a']);
  });

  it('an unknown project named twice with an extra is decided once, without following anything', () => {
    const decisions = decide([req('ghost', { text: 'ghost[a]', extras: ['a'] }), req('ghost', { text: 'ghost[b]', extras: ['b'], line: 2 })], KNOWLEDGE, X86);
    expect(decisions.packages.map((p) => [p.name, p.status])).toEqual([['ghost', 'unknown']]);
  });

  it('a lock lists every project: extras are not followed', () => {
    const decisions = decide([req('loop-a', { text: 'loop-a[x]==1.0', extras: ['x'], specifiers: ['==1.0'] })], KNOWLEDGE, { ...X86, locked: new Map() });
    expect(decisions.packages.map((p) => p.name)).toEqual(['loop-a']);
  });

  it('a label that is not name[extras] is taken whole, as the name of a project', () => {
    const decisions = decide([req('odd-extras', { text: 'odd-extras[a]', extras: ['a'] })], KNOWLEDGE, X86);
    expect(decisions.packages.map((p) => p.name)).toEqual(['front[y]z[w]', 'name[x]tail', 'odd-extras']);
  });
});

describe('decide: projects that cannot install', () => {
  it('a transitive project with no wheel and no sdist is a problem named by the project', () => {
    const decisions = decide([req('with-dep')], KNOWLEDGE, X86);
    expect(decisions.problems).toEqual([
      {
        name: 'no-sdist',
        message: 'no-sdist cannot be installed on Alpine (CPython 3.12, x86_64): ships no musllinux wheel, and it publishes no sdist: pip cannot install it on Alpine',
      },
    ]);
  });

  it('a known project whose lock lists neither a fitting wheel nor an sdist', () => {
    const locked = new Map([['plain-native', ['plain_native-1.0-cp312-cp312-manylinux_2_17_x86_64.whl']]]);
    const knowledge: Knowledge = { packages: new Map([['plain-native', entry({})]]) };
    const decisions = decide([req('plain-native', { text: 'plain-native==1.0', specifiers: ['==1.0'] })], knowledge, { ...X86, locked });
    expect(decisions.packages[0]).toMatchObject({
      status: 'unavailable',
      why: 'the lock lists no musllinux wheel for CPython 3.12 on x86_64, and the lock lists no sdist: pip cannot install it on Alpine',
    });
  });
});

describe('decide: unknown projects a lock describes', () => {
  const decideLocked = (files: string[], target: { python: string; arches: Arch[] } = X86) =>
    decide([req('lockonly', { text: 'lockonly==1.0', specifiers: ['==1.0'] })], KNOWLEDGE, { ...target, locked: new Map([['lockonly', files]]) }).packages[0];

  it('musllinux wheels for both architectures', () => {
    expect(decideLocked(['lockonly-1.0-cp312-cp312-musllinux_1_2_x86_64.whl', 'lockonly-1.0-cp312-cp312-musllinux_1_2_aarch64.whl'], BOTH)).toEqual({
      name: 'lockonly',
      via: null,
      sources: ['lock file'],
      build: [],
      runtime: [],
      status: 'wheel',
      why: 'the lock lists a musllinux wheel for CPython 3.12 on x86_64 and aarch64',
    });
  });

  it('a pure-Python wheel', () => {
    expect(decideLocked(['lockonly-1.0-py3-none-any.whl'])).toEqual({
      name: 'lockonly',
      via: null,
      sources: ['lock file'],
      build: [],
      runtime: [],
      status: 'pure',
      why: 'the lock lists a pure-Python wheel',
    });
  });

  it('only an sdist: it compiles with both toolchains in case', () => {
    expect(decideLocked(['lockonly-1.0.tar.gz'])).toEqual({
      name: 'lockonly',
      via: null,
      sources: [],
      build: ['build-base', 'cargo'],
      runtime: [],
      status: 'unknown',
      why: 'the lock lists no musllinux wheel for CPython 3.12 on x86_64: it compiles, and the knowledge base does not know its build packages',
    });
  });
});

describe('decide: --only-binary on an unknown project', () => {
  it('needs no compiler: pip installs a wheel or nothing', () => {
    const formats = formatControlOf([{ name: '--only-binary', value: ':all:', file: 'requirements.txt', line: 1 }]);
    expect(decide([req('ghost')], KNOWLEDGE, { ...X86, formats }).packages[0]).toEqual({
      name: 'ghost',
      status: 'unknown',
      via: null,
      sources: [],
      runtime: [],
      build: [],
      why: 'not in the knowledge base: a musllinux wheel may be missing; --only-binary (requirements.txt:1): pip installs a wheel or nothing',
    });
  });
});

describe('decide: floors', () => {
  it('on two architectures, a wheel on one only is no first installable release', () => {
    const decisions = decide([req('floored', { text: 'floored==2.0', specifiers: ['==2.0'] })], KNOWLEDGE, BOTH);
    expect(decisions.packages[0]!.status).toBe('compile');
    expect(decisions.problems.map((p) => p.message)).toEqual([
      'floored==2.0 will not work on CPython 3.12: releases before 4.0 do not build (old Cython); the first good release is 4.0: pin floored>=4.0',
    ]);
  });

  it('a wheel history for the target on every arch names the first release that installs', () => {
    const decisions = decide([req('floored', { text: 'floored==2.0', specifiers: ['==2.0'] })], KNOWLEDGE, X86);
    expect(decisions.problems.map((p) => p.message)).toEqual([
      'floored==2.0 will not work on CPython 3.12: releases before 4.0 do not build (old Cython); the first release that installs is 3.0 (a musllinux wheel; the first that builds from source is 4.0): pin floored>=3.0',
    ]);
  });

  it('an entry whose wheels have no per-CPython history', () => {
    const decisions = decide([req('old-wheels', { text: 'old-wheels==1.5', specifiers: ['==1.5'] })], KNOWLEDGE, X86);
    expect(decisions.problems.map((p) => p.message)).toEqual([
      'old-wheels==1.5 will not work on CPython 3.12: releases before 2.0 do not build (old Cython); the first good release is 2.0: pin old-wheels>=2.0',
    ]);
  });

  it('only the floors the pin falls below are named', () => {
    const two = entry({
      floors: [
        { version: '2.0', ...FLOOR, why: 'first' },
        { version: '5.0', ...FLOOR, fails: 'import', why: 'second' },
      ],
    });
    expect(violatedFloors(two, req('two', { specifiers: ['==3.0'] }), '3.12')).toEqual({
      clause: '==3.0',
      floors: [{ version: '5.0', ...FLOOR, fails: 'import', why: 'second' }],
      firstGood: '5.0',
    });
    expect(violatedFloors(two, req('two', { specifiers: ['>=6'] }), '3.12')).toBeNull();
  });

  it('each kind of failure has its words', async () => {
    // A fresh module: the words are a module-level table.
    vi.resetModules();
    const fresh = await import('../../src/knowledge/floors.ts');
    const violation = (fails: 'build' | 'import' | 'unsupported') => ({ clause: '<1', floors: [{ version: '1.0', fails, why: 'w', source: 's' }], firstGood: '1.0' });
    expect(fresh.formatFloorViolation('p', violation('build'), '3.13', null)).toBe(
      'p<1 will not work on CPython 3.13: releases before 1.0 do not build (w); the first good release is 1.0: pin p>=1.0',
    );
    expect(fresh.formatFloorViolation('p', violation('import'), '3.13', null)).toBe(
      'p<1 will not work on CPython 3.13: releases before 1.0 build but fail at import (w); the first good release is 1.0: pin p>=1.0',
    );
    expect(fresh.formatFloorViolation('p', violation('unsupported'), '3.13', null)).toBe(
      'p<1 will not work on CPython 3.13: releases before 1.0 are not made for this CPython (w); the first good release is 1.0: pin p>=1.0',
    );
    // A first wheel at the first good release itself: the first good release is named.
    expect(formatFloorViolation('p', violation('build'), '3.13', '1.0')).toBe(
      'p<1 will not work on CPython 3.13: releases before 1.0 do not build (w); the first good release is 1.0: pin p>=1.0',
    );
  });

  it('older build packages apply only below their release', () => {
    const older = KNOWLEDGE.packages.get('older-build')!;
    expect(olderBuildFor(older, req('older-build'))).toBeNull();
    expect(olderBuildFor(older, req('older-build', { specifiers: ['==3.3'] }))?.build).toEqual(['openssl-dev']);
    expect(decide([req('older-build')], KNOWLEDGE, X86).packages[0]!.build).toEqual(['build-base', 'cargo', 'openssl-dev']);
  });
});

describe('the toolchains an unknown project gets', () => {
  it('build-base and cargo (module constants, read from a fresh module)', async () => {
    vi.resetModules();
    const fresh = await import('../../src/knowledge/decide.ts');
    const decisions = fresh.decide([req('ghost')], { packages: new Map() }, X86);
    expect(decisions.packages[0]!.build).toEqual(['build-base', 'cargo']);
    expect(decisions.warnings).toEqual([
      'unknown to the knowledge base: ghost; the build stage keeps a C and a Rust toolchain (build-base, cargo) in case it compiles (no cost to the release image; explain --online --write records what the index has)',
    ]);
  });
});

describe('fitLockedFiles', () => {
  it('a wheel on every arch, with an sdist beside it', () => {
    expect(fitLockedFiles(['p-1.0-cp312-cp312-musllinux_1_1_x86_64.whl', 'p-1.0.tar.gz'], '3.12', ['x86_64'])).toEqual({ fit: 'wheel', missingArch: null, sdist: true });
  });

  it('a pure wheel on one arch and a musllinux wheel on the other is pure', () => {
    expect(fitLockedFiles(['p-1.0-cp312-cp312-musllinux_1_2_x86_64.whl', 'p-1.0-py3-none-any.whl'], '3.12', ['x86_64', 'aarch64'])).toEqual({
      fit: 'pure',
      missingArch: null,
      sdist: false,
    });
  });

  it('nothing for the second arch names it', () => {
    expect(fitLockedFiles(['p-1.0-cp312-cp312-musllinux_1_2_x86_64.whl', 'p-1.0.zip'], '3.12', ['x86_64', 'aarch64'])).toEqual({ fit: null, missingArch: 'aarch64', sdist: true });
  });
});

describe('wheel history', () => {
  const f = (filename: string, yanked = false) => ({ filename, yanked });

  it('final releases only, with at least one file not yanked, oldest first', () => {
    expect(
      finalReleases({
        '2.0': [f('p-2.0.tar.gz', true), f('p-2.0-py3-none-any.whl')],
        '1.0': [f('p-1.0.tar.gz')],
        '3.0rc1': [f('p-3.0rc1.tar.gz')],
        '3.0.dev1': [f('p-3.0.dev1.tar.gz')],
        '2.5': [f('p-2.5.tar.gz', true)],
        'not-a-version': [f('p.tar.gz')],
      }),
    ).toEqual(['1.0', '2.0']);
  });

  it('a row per CPython version, naming only the arches that have a wheel', () => {
    const history = computeWheelHistory({ '1.0': [f('p-1.0-cp312-cp312-musllinux_1_2_x86_64.whl')] }, ['3.12', '3.13'], ['x86_64', 'aarch64']);
    expect(history).toStrictEqual({ '3.12': { x86_64: '1.0' }, '3.13': {} });
    expect(Object.keys(history['3.12']!)).toEqual(['x86_64']);
  });

  it('sdists by their extension at the end of the name', () => {
    expect(hasSdist([f('p-1.0.tar.gz')])).toBe(true);
    expect(hasSdist([f('p-1.0.tar.gz.asc')])).toBe(false);
    expect(hasSdist([f('p-1.0.tar.gz', true)])).toBe(false);
  });
});

describe('--strict', () => {
  it('one problem, several problems, none', () => {
    const problems = [
      { name: 'a', message: 'a is bad' },
      { name: 'b', message: 'b is worse' },
    ];
    expect(() => enforceStrict({ problems: problems.slice(0, 1) }, true)).toThrow('--strict: a requirement will not install or work on the target: a is bad');
    expect(() => enforceStrict({ problems }, true)).toThrow('--strict: 2 requirements will not install or work on the target: a is bad | b is worse');
    expect(() => enforceStrict({ problems }, false)).not.toThrow();
    expect(() => enforceStrict({ problems: [] }, true)).not.toThrow();
  });
});

describe('inferApk', () => {
  const runtime = { version: '3.12', fullVersion: '3.12.12' };

  it('lists the names of the build and runtime packages, and warns about a repeated project', () => {
    const inferred = inferApk([req('surely-unknown-project'), req('surely-unknown-project', { line: 2 })], runtime, ['x86_64']);
    expect(inferred.build).toEqual(['build-base', 'cargo']);
    expect(inferred.runtime).toEqual([]);
    expect(inferred.decisions.warnings[0]).toBe(
      'requirements.txt:2: surely-unknown-project repeats surely-unknown-project from requirements.txt:1; pip combines them, so keep one line per project',
    );
  });

  it('a project that compiles brings its runtime libraries (psycopg2 has no musllinux wheel and links libpq.so, which Alpine packages as libpq)', () => {
    const inferred = inferApk([req('psycopg2')], runtime, ['x86_64']);
    expect(inferred.build).toEqual(['build-base', 'libpq-dev']);
    expect(inferred.runtime).toEqual(['libpq']);
  });

  it('passes --only-binary on to the decisions', () => {
    const formats = formatControlOf([{ name: '--only-binary', value: ':all:', file: 'requirements.txt', line: 1 }]);
    expect(inferApk([req('surely-unknown-project')], runtime, ['x86_64'], formats).build).toEqual([]);
  });

  it("passes a lock's files on: a pure-Python wheel in the lock needs no toolchain", () => {
    const locked = new Map([['surely-unknown-project', ['surely_unknown_project-1.0-py3-none-any.whl']]]);
    const inferred = inferApk([req('surely-unknown-project')], runtime, ['x86_64'], undefined, locked);
    expect([inferred.build, inferred.decisions.packages[0]!.status]).toEqual([[], 'pure']);
  });
});
