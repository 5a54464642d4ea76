/**
 * decide(): the exact words and sets users see, edge by edge (written to kill the mutants
 * Stryker found surviving in src/knowledge/decide.ts). Every expectation is literal.
 */
import { describe, expect, it } from 'vitest';
import { collectApk } from '../../src/knowledge/apk-reasons.ts';
import { decide } from '../../src/knowledge/decide.ts';
import type { Knowledge, PackageDecision } from '../../src/knowledge/decisions.ts';
import type { KnowledgeEntry } from '../../src/knowledge/schema.ts';
import type { Arch, Requirement } from '../../src/requirements/types.ts';

function entry(partial: Partial<KnowledgeEntry>): KnowledgeEntry {
  return { kind: 'native', build: [], runtime: [], dlopen: [], requires: [], musllinux: null, sources: [{ fact: 'wheels', ref: 'pypi:x/1' }], ...partial };
}

const KNOWLEDGE: Knowledge = {
  packages: new Map<string, KnowledgeEntry>([
    [
      'cryptography',
      entry({
        build: ['openssl-dev', 'cargo', 'libffi-dev'],
        runtime: ['libssl3', 'libffi'],
        requires: ['cffi'],
        musllinux: { since: { x86_64: '3.4', aarch64: '3.4' }, latest: '46.0.3', python: ['abi3', '3.8'] },
        sources: [
          { fact: 'wheels', ref: 'pypi:cryptography/46.0.3' },
          { fact: 'build', ref: 'aports:community/py3-cryptography/APKBUILD' },
          { fact: 'requires', ref: 'pypi:cryptography/46.0.3' },
        ],
      }),
    ],
    [
      'cffi',
      entry({ build: ['libffi-dev'], runtime: ['libffi'], musllinux: { since: { x86_64: '1.15.0', aarch64: '1.15.0' }, latest: '2.0.0', python: ['3.10', '3.11', '3.12'] } }),
    ],
    ['magic-two', entry({ kind: 'pure', dlopen: ['zlib', 'libmagic'] })],
    ['plain', entry({ kind: 'pure' })],
    ['wheel-dlopen', entry({ dlopen: ['libgomp', 'libgcc'], musllinux: { since: { x86_64: '1.0' }, latest: '2.0', python: ['3.12'] } })],
    ['abi3-310', entry({ musllinux: { since: { x86_64: '1.0' }, latest: '2.0', python: ['abi3', '3.10'] } })],
    ['abi3-313', entry({ musllinux: { since: { x86_64: '1.0' }, latest: '2.0', python: ['abi3', '3.13'] } })],
    ['abi3-nomin', entry({ musllinux: { since: { x86_64: '1.0' }, latest: '2.0', python: ['abi3'] } })],
    ['big', entry({ musllinux: { since: { x86_64: '2.0' }, latest: '20.1', python: ['3.12'] } })],
    ['mid', entry({ musllinux: { since: { x86_64: '2.5' }, latest: '20.1', python: ['3.12'] } })],
    ['late', entry({ musllinux: { since: { x86_64: '12.0' }, latest: '20.1', python: ['3.12'] } })],
    ['bad-since', entry({ musllinux: { since: { x86_64: 'not a version' }, latest: '2.0', python: ['3.12'] } })],
  ]),
};

function req(name: string | null, options: Partial<Requirement> = {}): Requirement {
  const text = options.text ?? name ?? '';
  return { file: 'requirements.txt', line: 1, text, name, extras: [], specifiers: [], marker: null, url: null, editable: false, options: [], ...options };
}

interface Target {
  python: string;
  arches: readonly Arch[];
}
const X86: Target = { python: '3.12', arches: ['x86_64'] };
const run = (requirements: Requirement[], target: Target = X86) => decide(requirements, KNOWLEDGE, { python: target.python, arches: [...target.arches] });
const one = (requirement: Requirement, target: Target = X86) => run([requirement], target).packages.find((p) => p.name === requirement.name)!;

