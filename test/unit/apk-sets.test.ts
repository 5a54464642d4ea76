import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.ts';
import { adjustmentsFor, currentList, resolveApkList, toAdjustments } from '../../src/plan/apk-sets.ts';

describe('apk list adjustments', () => {
  const inferred = ['build-base', 'cargo', 'libffi-dev'];
  it('a full list becomes a delta against the inferred one', () => {
    const adj = toAdjustments(inferred, [
      { op: 'set', name: 'build-base' },
      { op: 'set', name: 'linux-headers' },
    ]);
    expect(adj).toEqual({ add: ['linux-headers'], remove: ['cargo', 'libffi-dev'] });
    expect(currentList(inferred, adj)).toEqual(['build-base', 'linux-headers']);
  });
  it('+/- entries adjust the current list', () => {
    const previous = { add: ['git'], remove: [] };
    const adj = toAdjustments(
      inferred,
      [
        { op: 'remove', name: 'cargo' },
        { op: 'add', name: 'linux-headers' },
      ],
      previous,
    );
    expect(adj).toEqual({ add: ['git', 'linux-headers'], remove: ['cargo'] });
  });
  it('adjustmentsFor keeps nothing when everything is unchecked', () => {
    expect(adjustmentsFor(inferred, [])).toEqual({ add: [], remove: inferred });
  });
  it('resolves lines with reasons, sorted', () => {
    const lines = resolveApkList(
      [
        { name: 'libpq', for: ['psycopg2'] },
        { name: 'cargo', for: ['cryptography'] },
      ],
      { add: ['zlib'], remove: ['cargo'] },
      'loaded by',
    );
    expect(lines).toEqual([
      { name: 'libpq', reason: 'loaded by psycopg2', for: ['psycopg2'], by: 'decisions' },
      { name: 'zlib', reason: 'added by you (slim-python.json)', for: [], by: 'you' },
    ]);
  });
});

describe('toAdjustments: a -name that removes nothing, and the defaults', () => {
  it('without earlier adjustments, +name adds to the inferred list and nothing else', () => {
    expect(toAdjustments(['cargo'], [{ op: 'add', name: 'git' }])).toEqual({ add: ['git'], remove: [] });
  });
  it('-name may remove a package the same list adds or names (+git -git, git -git)', () => {
    expect(
      toAdjustments(
        ['cargo'],
        [
          { op: 'add', name: 'git' },
          { op: 'remove', name: 'git' },
        ],
      ),
    ).toEqual({ add: [], remove: [] });
    expect(
      toAdjustments(
        ['cargo'],
        [
          { op: 'set', name: 'git' },
          { op: 'remove', name: 'git' },
        ],
      ),
    ).toEqual({ add: [], remove: ['cargo'] });
  });
  it('-name of a package not in the list is a typo: the list, and the first near name in alphabetical order', () => {
    // libfi is one edit from libffi and two from libpq (substitutions f->p, i->q).
    expect(() => toAdjustments(['libpq', 'libffi'], [{ op: 'remove', name: 'libfi' }])).toThrow(
      new UsageError('-libfi removes nothing: libfi is not in the list (libffi, libpq); did you mean -libffi?'),
    );
    // Two edits (two letters dropped) is still near.
    expect(() => toAdjustments(['libffi-dev'], [{ op: 'remove', name: 'lbffi-dv' }])).toThrow(
      new UsageError('-lbffi-dv removes nothing: lbffi-dv is not in the list (libffi-dev); did you mean -libffi-dev?'),
    );
    expect(() => toAdjustments([], [{ op: 'remove', name: 'cargo' }])).toThrow(new UsageError('-cargo removes nothing: cargo is not in the list (empty)'));
  });
  it('adjustmentsFor sorts both lists whatever the order of the inferred and wanted names', () => {
    expect(adjustmentsFor(['zlib-dev', 'cargo', 'build-base'], ['tini', 'build-base', 'git'])).toEqual({ add: ['git', 'tini'], remove: ['cargo', 'zlib-dev'] });
  });
});
