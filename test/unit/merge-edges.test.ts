/**
 * The three-way merge of `update` at the edges the mutation run found untested: which stage a
 * conflict is in (the flag its note names), apk add lines that cannot be reconciled (they stay
 * conflicts, never guessed at), insertions around a changed block, and the unified diff
 * `--check` and `--dry-run` print. Every expectation is literal.
 */
import { describe, expect, it } from 'vitest';
import { resolveAdjacentInsertions } from '../../src/merge/adjacent-edits.ts';
import { mergeThreeWay } from '../../src/merge/three-way.ts';
import { unifiedDiff } from '../../src/merge/unified-diff.ts';

const labels = { ours: 'yours', base: 'base', theirs: 'new' };
const lines = (...l: string[]) => `${l.join('\n')}\n`;
const kept = (name: string, flag: string) => `you added ${name} to a generated apk add line: kept; record it with \`update ${flag} +${name}\` so the tool keeps it for you`;
const hint = (name: string, flag: string) => `you added ${name} to a generated apk add line: \`update ${flag} +${name}\` records it, so regenerations keep it without a hand edit`;

describe('the stage of a conflict decides the flag', () => {
  const stage = (from: string, packages: string) => lines(from, '# hadolint ignore=DL3018', `RUN apk add --no-cache ${packages}`, 'CMD ["app"]');
  const noteFor = (from: string) => mergeThreeWay(stage(from, 'tzdata'), stage(from, 'tzdata curl'), stage(from, 'tzdata libmagic'), labels).notes;

  it('the release stage, however the FROM line is spaced', () => {
    expect(noteFor('FROM alpine:3.24 AS release')).toEqual([kept('curl', '--runtime-libs')]);
    expect(noteFor('FROM alpine:3.24 AS  release')).toEqual([kept('curl', '--runtime-libs')]);
    expect(noteFor('FROM alpine:3.24 AS release ')).toEqual([kept('curl', '--runtime-libs')]);
    expect(noteFor('from alpine:3.24 as release')).toEqual([kept('curl', '--runtime-libs')]);
  });

  it('any other stage is a build stage: another name, or the name only in a comment', () => {
    expect(noteFor('FROM python:3.12-alpine AS build')).toEqual([kept('curl', '--build-deps')]);
    expect(noteFor('FROM alpine:3.24 AS release-old')).toEqual([kept('curl', '--build-deps')]);
    expect(noteFor('# FROM alpine:3.24 AS release')).toEqual([kept('curl', '--build-deps')]);
  });

  it("a continued package list in the release stage, below the build stage's own apk add line", () => {
    const two = (...packages: string[]) =>
      lines(
        'FROM python:3.12-alpine AS build',
        'RUN apk add --no-cache gcc',
        'FROM alpine:3.24 AS release',
        'RUN apk add --no-cache \\',
        ...packages.map((name, index) => `    ${name}${index < packages.length - 1 ? ' \\' : ''}`),
        'CMD ["app"]',
      );
    const merged = mergeThreeWay(two('tzdata', 'ca-certificates'), two('tzdata', 'ca-certificates', 'curl'), two('tzdata', 'ca-certificates', 'libmagic'), labels);
    expect(merged).toEqual({ text: two('tzdata', 'ca-certificates', 'libmagic', 'curl'), conflicts: [], notes: [kept('curl', '--runtime-libs')] });
  });
});

