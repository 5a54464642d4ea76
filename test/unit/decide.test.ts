import { describe, expect, it } from 'vitest';
import { decide } from '../../src/knowledge/decide.ts';
import type { Knowledge } from '../../src/knowledge/decisions.ts';
import type { KnowledgeEntry } from '../../src/knowledge/schema.ts';
import type { Requirement } from '../../src/requirements/types.ts';

function entry(partial: Partial<KnowledgeEntry>): KnowledgeEntry {
  return { kind: 'native', build: [], runtime: [], dlopen: [], requires: [], musllinux: null, sources: [{ fact: 'wheels', ref: 'pypi:x/1' }], ...partial };
}

const KNOWLEDGE: Knowledge = {
  packages: new Map<string, KnowledgeEntry>([
    [
      'cryptography',
      entry({
        build: ['cargo', 'libffi-dev', 'openssl-dev'],
        runtime: ['libffi', 'libssl3'],
        requires: ['cffi'],
        musllinux: { since: { x86_64: '3.4', aarch64: '3.4' }, latest: '46.0.3', python: ['abi3', '3.8'] },
      }),
    ],
    [
      'cffi',
      entry({
        build: ['libffi-dev'],
        runtime: ['libffi'],
        musllinux: { since: { x86_64: '1.15.0', aarch64: '1.15.0' }, latest: '2.0.0', python: ['3.10', '3.11', '3.12', '3.13', '3.14'] },
      }),
    ],
    ['psycopg2', entry({ build: ['libpq-dev'], runtime: ['libpq'], musllinux: null })],
    ['python-magic', entry({ kind: 'pure', dlopen: ['libmagic'] })],
    ['old-wheels', entry({ musllinux: { since: { x86_64: '2.0' }, latest: '3.0', python: ['3.11'] } })],
    ['dropped-wheels', entry({ musllinux: { since: { x86_64: '1.0' }, latest: '4.0', python: [] } })],
  ]),
};

function req(name: string, specifiers: string[] = []): Requirement {
  return { file: 'requirements.txt', line: 1, text: name, name, extras: [], specifiers, marker: null, url: null, editable: false, options: [] };
}

const TARGET = { python: '3.12', arches: ['x86_64', 'aarch64'] as const };

describe('decide', () => {
  it('needs no compiler when everything has wheels (reference example)', () => {
    const result = decide([req('cryptography')], KNOWLEDGE, { ...TARGET, arches: [...TARGET.arches] });
    expect(result.packages.map((p) => [p.name, p.status, p.via])).toEqual([
      ['cffi', 'wheel', 'cryptography'],
      ['cryptography', 'wheel', null],
    ]);
    expect(result.apk).toEqual({ build: [], runtime: [] });
  });
  it('compiles an old pin below the first musllinux wheel, with reasons', () => {
    const result = decide([req('cryptography', ['==3.3.2'])], KNOWLEDGE, { ...TARGET, arches: [...TARGET.arches] });
    const crypto = result.packages.find((p) => p.name === 'cryptography')!;
    expect(crypto.status).toBe('compile');
    expect(crypto.why).toBe('==3.3.2 selects a release older than 3.4, the first with a musllinux wheel for x86_64');
    expect(result.apk.build.map((a) => a.name)).toEqual(['build-base', 'cargo', 'libffi-dev', 'openssl-dev']);
    expect(result.apk.build.find((a) => a.name === 'build-base')!.for).toEqual(['cryptography']);
    expect(result.apk.runtime.map((a) => a.name)).toEqual(['libffi', 'libssl3']);
  });
  it('compiles projects without musllinux wheels', () => {
    const result = decide([req('psycopg2')], KNOWLEDGE, { ...TARGET, arches: [...TARGET.arches] });
    expect(result.packages[0]).toMatchObject({ status: 'compile', build: ['build-base', 'libpq-dev'], runtime: ['libpq'] });
  });
  it('keeps dlopen libraries for pure projects', () => {
    const result = decide([req('python-magic')], KNOWLEDGE, { ...TARGET, arches: [...TARGET.arches] });
    expect(result.packages[0]!.status).toBe('pure');
    expect(result.apk).toEqual({ build: [], runtime: [{ name: 'libmagic', for: ['python-magic'] }] });
  });
  it('compiles when the Python version or an architecture has no wheel', () => {
    const result = decide([req('old-wheels')], KNOWLEDGE, { python: '3.11', arches: ['x86_64', 'aarch64'] });
    expect(result.packages[0]).toMatchObject({ status: 'compile', why: 'no release has a musllinux wheel for CPython 3.11 on aarch64' });
    const py312 = decide([req('old-wheels')], KNOWLEDGE, { python: '3.12', arches: ['x86_64'] });
    expect(py312.packages[0]).toMatchObject({ status: 'compile', why: 'no musllinux wheel for CPython 3.12 (latest 3.0 has 3.11)' });
  });
  it('says "none" when the latest release ships no musllinux wheel at all (older ones did)', () => {
    const result = decide([req('dropped-wheels')], KNOWLEDGE, { python: '3.12', arches: ['x86_64'] });
    expect(result.packages[0]).toMatchObject({ status: 'compile', why: 'no musllinux wheel for CPython 3.12 (latest 4.0 has none)' });
  });
  it('keeps a C and a Rust toolchain for unknown projects and says so (an unknown sdist may build with maturin)', () => {
    const result = decide([req('nobody-knows-me')], KNOWLEDGE, { python: '3.12', arches: ['x86_64'] });
    expect(result.packages[0]!.status).toBe('unknown');
    expect(result.apk.build).toEqual([
      { name: 'build-base', for: ['nobody-knows-me'] },
      { name: 'cargo', for: ['nobody-knows-me'] },
    ]);
    expect(result.warnings).toEqual([
      'unknown to the knowledge base: nobody-knows-me; the build stage keeps a C and a Rust toolchain (build-base, cargo) in case it compiles (no cost to the release image; explain --online --write records what the index has)',
    ]);
  });
});

describe('decide: specifiers against the first musllinux release', () => {
  const target = { python: '3.12', arches: ['x86_64' as const] };
  const status = (specifiers: string[]) => decide([req('cryptography', specifiers)], KNOWLEDGE, target).packages.find((p) => p.name === 'cryptography')!.status;
  it.each([
    [['>=3'], 'wheel'],
    [['==3.4'], 'wheel'],
    [['==3.3.2'], 'compile'],
    [['===3.3.2'], 'compile'],
    [['<3.4'], 'compile'],
    [['<3.5'], 'wheel'],
    [['<=3.4'], 'wheel'],
    [['<=3.3.9'], 'compile'],
    [['~=3.3'], 'wheel'],
    [['~=3.3.0'], 'compile'],
    [['==3.3.*'], 'compile'],
    [['==3.*'], 'wheel'],
    [['>=2', '<3'], 'compile'],
    [['!=3.4'], 'wheel'],
  ])('%j -> %s', (specifiers, expected) => {
    expect(status(specifiers as string[])).toBe(expected);
  });
});
