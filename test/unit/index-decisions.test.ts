/**
 * explain --online's decisions from what pip resolved (src/knowledge/index-decisions.ts), in process
 * from hand-written resolutions: no index needed. The words, sets and warnings are written out.
 */
import { describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/knowledge/decisions.ts';
import { decideOnline } from '../../src/knowledge/index-decisions.ts';
import { indexRecordOf } from '../../src/knowledge/index-record.ts';
import type { KnowledgeEntry } from '../../src/knowledge/schema.ts';
import type { BlockedDist, OnlineDist, OnlineResolution } from '../../src/online/resolve-online.ts';
import type { Requirement } from '../../src/requirements/types.ts';

function entry(partial: Partial<KnowledgeEntry>): KnowledgeEntry {
  return { kind: 'native', build: [], runtime: [], dlopen: [], requires: [], musllinux: null, sources: [], ...partial };
}

const FLOOR = { version: '2.0', fails: 'build' as const, why: 'old Cython', source: 'pypi:x/2.0' };

const KNOWLEDGE: Knowledge = {
  packages: new Map<string, KnowledgeEntry>([
    ['magic', entry({ kind: 'pure', dlopen: ['zlib', 'libmagic'] })],
    [
      'native-lib',
      entry({
        build: ['libffi-dev'],
        runtime: ['zstd-libs'],
        dlopen: ['libgomp'],
        floors: [FLOOR],
        sources: [
          { fact: 'build', ref: 'b' },
          { fact: 'runtime', ref: 'a' },
          { fact: 'dlopen', ref: 'a' },
        ],
      }),
    ],
    ['floored-b', entry({ build: ['zlib-dev', 'autoconf'], floors: [FLOOR] })],
  ]),
};

const TARGET = { python: '3.12', arch: 'x86_64' as const };
const dist = (name: string, file: string | null, status: OnlineDist['status'], via: string | null = null, version = '1.5'): OnlineDist => ({ name, version, file, status, via });
const blocked = (name: string, requirement: string, versions: string[], reason: BlockedDist['reason'] = 'compile', via: string | null = null): BlockedDist => ({
  name,
  requirement,
  via,
  versions,
  reason,
});
const resolution = (partial: Partial<OnlineResolution>): OnlineResolution => ({ dists: [], blocked: [], environment: null, ...partial });
const byName = (decisions: ReturnType<typeof decideOnline>) => Object.fromEntries(decisions.packages.map(({ name, ...rest }) => [name, rest]));

describe('decideOnline: what pip picked', () => {
  // Decided inside each test (not when the file is collected), so the mutation run's per-test coverage sees it.
  const picked = () =>
    decideOnline(
      resolution({
        dists: [
          dist('magic', 'magic-1.0-py3-none-any.whl', 'pure'),
          dist('plainpure', 'plainpure-1.0-py3-none-any.whl', 'pure'),
          dist('wheely', 'wheely-2-cp312-cp312-musllinux_1_2_x86_64.whl', 'wheel'),
          dist('native-lib', 'native_lib-1.5.tar.gz', 'compile', 'magic'),
          dist('localdir', null, null),
          dist('oddfile', 'oddfile-1.0.egg', null),
        ],
      }),
      [],
      KNOWLEDGE,
      TARGET,
    );

  it('pure, wheel, compile and unknown, each with its why, sets and sources', () => {
    const decisions = picked();
    expect(byName(decisions)).toEqual({
      magic: {
        status: 'pure',
        why: 'pure Python (magic-1.0-py3-none-any.whl); loads libmagic, zlib at run time',
        build: [],
        runtime: ['libmagic', 'zlib'],
        sources: ['index:magic-1.0-py3-none-any.whl'],
        via: null,
      },
      plainpure: { status: 'pure', why: 'pure Python (plainpure-1.0-py3-none-any.whl)', build: [], runtime: [], sources: ['index:plainpure-1.0-py3-none-any.whl'], via: null },
      wheely: {
        status: 'wheel',
        why: 'musllinux wheel for CPython 3.12 on x86_64 (wheely-2-cp312-cp312-musllinux_1_2_x86_64.whl)',
        build: [],
        runtime: [],
        sources: ['index:wheely-2-cp312-cp312-musllinux_1_2_x86_64.whl'],
        via: null,
      },
      'native-lib': {
        status: 'compile',
        why: 'no musllinux or pure-Python wheel of native-lib for CPython 3.12 on x86_64: pip builds it from source',
        build: ['build-base', 'libffi-dev'],
        runtime: ['libgomp', 'zstd-libs'],
        sources: ['a', 'b'],
        via: 'magic',
      },
      localdir: { status: 'unknown', why: 'pip picked a local directory', build: ['build-base'], runtime: [], sources: [], via: null },
      oddfile: { status: 'unknown', why: 'pip picked oddfile-1.0.egg', build: ['build-base'], runtime: [], sources: ['index:oddfile-1.0.egg'], via: null },
    });
    expect(decisions.packages.map((p) => p.name)).toEqual(['localdir', 'magic', 'native-lib', 'oddfile', 'plainpure', 'wheely']);
  });

  it('a compiling pin below a floor is a problem; unknown files are warned about', () => {
    const decisions = picked();
    const floor = 'native-lib==1.5 will not work on CPython 3.12: releases before 2.0 do not build (old Cython); the first good release is 2.0: pin native-lib>=2.0';
    expect(decisions.problems).toEqual([{ name: 'native-lib', message: floor }]);
    expect(decisions.warnings).toEqual([
      'localdir: pip picked a local directory, which does not tell whether it is a musllinux wheel',
      'oddfile: pip picked oddfile-1.0.egg, which does not tell whether it is a musllinux wheel',
      floor,
    ]);
    expect(decisions.apk).toEqual({
      build: [
        { name: 'build-base', for: ['localdir', 'native-lib', 'oddfile'] },
        { name: 'libffi-dev', for: ['native-lib'] },
      ],
      runtime: [
        { name: 'libgomp', for: ['native-lib'] },
        { name: 'libmagic', for: ['magic'] },
        { name: 'zlib', for: ['magic'] },
        { name: 'zstd-libs', for: ['native-lib'] },
      ],
    });
  });
});

describe('decideOnline: what pip could not install from a wheel', () => {
  it('names the newest final release that has wheels (pre-releases and dev releases are not final)', () => {
    const decisions = decideOnline(
      resolution({
        blocked: [
          blocked('heavy', 'heavy==1.0', ['0.9', '10.0', '10.12.2', '10.12.2.post12', '10.13.1', '11.0rc1'], 'compile', 'wheely'),
          blocked('heavy-post', 'heavy-post<2', ['1.0.post12', '2.0rc1']),
          blocked('heavy-pre', 'heavy-pre', ['2.0rc1']),
          blocked('heavy-none', 'heavy-none', []),
        ],
      }),
      [],
      KNOWLEDGE,
      TARGET,
    );
    const why = Object.fromEntries(decisions.packages.map((p) => [p.name, p.why]));
    expect(why).toEqual({
      heavy: 'no musllinux wheel of heavy==1.0 for CPython 3.12 on x86_64 (wheels exist up to 10.13.1): pip builds it from source',
      'heavy-post': 'no musllinux wheel of heavy-post<2 for CPython 3.12 on x86_64 (wheels exist up to 1.0.post12): pip builds it from source',
      'heavy-pre': 'no musllinux wheel of heavy-pre for CPython 3.12 on x86_64 (wheels exist up to 2.0rc1): pip builds it from source',
      'heavy-none': 'no musllinux or pure-Python wheel of heavy-none for CPython 3.12 on x86_64: pip builds it from source',
    });
    expect(decisions.packages.find((p) => p.name === 'heavy')).toMatchObject({ status: 'compile', build: ['build-base'], runtime: [], sources: [], via: 'wheely' });
    expect(decisions.warnings).toEqual(
      ['heavy', 'heavy-post', 'heavy-pre', 'heavy-none'].map(
        (name) => `${name}: compiles from source and is not in the knowledge base; add the Alpine packages it needs with --build-deps / --runtime-libs`,
      ),
    );
    expect(decisions.problems).toEqual([]);
  });

  it('a project the index does not know, and a known one that must compile below its floor', () => {
    const decisions = decideOnline(
      resolution({
        blocked: [blocked('ghost', 'ghost>=1', [], 'not-found'), blocked('floored-b', 'floored-b<1.5', ['1.0'])],
      }),
      [],
      KNOWLEDGE,
      TARGET,
    );
    expect(byName(decisions)).toEqual({
      ghost: { status: 'unknown', why: 'ghost>=1 is not on the package index', build: ['build-base'], runtime: [], sources: [], via: null },
      'floored-b': {
        status: 'compile',
        why: 'no musllinux wheel of floored-b<1.5 for CPython 3.12 on x86_64 (wheels exist up to 1.0): pip builds it from source',
        build: ['autoconf', 'build-base', 'zlib-dev'],
        runtime: [],
        sources: [],
        via: null,
      },
    });
    const floor = 'floored-b<1.5 will not work on CPython 3.12: releases before 2.0 do not build (old Cython); the first good release is 2.0: pin floored-b>=2.0';
    expect(decisions.problems).toEqual([{ name: 'floored-b', message: floor }]);
    expect(decisions.warnings).toEqual(['ghost: the package index does not know this project; pip cannot install it from there', floor]);
  });

  it('floors are checked only for what compiles, and problems are sorted by project', () => {
    const notFound = decideOnline(resolution({ blocked: [blocked('floored-b', 'floored-b==1.0', [], 'not-found')] }), [], KNOWLEDGE, TARGET);
    expect(notFound.problems).toEqual([]);
    const wheel = decideOnline(resolution({ dists: [dist('floored-b', 'floored_b-1.0-cp312-cp312-musllinux_1_2_x86_64.whl', 'wheel', null, '1.0')] }), [], KNOWLEDGE, TARGET);
    expect(wheel.problems).toEqual([]);
    const two = decideOnline(
      resolution({
        dists: [dist('native-lib', 'native_lib-1.0.tar.gz', 'compile', null, '1.0')],
        blocked: [blocked('floored-b', 'floored-b==1.0', ['1.0'])],
      }),
      [],
      KNOWLEDGE,
      TARGET,
    );
    expect(two.problems.map((p) => p.name)).toEqual(['floored-b', 'native-lib']);
    // Collected in sorted order, and in reverse (dists come first): sorted either way.
    const sorted = decideOnline(
      resolution({
        dists: [dist('floored-b', 'floored_b-1.0.tar.gz', 'compile', null, '1.0')],
        blocked: [blocked('native-lib', 'native-lib==1.0', ['1.0']), blocked('aaa-floored', 'aaa-floored<1', [])],
      }),
      [],
      { packages: new Map([...KNOWLEDGE.packages, ['aaa-floored', entry({ floors: [FLOOR] })]]) },
      TARGET,
    );
    expect(sorted.problems.map((p) => p.name)).toEqual(['aaa-floored', 'floored-b', 'native-lib']);
    const unparsable = decideOnline(resolution({ blocked: [blocked('floored-b', 'floored-b===', ['1.0'])] }), [], KNOWLEDGE, TARGET);
    expect(unparsable.problems).toEqual([]);
  });
});

describe('decideOnline: requirements pip was not asked about', () => {
  const req = (partial: Partial<Requirement>): Requirement => ({
    file: 'requirements.txt',
    line: 3,
    text: './vendor',
    name: null,
    extras: [],
    specifiers: [],
    marker: null,
    url: './vendor',
    editable: false,
    options: [],
    ...partial,
  });

  it('a path is assumed to compile; one already decided is left alone', () => {
    const decisions = decideOnline(
      resolution({ dists: [dist('magic', 'magic-1.0-py3-none-any.whl', 'pure')] }),
      [req({}), req({ name: 'magic', text: './magic', line: 4 })],
      KNOWLEDGE,
      TARGET,
    );
    expect(byName(decisions)['./vendor']).toEqual({
      status: 'unknown',
      why: 'a path or URL requirement: not checked against the index',
      build: ['build-base'],
      runtime: [],
      sources: [],
      via: null,
    });
    expect(byName(decisions).magic!.status).toBe('pure');
    expect(decisions.warnings).toEqual(['requirements.txt:3: ./vendor is a path or URL; not checked against the index, assuming it may compile']);
  });
});

describe('decideOnline: markers pip evaluated for this machine', () => {
  const warningsFor = (environment: Record<string, string> | null) => decideOnline(resolution({ environment }), [], KNOWLEDGE, TARGET).warnings;

  it('says so when the Python version or the machine differs from the target', () => {
    expect(warningsFor({ python_version: '3.13', platform_machine: 'x86_64' })).toEqual([
      'pip evaluated the markers of transitive dependencies for this machine (CPython 3.13 on x86_64), not for CPython 3.12 on x86_64; a dependency behind such a marker may be missing or extra',
    ]);
    expect(warningsFor({ platform_machine: 'aarch64' })).toEqual([
      'pip evaluated the markers of transitive dependencies for this machine (CPython ? on aarch64), not for CPython 3.12 on x86_64; a dependency behind such a marker may be missing or extra',
    ]);
    expect(warningsFor({ python_version: '3.11' })).toEqual([
      'pip evaluated the markers of transitive dependencies for this machine (CPython 3.11 on ?), not for CPython 3.12 on x86_64; a dependency behind such a marker may be missing or extra',
    ]);
  });

  it('nothing when they match, are not known, or pip never ran', () => {
    expect(warningsFor({ python_version: '3.12', platform_machine: 'x86_64' })).toEqual([]);
    expect(warningsFor({})).toEqual([]);
    expect(warningsFor(null)).toEqual([]);
  });
});

describe('indexRecordOf', () => {
  it('records wheel, pure and compile statuses of normalised project names only', () => {
    const decisions = decideOnline(
      resolution({
        dists: [
          dist('magic', 'magic-1.0-py3-none-any.whl', 'pure'),
          dist('wheely', 'wheely-2-cp312-cp312-musllinux_1_2_x86_64.whl', 'wheel'),
          dist('native-lib', 'native_lib-2.5.tar.gz', 'compile', null, '2.5'),
          dist('localdir', null, null),
          dist('Not_Normal', 'Not_Normal-1.0-py3-none-any.whl', 'pure'),
          dist('trailing-', 'x-1.0-py3-none-any.whl', 'pure'),
        ],
        blocked: [blocked('ghost', 'ghost', [], 'not-found')],
      }),
      [],
      KNOWLEDGE,
      TARGET,
    );
    expect(indexRecordOf(decisions, TARGET)).toEqual({ python: '3.12', arches: ['x86_64'], packages: { magic: 'pure', wheely: 'wheel', 'native-lib': 'compile' } });
  });
});
