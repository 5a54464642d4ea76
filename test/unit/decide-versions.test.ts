/**
 * Version-dependent knowledge in decide: per-CPython wheel history, floors (pins that cannot build
 * or import), older build packages, extras and projects that cannot install at all; and the pure
 * helpers behind them (release ordering, wheel history, extras from metadata).
 */
import { describe, expect, it } from 'vitest';
import { decide } from '../../src/knowledge/decide.ts';
import type { Knowledge } from '../../src/knowledge/decisions.ts';
import { extrasOf, musllinuxOf } from '../../src/knowledge/index-facts.ts';
import type { KnowledgeEntry } from '../../src/knowledge/schema.ts';
import { enforceStrict } from '../../src/knowledge/strict.ts';
import { decideOnline } from '../../src/knowledge/index-decisions.ts';
import { clauseBelow, exactPin } from '../../src/knowledge/versions.ts';
import { computeWheelHistory, finalReleases } from '../../src/knowledge/wheel-history.ts';
import { parseRequirementString } from '../../src/requirements/index.ts';

function entry(partial: Partial<KnowledgeEntry>): KnowledgeEntry {
  return { kind: 'native', build: ['build-base'], runtime: [], dlopen: [], requires: [], musllinux: null, sources: [{ fact: 'wheels', ref: 'pypi:x/1' }], sdist: true, ...partial };
}

const KNOWLEDGE: Knowledge = {
  packages: new Map<string, KnowledgeEntry>([
    [
      'aio',
      entry({
        musllinux: {
          since: { x86_64: '3.8.0', aarch64: '3.8.0' },
          latest: '3.14.0',
          python: ['3.12', '3.13'],
          byPython: { '3.10': { x86_64: '3.8.0', aarch64: '3.8.0' }, '3.11': {}, '3.12': { x86_64: '3.9.0', aarch64: '3.9.0' }, '3.13': { x86_64: '3.10.5', aarch64: '3.10.5' } },
        },
      }),
    ],
    [
      'crypto',
      entry({
        build: ['build-base', 'cargo', 'openssl-dev'],
        runtime: ['libgcc', 'libssl3'],
        musllinux: { since: { x86_64: '3.4.8', aarch64: '3.4.8' }, latest: '46.0.0', python: ['abi3', '3.9'], byPython: { '3.12': { x86_64: '3.4.8', aarch64: '3.4.8' } } },
        olderBuilds: [
          { before: '3.4', build: ['build-base', 'openssl-dev'], runtime: ['libssl3'], source: 'changelog 3.4' },
          { before: '1.0', build: ['build-base'], runtime: [], source: 'changelog 1.0' },
        ],
        floors: [
          { version: '3.3', fails: 'build', why: 'pkg_resources', source: 'setup.py' },
          { version: '35.0.0', fails: 'build', why: 'OpenSSL 3', source: 'CHANGELOG 35.0.0' },
        ],
      }),
    ],
    ['pg2', entry({ floors: [{ version: '2.9.10', python: '3.13', fails: 'import', why: 'undefined symbol', source: 'NEWS 2.9.10' }] })],
    ['ml', entry({ musllinux: null, sdist: false })],
    ['driver', entry({ kind: 'pure', requires: [], extras: { c: ['driver-c'], all: ['server[speed]'] } })],
    ['driver-c', entry({ build: ['build-base', 'libpq-dev'] })],
    ['server', entry({ kind: 'pure', extras: { speed: ['fastloop'] } })],
    ['fastloop', entry({ musllinux: { since: { x86_64: '1.0', aarch64: '1.0' }, latest: '1.0', python: ['abi3', '3.8'] } })],
  ]),
};

