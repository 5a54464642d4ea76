import { describe, expect, it } from 'vitest';
import { mergeThreeWay } from '../../src/merge/three-way.ts';
import { findUnresolvedConflicts } from '../../src/merge/conflict-markers.ts';
import { planFileChange } from '../../src/plan/file-change.ts';

const labels = { ours: 'yours', base: 'base', theirs: 'new' };
const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('three-way merge', () => {
  it('keeps edits in regions the regeneration does not touch', () => {
    const base = lines('A', 'B', 'C', 'D', 'E');
    const ours = lines('A', 'B', 'C', 'D', 'E', 'LABEL x=1');
    const theirs = lines('A', 'B2', 'C', 'D', 'E');
    expect(mergeThreeWay(base, ours, theirs, labels)).toEqual({ text: lines('A', 'B2', 'C', 'D', 'E', 'LABEL x=1'), conflicts: [] });
  });
  it('writes git-style markers where both changed the same lines', () => {
    const merged = mergeThreeWay(lines('A', 'B', 'C'), lines('A', 'mine', 'C'), lines('A', 'theirs', 'C'), labels);
    expect(merged.text).toBe(lines('A', '<<<<<<< yours', 'mine', '||||||| base', 'B', '=======', 'theirs', '>>>>>>> new', 'C'));
    expect(merged.conflicts).toEqual([{ start: 2, end: 8 }]);
    expect(findUnresolvedConflicts(merged.text)).toEqual([{ start: 2, end: 8 }]);
  });
  it('treats the same change on both sides as no conflict', () => {
    expect(mergeThreeWay(lines('A', 'B'), lines('A', 'X'), lines('A', 'X'), labels).conflicts).toEqual([]);
  });
});

describe('planFileChange', () => {
  it('rewrites an unedited file', () => {
    expect(planFileChange('Dockerfile', 'old\n', 'old\n', 'new\n', mergeThreeWay).action).toBe('update');
  });
  it('reports identical files', () => {
    expect(planFileChange('Dockerfile', 'same\n', 'old\n', 'same\n', mergeThreeWay).action).toBe('identical');
  });
  it('recreates a deleted file', () => {
    expect(planFileChange('Dockerfile', null, 'old\n', 'new\n', mergeThreeWay).action).toBe('create');
  });
  it('merges an edited file', () => {
    const change = planFileChange('Dockerfile', lines('# mine', 'A', 'B', 'C', 'D'), lines('A', 'B', 'C', 'D'), lines('A', 'B', 'C', 'D2'), mergeThreeWay);
    expect(change.action).toBe('merge');
    expect(change.next).toBe(lines('# mine', 'A', 'B', 'C', 'D2'));
  });
  it('an edit that is kept and nothing regenerated is identical', () => {
    const change = planFileChange('Dockerfile', lines('A', 'mine'), lines('A', 'B'), lines('A', 'B'), mergeThreeWay);
    expect(change.action).toBe('identical');
  });
  it('conflicts without a base unless the file already matches', () => {
    expect(planFileChange('Dockerfile', 'mine\n', null, 'new\n', mergeThreeWay).action).toBe('conflict');
  });
});
