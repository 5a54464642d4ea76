import { describe, expect, it } from 'vitest';
import { chooseMergeBase, parsePendingMerges, serializePendingMerges } from '../../src/project/pending-merge.ts';

const fail = (problem: string): never => {
  throw new Error(problem);
};

describe('chooseMergeBase (issue 13 finding 2)', () => {
  const pending = { yours: 'FROM a\nRUN mine\n', render: 'FROM b\n' };
  it('keeps the stored base without a pending conflict, for a missing file, or while markers remain', () => {
    expect(chooseMergeBase('FROM x\n', 'BASE\n', undefined)).toBe('BASE\n');
    expect(chooseMergeBase(null, 'BASE\n', pending)).toBe('BASE\n');
    expect(chooseMergeBase('<<<<<<< yours\nA\n=======\nB\n>>>>>>> new\n', 'BASE\n', pending)).toBe('BASE\n');
  });
  it('keeps the stored base when the file is back to what it was before the conflict (thrown away)', () => {
    expect(chooseMergeBase(pending.yours, 'BASE\n', pending)).toBe('BASE\n');
  });
  it("merges a hand resolution against the conflict's render", () => {
    expect(chooseMergeBase('FROM b\nRUN mine\n', 'BASE\n', pending)).toBe('FROM b\n');
  });
});

describe('the pending record', () => {
  it('round-trips sorted, and is removed when empty', () => {
    const record = new Map([
      ['Dockerfile', { yours: null, render: 'R\n' }],
      ['.dockerignore', { yours: 'Y\n', render: 'S\n' }],
    ]);
    const text = serializePendingMerges(record)!;
    expect(Object.keys(JSON.parse(text))).toEqual(['.dockerignore', 'Dockerfile']);
    expect(parsePendingMerges(text, fail)).toEqual(record);
    expect(serializePendingMerges(new Map())).toBeNull();
    expect(parsePendingMerges(null, fail).size).toBe(0);
  });
  it('names what is wrong with a damaged record', () => {
    expect(() => parsePendingMerges('{', fail)).toThrow('is not valid JSON');
    expect(() => parsePendingMerges('[]', fail)).toThrow('must be a JSON object');
    expect(() => parsePendingMerges('{"Dockerfile": {"yours": 1, "render": "x"}}', fail)).toThrow('has an invalid entry for "Dockerfile"');
  });
});