describe('decide: warnings, literally', () => {
  it('none for known requirements', () => {
    expect(run([req('cryptography')]).warnings).toEqual([]);
  });

  it('a local path or editable requirement: copy it yourself', () => {
    const local = run([req(null, { text: './vendor/pkg', url: './vendor/pkg', line: 3 })]);
    expect(local.warnings).toEqual([
      'requirements.txt:3: ./vendor/pkg installs from a local path; the Dockerfile copies only the requirements files, so add a COPY for it before the install step',
    ]);
    expect(local.packages).toEqual([
      {
        name: './vendor/pkg',
        status: 'unknown',
        why: 'a path or URL requirement: its contents are not known',
        build: ['build-base', 'cargo'],
        runtime: [],
        sources: [],
        via: null,
      },
    ]);
    const editable = run([req('cffi', { text: '-e ./cffi', editable: true, line: 2 })]);
    expect(editable.warnings).toEqual([
      'requirements.txt:2: -e ./cffi installs from a local path; the Dockerfile copies only the requirements files, so add a COPY for it before the install step',
    ]);
    expect(editable.packages[0]).toMatchObject({ name: 'cffi', status: 'wheel' });
  });

  it('a URL with a scheme is not local, but without a project name it may compile', () => {
    const odd = 'vendor/http://x.tar.gz';
    expect(run([req(null, { text: odd, url: odd, line: 4 })]).warnings[0]).toBe(
      `requirements.txt:4: ${odd} installs from a local path; the Dockerfile copies only the requirements files, so add a COPY for it before the install step`,
    );
    const url = 'https://example.invalid/pkg-1.0.tar.gz';
    expect(run([req(null, { text: url, url, line: 5 })]).warnings).toEqual([`requirements.txt:5: ${url} has no project name; assuming it may compile`]);
    expect(run([req('cffi', { text: `cffi @ ${url}`, url })]).warnings).toEqual([]);
  });

  it('unknown projects: one, several, and more than eight; transitive and unnamed ones are not listed', () => {
    const tail = 'the build stage keeps a C and a Rust toolchain (build-base, cargo) in case';
    expect(run([req('zz-one')]).warnings).toEqual([
      `unknown to the knowledge base: zz-one; ${tail} it compiles (no cost to the release image; explain --online --write records what the index has)`,
    ]);
    expect(run([req('b-two'), req('a-one')]).warnings).toEqual([
      `unknown to the knowledge base: a-one, b-two; ${tail} they compile (no cost to the release image; explain --online --write records what the index has)`,
    ]);
    const eight = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'];
    expect(run(eight.map((name) => req(name))).warnings).toEqual([
      `unknown to the knowledge base: ${eight.join(', ')}; ${tail} they compile (no cost to the release image; explain --online --write records what the index has)`,
    ]);
    expect(run([...eight, 'p9', 'q0'].map((name) => req(name))).warnings).toEqual([
      `unknown to the knowledge base: ${eight.join(', ')}, and 2 more; ${tail} they compile (no cost to the release image; explain --online --write records what the index has)`,
    ]);
    const transitive: Knowledge = { packages: new Map([['parent', entry({ kind: 'pure', requires: ['ghost'] })]]) };
    const result = decide([req('parent')], transitive, { python: '3.12', arches: ['x86_64'] });
    expect(result.packages.find((p) => p.name === 'ghost')).toEqual({
      name: 'ghost',
      status: 'unknown',
      why: 'not in the knowledge base: a musllinux wheel may be missing',
      build: ['build-base', 'cargo'],
      runtime: [],
      sources: [],
      via: 'parent',
    });
    expect(result.warnings).toEqual([]);
  });
});

