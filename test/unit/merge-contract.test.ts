/**
 * The merge and conflict rules of update, exactly (written against the mutants Stryker found
 * surviving in src/plan/file-change.ts and src/merge/three-way.ts). Expectations are literal.
 */
import { describe, expect, it } from 'vitest';
import { mergeTakingTheirs, mergeThreeWay } from '../../src/merge/three-way.ts';
import { findUnresolvedConflicts } from '../../src/merge/conflict-markers.ts';
import { needsMerge, planFileChange } from '../../src/plan/file-change.ts';

const labels = { ours: 'yours', base: 'base', theirs: 'new' };
const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('mergeThreeWay edges', () => {
  it('empty texts merge to empty text', () => {
    expect(mergeThreeWay('', '', '', labels)).toEqual({ text: '', conflicts: [] });
    expect(mergeThreeWay('', '', 'A\n', labels)).toEqual({ text: 'A\n', conflicts: [] });
    expect(mergeThreeWay('A\n', '', 'A\n', labels)).toEqual({ text: '', conflicts: [] });
  });
  it('a conflict against an empty base shows an empty base section', () => {
    expect(mergeThreeWay('', 'mine\n', 'theirs\n', labels)).toEqual({
      text: lines('<<<<<<< yours', 'mine', '||||||| base', '=======', 'theirs', '>>>>>>> new'),
      conflicts: [{ start: 1, end: 6 }],
    });
  });
});

describe('mergeTakingTheirs (update --force)', () => {
  it('takes the new render where both changed and keeps what the plain merge keeps (a line inserted next to a changed one)', () => {
    const base = lines('FROM python:3.12 AS build', 'RUN a', 'CMD ["x"]');
    const ours = lines('FROM python:3.12 AS build', 'LABEL stage="build"', 'RUN a', 'CMD ["mine"]');
    const theirs = lines('FROM python:3.13 AS build', 'RUN a', 'CMD ["new"]');
    expect(mergeTakingTheirs(base, ours, theirs)).toBe(lines('FROM python:3.13 AS build', 'LABEL stage="build"', 'RUN a', 'CMD ["new"]'));
  });
  it('without a base, the new render whole', () => {
    expect(mergeTakingTheirs('', lines('mine'), lines('new'))).toBe(lines('new'));
  });
});

describe('planFileChange: actions, texts and labels', () => {
  it('an unedited file is replaced by the render, with no conflicts', () => {
    expect(planFileChange('Dockerfile', 'old\n', 'old\n', 'new\n', mergeThreeWay)).toEqual({
      path: 'Dockerfile',
      action: 'update',
      current: 'old\n',
      base: 'old\n',
      next: 'new\n',
      render: 'new\n',
      conflicts: [],
      noBase: false,
      notes: [],
    });
  });
  it('conflict markers name the file and each side', () => {
    const change = planFileChange('Dockerfile', lines('A', 'mine'), lines('A', 'B'), lines('A', 'theirs'), mergeThreeWay);
    expect(change.action).toBe('conflict');
    expect(change.next).toBe(
      lines('A', '<<<<<<< Dockerfile (yours)', 'mine', '||||||| Dockerfile (generated last time)', 'B', '=======', 'theirs', '>>>>>>> Dockerfile (generated now)'),
    );
    expect(change.conflicts).toEqual([{ start: 2, end: 8 }]);
  });
  it('without a stored base, the base section is empty (now: no markers at all, the file stays as it is)', () => {
    // An edited file with no stored base is its own conflict (wip/flows2): no markers (merging
    // against an empty base would be one block the size of the file), the file is left as it is.
    const change = planFileChange('.dockerignore', 'mine\n', null, 'new\n', mergeThreeWay);
    expect(change).toEqual({
      path: '.dockerignore',
      action: 'conflict',
      current: 'mine\n',
      base: null,
      next: 'mine\n',
      render: 'new\n',
      conflicts: [],
      noBase: true,
      notes: [],
    });
    expect(change.next).toBe(lines('mine'));
  });
  it('an edited file merged cleanly: the merged text, no conflicts, and no notes when the merge has none', () => {
    const mine = lines('# mine', 'A', 'B', 'C', 'D');
    expect(planFileChange('Dockerfile', mine, lines('A', 'B', 'C', 'D'), lines('A', 'B', 'C', 'D2'), mergeThreeWay)).toEqual({
      path: 'Dockerfile',
      action: 'merge',
      current: mine,
      base: lines('A', 'B', 'C', 'D'),
      next: lines('# mine', 'A', 'B', 'C', 'D2'),
      render: lines('A', 'B', 'C', 'D2'),
      conflicts: [],
      noBase: false,
      notes: [],
    });
  });
  it('identical and created files carry no conflicts', () => {
    expect(planFileChange('Dockerfile', 'same\n', 'old\n', 'same\n', mergeThreeWay).conflicts).toEqual([]);
    expect(planFileChange('Dockerfile', null, null, 'new\n', mergeThreeWay)).toMatchObject({ action: 'create', next: 'new\n', conflicts: [] });
  });
});

describe('needsMerge', () => {
  it.each([
    [null, 'base\n', 'new\n', false],
    ['new\n', 'base\n', 'new\n', false],
    ['base\n', 'base\n', 'new\n', false],
    ['mine\n', 'base\n', 'new\n', true],
    ['mine\n', null, 'new\n', true],
  ])('current %j, base %j, render %j -> %s', (current, base, render, expected) => {
    expect(needsMerge(current, base, render)).toBe(expected);
  });
});

describe('findUnresolvedConflicts', () => {
  it('finds each block by its line-start markers', () => {
    expect(findUnresolvedConflicts(lines('A', '<<<<<<< x', 'B', '=======', 'C', '>>>>>>> y', 'D', '<<<<<<< x', '>>>>>>> y'))).toEqual([
      { start: 2, end: 6 },
      { start: 8, end: 9 },
    ]);
  });
  it('needs both markers, at the start of a line', () => {
    expect(findUnresolvedConflicts(lines('<<<<<<< x', 'B'))).toEqual([]);
    expect(findUnresolvedConflicts(lines('B', '>>>>>>> y'))).toEqual([]);
    expect(findUnresolvedConflicts(lines('RUN echo "<<<<<<< x"', 'RUN echo ">>>>>>> y"'))).toEqual([]);
    expect(findUnresolvedConflicts(lines('# <<<<<<< x', '<<<<<<<x', '>>>>>>> y'))).toEqual([]);
  });
  it('ignores a closing marker before any opening one', () => {
    expect(findUnresolvedConflicts(lines('>>>>>>> stray', 'A', '<<<<<<< x', 'B', '>>>>>>> y'))).toEqual([{ start: 3, end: 5 }]);
  });
});
