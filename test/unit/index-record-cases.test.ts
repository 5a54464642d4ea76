/**
 * What `explain --online --write` recorded in slim-python.json overrides the knowledge base for
 * that CPython version only (src/knowledge/index-record.ts, withIndexRecord): "compile" and "pure"
 * hold for every architecture, a "wheel" only when the record saw every target architecture.
 * Expectations are the entries written out.
 */
import { describe, expect, it } from 'vitest';
import type { Knowledge } from '../../src/knowledge/decisions.ts';
import { withIndexRecord, type IndexRecord } from '../../src/knowledge/index-record.ts';
import type { KnowledgeEntry } from '../../src/knowledge/schema.ts';

const RECORD_SOURCE = { fact: 'wheels', ref: 'slim-python.json index record' };

const known = (): KnowledgeEntry => ({
  kind: 'native',
  build: ['libffi-dev'],
  runtime: ['libffi'],
  dlopen: ['libmagic'],
  requires: ['cffi'],
  musllinux: { since: { x86_64: '1.0', aarch64: '1.1' }, latest: '2.0', python: ['3.11', '3.12'] },
  sources: [{ fact: 'build', ref: 'aports:main/py3-known' }],
});
const knownPure = (): KnowledgeEntry => ({ kind: 'pure', build: [], runtime: [], dlopen: ['zlib'], requires: [], musllinux: null, sources: [{ fact: 'dlopen', ref: 'upstream' }] });

const knowledge = (): Knowledge =>
  ({
    packages: new Map<string, KnowledgeEntry>([
      ['known', known()],
      ['known-pure', knownPure()],
    ]),
  }) as Knowledge;

const record = (packages: IndexRecord['packages'], arches: IndexRecord['arches'] = ['x86_64', 'aarch64'], python = '3.12'): IndexRecord => ({ python, arches, packages });

describe('withIndexRecord', () => {
  it('no record, or one made for another CPython: the knowledge base as it is', () => {
    const base = knowledge();
    expect(withIndexRecord(base, undefined, ['x86_64'], '3.12')).toBe(base);
    expect(withIndexRecord(base, record({ known: 'compile' }, ['x86_64'], '3.11'), ['x86_64'], '3.12')).toBe(base);
    expect(base.packages.get('known')).toEqual(known());
  });

  it('"compile" makes a known project wheel-less, keeping what it needs to build, and adds an unknown one', () => {
    const base = knowledge();
    const result = withIndexRecord(base, record({ known: 'compile', fresh: 'compile' }, ['x86_64']), ['x86_64', 'aarch64'], '3.12');
    expect(result.packages.get('known')).toEqual({
      kind: 'native',
      build: ['libffi-dev'],
      runtime: ['libffi'],
      dlopen: ['libmagic'],
      requires: ['cffi'],
      musllinux: null,
      sources: [{ fact: 'build', ref: 'aports:main/py3-known' }, RECORD_SOURCE],
    });
    expect(result.packages.get('fresh')).toEqual({ kind: 'native', build: [], runtime: [], dlopen: [], requires: [], musllinux: null, sources: [RECORD_SOURCE] });
    // Untouched entries are kept, and the knowledge base itself is not changed.
    expect(result.packages.get('known-pure')).toEqual(knownPure());
    expect(base.packages.get('known')).toEqual(known());
    expect(base.packages.has('fresh')).toBe(false);
  });

  it('"compile" turns a known pure project native', () => {
    const result = withIndexRecord(knowledge(), record({ 'known-pure': 'compile' }), ['x86_64'], '3.12');
    expect(result.packages.get('known-pure')).toEqual({ ...knownPure(), kind: 'native', musllinux: null, sources: [{ fact: 'dlopen', ref: 'upstream' }, RECORD_SOURCE] });
  });

  it('"pure" adds an unknown project as pure and leaves a known one as the knowledge base has it', () => {
    const result = withIndexRecord(knowledge(), record({ fresh: 'pure', known: 'pure' }), ['x86_64'], '3.12');
    expect(result.packages.get('fresh')).toEqual({ kind: 'pure', build: [], runtime: [], dlopen: [], requires: [], musllinux: null, sources: [RECORD_SOURCE] });
    expect(result.packages.get('known')).toEqual(known());
  });

  it('"wheel" seen on every target architecture: a musllinux wheel from any release, for this CPython', () => {
    const result = withIndexRecord(knowledge(), record({ known: 'wheel', fresh: 'wheel' }, ['aarch64', 'x86_64']), ['x86_64', 'aarch64'], '3.12');
    expect(result.packages.get('known')).toEqual({
      ...known(),
      musllinux: { since: { x86_64: '0', aarch64: '0' }, latest: '0', python: ['3.12'] },
      sources: [{ fact: 'build', ref: 'aports:main/py3-known' }, RECORD_SOURCE],
    });
    expect(result.packages.get('fresh')).toEqual({
      kind: 'native',
      build: [],
      runtime: [],
      dlopen: [],
      requires: [],
      musllinux: { since: { x86_64: '0', aarch64: '0' }, latest: '0', python: ['3.12'] },
      sources: [RECORD_SOURCE],
    });
  });

  it('"wheel" seen on x86_64 only says nothing about aarch64: nothing changes for a two-architecture target', () => {
    const result = withIndexRecord(knowledge(), record({ known: 'wheel', fresh: 'wheel' }, ['x86_64']), ['x86_64', 'aarch64'], '3.12');
    expect(result.packages.get('known')).toEqual(known());
    expect(result.packages.has('fresh')).toBe(false);
    expect([...result.packages.keys()].sort()).toEqual(['known', 'known-pure']);
  });

  it('"wheel" seen on x86_64 holds for an x86_64-only target', () => {
    const result = withIndexRecord(knowledge(), record({ fresh: 'wheel' }, ['x86_64']), ['x86_64'], '3.12');
    expect(result.packages.get('fresh')?.musllinux).toEqual({ since: { x86_64: '0' }, latest: '0', python: ['3.12'] });
  });
});
