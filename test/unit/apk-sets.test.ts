import { describe, expect, it } from 'vitest';
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