const both = ['x86_64', 'aarch64'] as const;
function run(text: string, python = '3.12') {
  return decide([parseRequirementString(text, { file: 'requirements.txt', line: 1 })], KNOWLEDGE, { python, arches: [...both] });
}
const status = (text: string, python = '3.12', name = text.split(/[=<>~[ ]/)[0]!) => run(text, python).packages.find((p) => p.name === name)!;

describe('wheel history per CPython version', () => {
  it('a pin with wheels for older CPythons only compiles, naming the first release for this one', () => {
    const decision = status('aio==3.8.6');
    expect(decision.status).toBe('compile');
    expect(decision.why).toBe('==3.8.6 selects a release older than 3.9.0, the first with a musllinux wheel for CPython 3.12 on x86_64');
    expect(status('aio==3.9.0').status).toBe('wheel');
    expect(status('aio==3.9.5', '3.13').status).toBe('compile');
  });
  it('an exact pin from the history installs its wheel even when the latest release dropped that CPython', () => {
    expect(status('aio==3.9.0', '3.10').status).toBe('wheel');
    expect(status('aio>=3.9', '3.10').why).toMatch(/latest 3\.14\.0 has 3\.12, 3\.13/);
  });
  it('a CPython with no wheel in any release says so; one the history does not cover falls back to the latest release', () => {
    expect(status('aio', '3.11').why).toBe('no release has a musllinux wheel for CPython 3.11 on x86_64');
    expect(status('aio', '3.14').why).toBe('no musllinux wheel for CPython 3.14 (latest 3.14.0 has 3.12, 3.13)');
  });
});

describe('floors and older builds', () => {
  it('names the pin, every reason, and the first release that installs (a wheel) vs builds', () => {
    const result = run('crypto==2.3');
    expect(result.packages[0]).toMatchObject({ status: 'compile', build: ['build-base', 'openssl-dev'], runtime: ['libssl3'] });
    expect(result.packages[0]!.sources).toEqual(expect.arrayContaining(['changelog 3.4', 'setup.py', 'CHANGELOG 35.0.0']));
    expect(result.problems).toEqual([
      {
        name: 'crypto',
        message:
          'crypto==2.3 will not work on CPython 3.12: releases before 3.3 do not build (pkg_resources); releases before 35.0.0 do not build (OpenSSL 3); the first release that installs is 3.4.8 (a musllinux wheel; the first that builds from source is 35.0.0): pin crypto>=3.4.8',
      },
    ]);
    expect(result.warnings).toContain(result.problems[0]!.message);
  });
  it('picks the older build with the lowest bound the pin is under', () => {
    expect(status('crypto==0.9').build).toEqual(['build-base']);
    expect(status('crypto<3.4').build).toEqual(['build-base', 'openssl-dev']);
  });
  it('no problem for a pin that gets a wheel, or is unpinned', () => {
    expect(run('crypto==34.0').problems).toEqual([]);
    expect(run('crypto').problems).toEqual([]);
  });
  it('floors from a CPython version on: only there', () => {
    expect(run('pg2==2.9.9', '3.12').problems).toEqual([]);
    expect(run('pg2==2.9.9', '3.14').problems[0]!.message).toBe(
      'pg2==2.9.9 will not work on CPython 3.14: releases before 2.9.10 build but fail at import (undefined symbol); the first good release is 2.9.10: pin pg2>=2.9.10',
    );
    expect(run('pg2>=2.9.10', '3.14').problems).toEqual([]);
  });
  it('--strict turns problems into a usage error (exit 2), one line listing each', () => {
    expect(() => enforceStrict(run('crypto==2.3'), false)).not.toThrow();
    expect(() => enforceStrict(run('crypto'), true)).not.toThrow();
    expect(() => enforceStrict(run('crypto==2.3'), true)).toThrow(/^--strict: a requirement will not install or work on the target: crypto==2\.3 will not work/);
  });
});

describe('cannot install on Alpine', () => {
  it('no musllinux wheel and no sdist: its own status and a problem naming it', () => {
    const result = run('ml==1.0');
    expect(result.packages[0]).toMatchObject({ name: 'ml', status: 'unavailable', build: [], runtime: [] });
    expect(result.problems[0]!.message).toBe(
      'ml==1.0 cannot be installed on Alpine (CPython 3.12, x86_64 and aarch64): ships no musllinux wheel, and it publishes no sdist: pip cannot install it on Alpine',
    );
    expect(result.apk.build).toEqual([]);
  });
});

describe('extras', () => {
  it('an extra adds the projects it maps to, following their own extras', () => {
    const result = run('driver[c,all]');
    expect(result.packages.map((p) => [p.name, p.status, p.via])).toEqual([
      ['driver', 'pure', null],
      ['driver-c', 'compile', 'driver[c]'],
      ['fastloop', 'wheel', 'server[speed]'],
      ['server', 'pure', 'driver[all]'],
    ]);
    expect(result.apk.build.map((a) => a.name)).toEqual(['build-base', 'libpq-dev']);
  });
  it('without the extra, nothing is added', () => {
    expect(run('driver').packages.map((p) => p.name)).toEqual(['driver']);
  });
  it('a project reached twice follows the extras of the second mention too', () => {
    const result = decide([parseRequirementString('driver', { file: 'r', line: 1 }), parseRequirementString('driver[c]', { file: 'r', line: 2 })], KNOWLEDGE, {
      python: '3.12',
      arches: ['x86_64'],
    });
    expect(result.packages.map((p) => p.name)).toEqual(['driver', 'driver-c']);
  });
  it('reads extras from requires_dist: a known project behind `extra == ...`, not the unconditional ones', () => {
    const known = (name: string) => ['psycopg-c', 'psycopg-binary', 'uvloop', 'typing-extensions'].includes(name);
    expect(
      extrasOf(
        [
          'typing-extensions>=4.6',
          'psycopg-c==3.2.9; implementation_name != "pypy" and extra == "c"',
          'psycopg-binary==3.2.9; implementation_name != "pypy" and extra == "binary"',
          'uvloop>=0.15; sys_platform == "win32" and extra == "speed"',
          'unknown-thing; extra == "c"',
        ],
        known,
      ),
    ).toEqual({ binary: ['psycopg-binary'], c: ['psycopg-c'] });
  });
});

describe('versions and history', () => {
  it('finds the clause that caps every admitted release below a version, and exact pins', () => {
    expect(clauseBelow(['>=1', '<3.4'], '3.4')).toBe('<3.4');
    expect(clauseBelow(['~=3.3'], '4')).toBe('~=3.3');
    expect(clauseBelow(['==3.3.*'], '3.4')).toBe('==3.3.*');
    expect(clauseBelow(['<=3.4'], '3.4')).toBeNull();
    expect(clauseBelow(['>=2'], '3.4')).toBeNull();
    expect(exactPin(['>=1', '==2.3'])).toBe('2.3');
    expect(exactPin(['==2.*'])).toBeNull();
  });
  it('arbitrary equality compares text: `===1.0*` pins no valid release', () => {
    // packaging 26.4: SpecifierSet('===1.0*').filter(['1.0', '1.0*']) == ['1.0*'] (only that literal text).
    expect(exactPin(['===1.0*'])).toBeNull();
    expect(exactPin(['===2.3'])).toBe('2.3');
  });
  it('orders final releases by PEP 440 and skips pre-releases, yanked-only and invalid versions', () => {
    const files = (name: string, yanked = false) => [{ filename: name, yanked }];
    const releases = {
      '1.10': files('p-1.10-cp312-cp312-musllinux_1_2_x86_64.whl'),
      '1.9': files('p-1.9.tar.gz'),
      '1.2b1': files('p-1.2b1-cp312-cp312-musllinux_1_2_x86_64.whl'),
      '1.3': files('p-1.3-cp312-cp312-musllinux_1_2_x86_64.whl', true),
      banana: files('p-banana.tar.gz'),
    };
    expect(finalReleases(releases)).toEqual(['1.9', '1.10']);
    expect(computeWheelHistory(releases, ['3.12', '3.13'], ['x86_64', 'aarch64'])).toEqual({ '3.12': { x86_64: '1.10' }, '3.13': {} });
  });
});

describe('musllinux facts of a new entry, computed from the index', () => {
  const wheel = (version: string, tag: string, arch = 'x86_64') => ({ filename: `p-${version}-${tag}-musllinux_1_2_${arch}.whl` });
  it('first release per arch, latest release, CPython list (abi3 only where it loses nothing), history', () => {
    const project = {
      info: { version: '3.0' },
      releases: {
        '1.0': [{ filename: 'p-1.0.tar.gz' }],
        '2.0': [wheel('2.0', 'cp311-cp311')],
        '3.0': [wheel('3.0', 'cp311-cp311'), wheel('3.0', 'cp312-abi3'), wheel('3.0', 'cp312-abi3', 'aarch64'), { filename: 'p-3.0.tar.gz' }],
      },
    };
    expect(musllinuxOf(project, ['3.11', '3.12', '3.13'], ['x86_64', 'aarch64'])).toEqual({
      since: { x86_64: '2.0', aarch64: '3.0' },
      latest: '3.0',
      python: ['3.11', '3.12', '3.13'],
      byPython: { '3.11': { x86_64: '2.0' }, '3.12': { x86_64: '3.0', aarch64: '3.0' }, '3.13': { x86_64: '3.0', aarch64: '3.0' } },
      withoutWheel: {},
    });
    const abi3Only = { info: { version: '1.0' }, releases: { '1.0': [wheel('1.0', 'cp39-abi3')] } };
    expect(musllinuxOf(abi3Only, ['3.12'], ['x86_64'])!.python).toEqual(['abi3', '3.9']);
    expect(musllinuxOf({ info: { version: '1.0' }, releases: { '1.0': [{ filename: 'p-1.0.tar.gz' }] } }, ['3.12'], ['x86_64'])).toBeNull();
  });
});

describe('floors online', () => {
  it('a resolved version or a requirement pip must compile below a floor is a problem, as offline', () => {
    const resolution = {
      dists: [{ name: 'pg2', version: '2.9.9', file: 'pg2-2.9.9.tar.gz', status: 'compile' as const, via: null }],
      blocked: [{ name: 'crypto', requirement: 'crypto==2.3', via: null, versions: ['2.3'], reason: 'compile' as const }],
      environment: null,
    };
    const decisions = decideOnline(resolution, [], KNOWLEDGE, { python: '3.13', arch: 'x86_64' });
    expect(decisions.problems.map((problem) => problem.name)).toEqual(['crypto', 'pg2']);
    expect(decisions.problems[1]!.message).toMatch(/^pg2==2\.9\.9 will not work on CPython 3\.13: releases before 2\.9\.10 build but fail at import/);
    expect(decisions.warnings).toEqual(expect.arrayContaining(decisions.problems.map((problem) => problem.message)));
  });
});
