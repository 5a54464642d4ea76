/**
 * Per-release history (issue 12): the runs of releases without an sdist, and per CPython and arch
 * the runs of releases after the first musllinux wheel that have none, computed from PyPI's release
 * file lists; and what the one pipeline decides for a pin inside or outside a run, with and without
 * a fitting musllinux wheel (yara-x 1.1.0 to 1.22.1 ship no sdist and no release has a musllinux
 * wheel: a pin there cannot install, 1.0.1 and 1.23.0 compile; tree-sitter 0.24.0 and later have
 * no aarch64 musllinux wheel). Every expectation is written out.
 */
import { describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/knowledge/decisions.ts';
import { decideRequirements } from '../../src/knowledge/pipeline.ts';
import type { KnowledgeEntry } from '../../src/knowledge/schema.ts';
import { enforceStrict } from '../../src/knowledge/strict.ts';
import { computeNoSdistRuns, computeWheelGaps } from '../../src/knowledge/wheel-history.ts';
import { parseRequirementString } from '../../src/requirements/index.ts';
import type { Arch } from '../../src/requirements/types.ts';

function entry(partial: Partial<KnowledgeEntry>): KnowledgeEntry {
  return {
    kind: 'native',
    build: ['build-base', 'cargo'],
    runtime: ['libgcc'],
    dlopen: [],
    requires: [],
    musllinux: null,
    sources: [{ fact: 'wheels', ref: 'pypi:x (release file lists, 2026-12-02)' }],
    sdist: true,
    ...partial,
  };
}

const KNOWLEDGE: Knowledge = {
  packages: new Map<string, KnowledgeEntry>([
    // Like yara-x: no musllinux wheel in any release, no sdist from 1.1.0 to 1.22.1.
    ['rusty', entry({ noSdist: [{ from: '1.1.0', through: '1.22.1', before: '1.0.1', after: '1.23.0' }] })],
    // x86_64 wheels from 1.5.0 (abi3), none for aarch64; 1.1.0 to 1.6.0 ship no sdist.
    [
      'half',
      entry({
        musllinux: { since: { x86_64: '1.5.0' }, latest: '2.0.0', python: ['abi3', '3.9'], byPython: { '3.12': { x86_64: '1.5.0' } } },
        noSdist: [{ from: '1.1.0', through: '1.6.0', before: '1.0.0', after: '1.7.0' }],
      }),
    ],
    // No release has an sdist (torch-like); one lone release without an sdist; no history recorded.
    ['wheelonly', entry({ build: [], runtime: [], sdist: false, noSdist: [{ from: '0.1', through: '2.0' }] })],
    ['lone', entry({ noSdist: [{ from: '3.0.0', through: '3.0.0', before: '2.1.4', after: '3.1.0' }] })],
    ['legacy', entry({ sdist: false })],
    // Like tree-sitter: aarch64 wheels stop at 0.23.2; 0.26.0 shipped no musllinux wheel at all.
    [
      'ts',
      entry({
        build: ['build-base'],
        runtime: [],
        noSdist: [],
        musllinux: {
          since: { x86_64: '0.20', aarch64: '0.20' },
          latest: '0.26.1',
          python: ['3.12'],
          byPython: { '3.12': { x86_64: '0.20', aarch64: '0.20' } },
          withoutWheel: {
            '3.12': { x86_64: [{ from: '0.26.0', through: '0.26.0', before: '0.25.0', after: '0.26.1' }], aarch64: [{ from: '0.24.0', through: '0.26.1', before: '0.23.2' }] },
          },
        },
      }),
    ],
    // Like spacy on CPython 3.14: no cp314 wheel in 3.8.14 and 3.8.15, which ship no sdist either.
    [
      'sp',
      entry({
        build: ['build-base'],
        runtime: [],
        noSdist: [{ from: '3.8.14', through: '3.8.15', before: '3.8.13', after: '3.8.16' }],
        musllinux: {
          since: { x86_64: '2.0.0' },
          latest: '3.8.18',
          python: ['3.14'],
          byPython: { '3.14': { x86_64: '3.8.10' } },
          withoutWheel: { '3.14': { x86_64: [{ from: '3.8.14', through: '3.8.15', before: '3.8.13', after: '3.8.16' }] } },
        },
      }),
    ],
  ]),
};

const RUNTIME = { version: '3.12', fullVersion: '3.12.13' };
function run(text: string, arches: readonly Arch[] = ['x86_64'], locked?: ReadonlyMap<string, readonly string[]>, runtime = RUNTIME, knowledge = KNOWLEDGE) {
  const requirement = parseRequirementString(text, { file: 'requirements.txt', line: 1 });
  return decideRequirements([requirement], { runtime, arches, ...(locked ? { locked } : {}) }, knowledge).decisions;
}

describe('runs of releases without an sdist, from the release file lists', () => {
  it('final releases only, oldest first, with the nearest releases that have one; a yanked sdist does not count', () => {
    const releases = {
      '0.9': [{ filename: 'p-0.9-py3-none-any.whl' }],
      '1.0': [{ filename: 'p-1.0.tar.gz' }],
      '1.1': [{ filename: 'p-1.1-cp312-cp312-manylinux_2_28_x86_64.whl' }],
      '1.2rc1': [{ filename: 'p-1.2rc1.tar.gz' }],
      '1.2': [{ filename: 'p-1.2-cp312-cp312-manylinux_2_28_x86_64.whl' }, { filename: 'p-1.2.tar.gz', yanked: true }],
      '1.10': [{ filename: 'p-1.10.zip' }],
      '2.0': [{ filename: 'p-2.0-cp312-cp312-musllinux_1_2_x86_64.whl' }],
      'not-a-version': [{ filename: 'p.whl' }],
    };
    expect(computeNoSdistRuns(releases)).toEqual([
      { from: '0.9', through: '0.9', after: '1.0' },
      { from: '1.1', through: '1.2', before: '1.0', after: '1.10' },
      { from: '2.0', through: '2.0', before: '1.10' },
    ]);
    expect(computeNoSdistRuns({ '1.0': [{ filename: 'p-1.0.tar.gz' }] })).toEqual([]);
  });
});

describe('a pin inside a run without an sdist', () => {
  it('no fitting wheel: cannot install, named with the run and the nearest releases that have an sdist', () => {
    const decisions = run('rusty==1.19.0');
    expect(decisions.packages).toEqual([
      {
        name: 'rusty',
        status: 'unavailable',
        why: 'ships no musllinux wheel, and 1.19.0 publishes no sdist (releases 1.1.0 to 1.22.1 have none; the nearest with one are 1.0.1 and 1.23.0): pip cannot install it on Alpine',
        build: [],
        runtime: [],
        sources: ['pypi:x (release file lists, 2026-12-02)'],
        via: null,
      },
    ]);
    expect(decisions.problems).toEqual([
      {
        name: 'rusty',
        message:
          'rusty==1.19.0 cannot be installed on Alpine (CPython 3.12, x86_64): ships no musllinux wheel, and 1.19.0 publishes no sdist (releases 1.1.0 to 1.22.1 have none; the nearest with one are 1.0.1 and 1.23.0): pip cannot install it on Alpine',
      },
    ]);
    expect(decisions.warnings).toEqual([decisions.problems[0]!.message]);
    expect(decisions.apk.build).toEqual([]);
  });
  it('the first and last releases of the run are inside it', () => {
    expect(run('rusty==1.1.0').packages[0]!.status).toBe('unavailable');
    expect(run('rusty==1.22.1').packages[0]!.status).toBe('unavailable');
  });
  it('with a fitting wheel it installs the wheel; on an arch without one it cannot install', () => {
    expect(run('half==1.5.0').packages[0]).toMatchObject({ status: 'wheel', why: 'musllinux wheel for CPython 3.12 on x86_64', build: [] });
    expect(run('half==1.5.0', ['x86_64', 'aarch64']).packages[0]).toMatchObject({
      status: 'unavailable',
      why: 'no release has a musllinux wheel for CPython 3.12 on aarch64, and 1.5.0 publishes no sdist (releases 1.1.0 to 1.6.0 have none; the nearest with one are 1.0.0 and 1.7.0): pip cannot install it on Alpine',
    });
    expect(run('half==1.2.0').packages[0]).toMatchObject({
      status: 'unavailable',
      why: '==1.2.0 selects a release older than 1.5.0, the first with a musllinux wheel for CPython 3.12 on x86_64, and 1.2.0 publishes no sdist (releases 1.1.0 to 1.6.0 have none; the nearest with one are 1.0.0 and 1.7.0): pip cannot install it on Alpine',
    });
  });
  it('a run of one release, and a run that is every release', () => {
    expect(run('lone==3.0.0').packages[0]!.why).toBe(
      'ships no musllinux wheel, and 3.0.0 publishes no sdist (release 3.0.0 has none; the nearest with one are 2.1.4 and 3.1.0): pip cannot install it on Alpine',
    );
    expect(run('wheelonly').packages[0]!.why).toBe(
      'ships no musllinux wheel, and the latest release, 2.0, publishes no sdist (releases 0.1 to 2.0 have none: no release has one): pip cannot install it on Alpine',
    );
    expect(run('wheelonly==1.0').packages[0]!.why).toBe(
      'ships no musllinux wheel, and 1.0 publishes no sdist (releases 0.1 to 2.0 have none: no release has one): pip cannot install it on Alpine',
    );
  });
  it('--strict makes it exit 2 (a usage error naming the pin)', () => {
    expect(() => enforceStrict(run('rusty==1.19.0'), true)).toThrow(
      /^--strict: a requirement will not install or work on the target: rusty==1\.19\.0 cannot be installed on Alpine/,
    );
    expect(() => enforceStrict(run('rusty==1.19.0'), false)).not.toThrow();
  });
});

describe('a pin outside every run', () => {
  it('no fitting wheel: it compiles from its sdist, with the build and runtime packages', () => {
    for (const pin of ['1.0.1', '1.23.0']) {
      const decisions = run(`rusty==${pin}`);
      expect(decisions.packages[0]).toEqual({
        name: 'rusty',
        status: 'compile',
        why: 'ships no musllinux wheel: pip builds it from source',
        build: ['build-base', 'cargo'],
        runtime: ['libgcc'],
        sources: ['pypi:x (release file lists, 2026-12-02)'],
        via: null,
      });
      expect(decisions.problems).toEqual([]);
      expect(decisions.apk.build.map((item) => item.name)).toEqual(['build-base', 'cargo']);
    }
    expect(run('half==1.7.0', ['aarch64']).packages[0]!.status).toBe('compile');
    expect(run('half==1.0.0').packages[0]!.status).toBe('compile');
  });
  it('the same release with an sdist in a project whose latest has none compiles too (history over the latest release)', () => {
    const knowledge: Knowledge = { packages: new Map([['old', entry({ sdist: false, noSdist: [{ from: '0.43.0', through: '0.50.2', before: '0.42.0' }] })]]) };
    const pinned = decideRequirements([parseRequirementString('old==0.42.0', { file: 'r.txt', line: 1 })], { runtime: RUNTIME, arches: ['x86_64'] }, knowledge).decisions;
    expect(pinned.packages[0]).toMatchObject({ status: 'compile', build: ['build-base', 'cargo'] });
    const latest = decideRequirements([parseRequirementString('old', { file: 'r.txt', line: 1 })], { runtime: RUNTIME, arches: ['x86_64'] }, knowledge).decisions;
    expect(latest.packages[0]).toMatchObject({
      status: 'unavailable',
      why: 'ships no musllinux wheel, and the latest release, 0.50.2, publishes no sdist (releases 0.43.0 to 0.50.2 have none; the nearest with one is 0.42.0): pip cannot install it on Alpine',
    });
  });
});

describe('without an exact pin, or without a recorded history', () => {
  it('a range or no specifier is judged by the latest release (it has an sdist here: compile)', () => {
    expect(run('rusty').packages[0]!.status).toBe('compile');
    expect(run('rusty>=1.5,<1.20').packages[0]!.status).toBe('compile');
  });
  it('no history: the latest release decides even for a pin', () => {
    expect(run('legacy==1.0').packages[0]!.why).toBe('ships no musllinux wheel, and it publishes no sdist: pip cannot install it on Alpine');
  });
  it("a lock's files win over the history: an sdist in the lock compiles, none cannot install", () => {
    expect(run('rusty==1.19.0', ['x86_64'], new Map([['rusty', ['rusty-1.19.0.tar.gz']]])).packages[0]!.status).toBe('compile');
    expect(run('rusty==1.0.1', ['x86_64'], new Map([['rusty', ['rusty-1.0.1-cp312-cp312-manylinux_2_28_x86_64.whl']]])).packages[0]).toMatchObject({
      status: 'unavailable',
      why: 'the lock lists no musllinux wheel for CPython 3.12 on x86_64, and the lock lists no sdist: pip cannot install it on Alpine',
    });
  });
});

describe('releases after the first musllinux wheel that have none, per CPython and arch', () => {
  it('are computed from the release files: an arch dropped, a release with no musllinux wheel', () => {
    const whl = (version: string, arch: string) => ({ filename: `t-${version}-cp312-cp312-musllinux_1_2_${arch}.whl` });
    const releases = {
      '0.22.0': [{ filename: 't-0.22.0.tar.gz' }],
      '0.23.2': [whl('0.23.2', 'x86_64'), whl('0.23.2', 'aarch64')],
      '0.24.0': [whl('0.24.0', 'x86_64')],
      '0.25.0': [whl('0.25.0', 'x86_64')],
      '0.26.0': [{ filename: 't-0.26.0.tar.gz' }],
      '0.26.1': [whl('0.26.1', 'x86_64')],
    };
    expect(computeWheelGaps(releases, ['3.11', '3.12'], ['x86_64', 'aarch64'])).toEqual({
      '3.12': { x86_64: [{ from: '0.26.0', through: '0.26.0', before: '0.25.0', after: '0.26.1' }], aarch64: [{ from: '0.24.0', through: '0.26.1', before: '0.23.2' }] },
    });
  });
  it('an unpinned requirement is judged by the latest release on each arch', () => {
    expect(run('ts').packages[0]).toMatchObject({ status: 'wheel' });
    expect(run('ts', ['x86_64', 'aarch64']).packages[0]).toMatchObject({
      status: 'compile',
      why: 'the latest release, 0.26.1, has no musllinux wheel for CPython 3.12 on aarch64 (releases 0.24.0 to 0.26.1 have none; the nearest with one is 0.23.2)',
      build: ['build-base'],
    });
  });
  it('an upper bound is judged by the newest release it admits', () => {
    expect(run('ts<0.24', ['x86_64', 'aarch64']).packages[0]!.status).toBe('wheel');
    expect(run('ts~=0.23.0', ['aarch64']).packages[0]!.status).toBe('wheel');
    expect(run('ts<0.26', ['aarch64']).packages[0]!.why).toBe(
      '<0.26 selects a release that has no musllinux wheel for CPython 3.12 on aarch64 (releases 0.24.0 to 0.26.1 have none; the nearest with one is 0.23.2)',
    );
    expect(run('ts<=0.26.1', ['aarch64']).packages[0]!.why).toMatch(/^the latest release, 0\.26\.1, has no musllinux wheel/);
    expect(run('ts<0.26.1', ['x86_64']).packages[0]!.why).toBe(
      '<0.26.1 selects a release that has no musllinux wheel for CPython 3.12 on x86_64 (release 0.26.0 has none; the nearest with one are 0.25.0 and 0.26.1)',
    );
    expect(run('ts<0.26', ['x86_64']).packages[0]!.status).toBe('wheel');
    expect(run('ts>=0.26.0', ['x86_64']).packages[0]!.status).toBe('wheel');
  });
  it('an exact pin by its own release', () => {
    expect(run('ts==0.23.2', ['x86_64', 'aarch64']).packages[0]!.status).toBe('wheel');
    expect(run('ts==0.25.0', ['x86_64']).packages[0]!.status).toBe('wheel');
    expect(run('ts==0.26.0').packages[0]).toMatchObject({
      status: 'compile',
      why: '0.26.0 has no musllinux wheel for CPython 3.12 on x86_64 (release 0.26.0 has none; the nearest with one are 0.25.0 and 0.26.1)',
    });
  });
  it("without the gaps recorded, the latest release's CPython list decides (it cannot tell the arches apart)", () => {
    const ts = KNOWLEDGE.packages.get('ts')!;
    const knowledge: Knowledge = { packages: new Map([['ts', { ...ts, musllinux: { ...ts.musllinux!, withoutWheel: undefined } }]]) };
    expect(run('ts', ['x86_64', 'aarch64'], undefined, RUNTIME, knowledge).packages[0]!.status).toBe('wheel');
  });
  it('a pin with no wheel for its CPython and no sdist cannot install; a neighbour installs its wheel', () => {
    const on314 = { version: '3.14', fullVersion: '3.14.6' };
    expect(run('sp==3.8.14', ['x86_64'], undefined, on314).packages[0]).toMatchObject({
      status: 'unavailable',
      why: '3.8.14 has no musllinux wheel for CPython 3.14 on x86_64 (releases 3.8.14 to 3.8.15 have none; the nearest with one are 3.8.13 and 3.8.16), and 3.8.14 publishes no sdist (releases 3.8.14 to 3.8.15 have none; the nearest with one are 3.8.13 and 3.8.16): pip cannot install it on Alpine',
    });
    expect(run('sp==3.8.13', ['x86_64'], undefined, on314).packages[0]!.status).toBe('wheel');
    expect(run('sp==3.8.9', ['x86_64'], undefined, on314).packages[0]).toMatchObject({ status: 'compile' });
  });
});