describe('apk add edits that stay conflicts', () => {
  const one = (line: string) => lines('FROM python:3.12-alpine AS build', line, 'CMD ["app"]');
  const merge = (base: string, ours: string, theirs: string) => mergeThreeWay(one(base), one(ours), one(theirs), labels);
  const conflictText = (ours: string, base: string, theirs: string) =>
    lines('FROM python:3.12-alpine AS build', '<<<<<<< yours', ours, '||||||| base', base, '=======', theirs, '>>>>>>> new', 'CMD ["app"]');

  it('the new render has no apk add line any more', () => {
    expect(merge('RUN apk add --no-cache gcc', 'RUN apk add --no-cache gcc curl', 'RUN echo none')).toEqual({
      text: conflictText('RUN apk add --no-cache gcc curl', 'RUN apk add --no-cache gcc', 'RUN echo none'),
      conflicts: [{ start: 2, end: 8 }],
      notes: [hint('curl', '--build-deps')],
    });
  });

  it('you replaced the apk add line', () => {
    expect(merge('RUN apk add --no-cache gcc', 'RUN echo mine', 'RUN apk add --no-cache gcc libffi-dev')).toEqual({
      text: conflictText('RUN echo mine', 'RUN apk add --no-cache gcc', 'RUN apk add --no-cache gcc libffi-dev'),
      conflicts: [{ start: 2, end: 8 }],
    });
  });

  it('you wrote an apk add line where the base had none', () => {
    expect(merge('RUN echo a', 'RUN apk add --no-cache curl', 'RUN echo b').conflicts).toEqual([{ start: 2, end: 8 }]);
  });

  it('you added a package and changed the rest of the line', () => {
    const merged = merge('RUN apk add --no-cache gcc', 'RUN apk add --no-cache gcc curl && echo hi', 'RUN apk add --no-cache gcc libffi-dev');
    expect(merged.conflicts).toEqual([{ start: 2, end: 8 }]);
    expect(merged.notes).toEqual([hint('curl', '--build-deps')]);
  });

  it('you only reordered the packages', () => {
    const merged = merge('RUN apk add --no-cache gcc musl-dev', 'RUN apk add --no-cache musl-dev gcc', 'RUN apk add --no-cache gcc musl-dev libffi-dev');
    expect(merged).toEqual({
      text: conflictText('RUN apk add --no-cache musl-dev gcc', 'RUN apk add --no-cache gcc musl-dev', 'RUN apk add --no-cache gcc musl-dev libffi-dev'),
      conflicts: [{ start: 2, end: 8 }],
    });
  });

  it('a continued list with an edit besides the package: a hint naming the flag of its stage', () => {
    const list = (from: string, last: string) => lines(from, 'RUN apk add --no-cache \\', '    tzdata \\', `    ${last}`, 'CMD ["app"]');
    for (const [from, flag] of [
      ['FROM alpine:3.24 AS build', '--build-deps'],
      ['FROM alpine:3.24 AS release', '--runtime-libs'],
    ] as const) {
      const merged = mergeThreeWay(list(from, 'ca-certificates'), list(from, 'ca-certificates curl && true'), list(from, 'ca-certificates libmagic'), labels);
      expect(merged.conflicts, from).toEqual([{ start: 4, end: 10 }]);
      expect(merged.notes, from).toEqual([hint('curl', flag)]);
    }
  });
});

describe('apk add edits that merge', () => {
  it('a package both you and the new render added appears once', () => {
    const one = (line: string) => lines('FROM python:3.12-alpine AS build', line, 'CMD ["app"]');
    const merged = mergeThreeWay(one('RUN apk add --no-cache gcc'), one('RUN apk add --no-cache gcc curl'), one('RUN apk add --no-cache gcc curl libffi-dev'), labels);
    expect(merged).toEqual({ text: one('RUN apk add --no-cache gcc curl libffi-dev'), conflicts: [], notes: [kept('curl', '--build-deps')] });
  });
});

describe('insertions around a changed block', () => {
  it('lines you added before a block the new render changed', () => {
    expect(resolveAdjacentInsertions(['a', 'b'], ['x', 'a', 'b'], ['A', 'B'])).toEqual(['x', 'A', 'B']);
    expect(resolveAdjacentInsertions(['a', 'b'], ['A', 'B'], ['a', 'b', 'y'])).toEqual(['A', 'B', 'y']);
  });

  it('a side equal to the base inserted nothing: no insertion to keep', () => {
    expect(resolveAdjacentInsertions(['a'], ['a'], ['b'])).toBeNull();
    expect(resolveAdjacentInsertions(['a', 'b'], ['B', 'b'], ['a', 'b'])).toBeNull();
  });

  it('an insertion plus a change of the block itself is no plain insertion', () => {
    expect(resolveAdjacentInsertions(['a', 'b'], ['x', 'a', 'c'], ['a', 'B'])).toBeNull();
    expect(resolveAdjacentInsertions(['a', 'b'], ['b', 'a', 'x'], ['A', 'B'])).toBeNull();
  });
});

describe('unifiedDiff', () => {
  it('a changed line, git style, without the ==== separator', () => {
    expect(unifiedDiff('Dockerfile', 'a\nb\n', 'a\nc\n')).toBe('--- a/Dockerfile\n+++ b/Dockerfile\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n');
  });

  it('three lines of context', () => {
    expect(unifiedDiff('Dockerfile', '1\n2\n3\n4\n5\n6\n7\n8\n9\n', '1\n2\n3\n4\nX\n6\n7\n8\n9\n')).toBe(
      '--- a/Dockerfile\n+++ b/Dockerfile\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+X\n 6\n 7\n 8\n',
    );
  });

  it('a new file and a removed one are diffed against /dev/null', () => {
    expect(unifiedDiff('.dockerignore', null, 'a\n')).toBe('--- /dev/null\n+++ b/.dockerignore\n@@ -0,0 +1,1 @@\n+a\n');
    expect(unifiedDiff('.dockerignore', 'a\n', null)).toBe('--- a/.dockerignore\n+++ /dev/null\n@@ -1,1 +0,0 @@\n-a\n');
  });

  it('nothing for equal texts (and for two missing files)', () => {
    expect(unifiedDiff('Dockerfile', 'a\n', 'a\n')).toBe('');
    expect(unifiedDiff('Dockerfile', null, null)).toBe('');
  });
});