describe('decide: statuses and reasons, literally', () => {
  it('a requirement also required by another keeps its own (direct) decision', () => {
    const result = run([req('cffi'), req('cryptography')]);
    expect(result.packages.map((p) => [p.name, p.via])).toEqual([
      ['cffi', null],
      ['cryptography', null],
    ]);
  });

  it('sources are unique and sorted', () => {
    expect(one(req('cryptography')).sources).toEqual(['aports:community/py3-cryptography/APKBUILD', 'pypi:cryptography/46.0.3']);
  });

  it('pure projects: with and without dlopen libraries', () => {
    expect(one(req('magic-two'))).toMatchObject({ status: 'pure', why: 'pure Python; loads zlib, libmagic at run time', build: [], runtime: ['libmagic', 'zlib'] });
    expect(one(req('plain'))).toMatchObject({ status: 'pure', why: 'pure Python', build: [], runtime: [] });
  });

  it('a wheel keeps its dlopen libraries, sorted, and names the target', () => {
    expect(one(req('wheel-dlopen'))).toMatchObject({ status: 'wheel', why: 'musllinux wheel for CPython 3.12 on x86_64', build: [], runtime: ['libgcc', 'libgomp'] });
    expect(one(req('cryptography'), { python: '3.12', arches: ['x86_64', 'aarch64'] }).why).toBe('musllinux wheel for CPython 3.12 on x86_64 and aarch64');
  });

  it('compiling: the toolchain plus the build set, sorted; runtime plus dlopen', () => {
    const compiled = one(req('cryptography', { specifiers: ['==3.3.2'] }));
    expect(compiled).toMatchObject({
      status: 'compile',
      build: ['build-base', 'cargo', 'libffi-dev', 'openssl-dev'],
      runtime: ['libffi', 'libssl3'],
      why: '==3.3.2 selects a release older than 3.4, the first with a musllinux wheel for x86_64',
    });
  });

  it('missing wheels: none at all, not for this Python, not for this architecture', () => {
    const none: Knowledge = { packages: new Map([['nowheel', entry({ build: ['zlib-dev'], runtime: ['zlib'], dlopen: ['libgcc'] })]]) };
    expect(decide([req('nowheel')], none, { python: '3.12', arches: ['x86_64'] }).packages[0]).toEqual({
      name: 'nowheel',
      status: 'compile',
      why: 'ships no musllinux wheel: pip builds it from source',
      build: ['build-base', 'zlib-dev'],
      runtime: ['libgcc', 'zlib'],
      sources: ['pypi:x/1'],
      via: null,
    });
    expect(one(req('cffi'), { python: '3.13', arches: ['x86_64'] }).why).toBe('no musllinux wheel for CPython 3.13 (latest 2.0.0 has 3.10, 3.11, 3.12)');
    expect(one(req('big'), { python: '3.12', arches: ['x86_64', 'aarch64'] })).toMatchObject({
      status: 'compile',
      why: 'no release has a musllinux wheel for CPython 3.12 on aarch64',
    });
  });

  it.each([
    ['abi3-310', '3.9', 'compile'],
    ['abi3-310', '3.10', 'wheel'],
    ['abi3-310', '3.14', 'wheel'],
    ['abi3-313', '3.12', 'compile'],
    ['abi3-313', '3.13', 'wheel'],
    ['abi3-nomin', '3.12', 'compile'],
  ])('abi3 wheels: %s on CPython %s -> %s', (name, python, status) => {
    expect(one(req(name), { python, arches: ['x86_64'] }).status).toBe(status);
  });
});

describe('decide: specifiers against the first musllinux release, edge cases', () => {
  const status = (name: string, specifiers: string[]) => one(req(name, { specifiers })).status;
  it.each([
    ['cryptography', ['<3.0'], 'compile'],
    ['big', ['~=10.2'], 'wheel'],
    ['big', ['==10.*'], 'wheel'],
    ['big', ['==1.10.*'], 'compile'],
    ['big', ['==2.10.*'], 'wheel'],
    ['big', ['~=dev'], 'wheel'],
    ['big', ['==dev.*'], 'wheel'],
    ['bad-since', ['==0.1'], 'wheel'],
    ['cryptography', ['===3.3.*'], 'wheel'], // arbitrary equality: no prefix matching (PEP 440)
    ['big', ['<foo'], 'wheel'], // an unparsable bound says nothing
    ['mid', ['==2.10.*'], 'wheel'],
    ['mid', ['==2.4.*'], 'compile'],
    ['big', ['~=v1.0'], 'compile'], // PEP 440 allows a leading v: ~=v1.0 is ~=1.0, below 2.0
    ['big', ['==v1.*'], 'compile'],
    ['big', ['~=1!1.0'], 'wheel'], // every release in epoch 1 is newer than 2.0 (epoch 0)
    ['late', ['~=10!1.0'], 'wheel'],
    ['late', ['~=10.1'], 'compile'],
  ])('%s %j -> %s', (name, specifiers, expected) => {
    expect(status(name, specifiers)).toBe(expected);
  });
  it('names the clause that selects an older release', () => {
    expect(one(req('cryptography', { specifiers: ['<3.0'] })).why).toBe('<3.0 selects a release older than 3.4, the first with a musllinux wheel for x86_64');
    expect(one(req('big', { specifiers: ['==1.10.*'] })).why).toBe('==1.10.* selects a release older than 2.0, the first with a musllinux wheel for x86_64');
  });
});

describe('collectApk', () => {
  it('sorts packages and the projects needing each, whatever the input order', () => {
    const decision = (name: string, build: string[], runtime: string[]): PackageDecision => ({ name, status: 'compile', why: '', build, runtime, sources: [], via: null });
    expect(collectApk([decision('zeta', ['zlib-dev', 'build-base'], ['zlib']), decision('alpha', ['build-base'], ['zlib', 'libffi'])])).toEqual({
      build: [
        { name: 'build-base', for: ['alpha', 'zeta'] },
        { name: 'zlib-dev', for: ['zeta'] },
      ],
      runtime: [
        { name: 'libffi', for: ['alpha'] },
        { name: 'zlib', for: ['alpha', 'zeta'] },
      ],
    });
  });
});
