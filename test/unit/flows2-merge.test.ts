/**
 * Issue 13, finding 9: edits next to generated lines merge instead of conflicting on every
 * update, a package added to (or removed from) a generated `apk add` line is recognised and
 * carried into the new render with a hint naming the flag that records it, and a missing merge
 * base says so instead of a whole-file conflict.
 */
import { describe, expect, it } from 'vitest';
import { mergeThreeWay } from '../../src/merge/three-way.ts';
import { planFileChange } from '../../src/plan/file-change.ts';

const labels = { ours: 'yours', base: 'base', theirs: 'new' };
const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('insertions next to regenerated lines', () => {
  it('a LABEL right after a FROM line that changes', () => {
    const base = lines('# top', 'FROM python:3.12-alpine3.24 AS build', 'RUN a', 'RUN b');
    const ours = lines('# top', 'FROM python:3.12-alpine3.24 AS build', 'LABEL team=core', 'RUN a', 'RUN b');
    const theirs = lines('# top', 'FROM python:3.13-alpine3.24 AS build', 'RUN a', 'RUN b');
    expect(mergeThreeWay(base, ours, theirs, labels)).toMatchObject({
      text: lines('# top', 'FROM python:3.13-alpine3.24 AS build', 'LABEL team=core', 'RUN a', 'RUN b'),
      conflicts: [],
    });
  });

  it('a line inserted right before a line that changes', () => {
    const merged = mergeThreeWay(lines('A', 'B', 'C'), lines('A', '# mine', 'B', 'C'), lines('A', 'B2', 'C'), labels);
    expect(merged).toMatchObject({ text: lines('A', '# mine', 'B2', 'C'), conflicts: [] });
  });

  it('new generated lines right next to a line you changed', () => {
    const merged = mergeThreeWay(lines('A', 'CMD ["x"]'), lines('A', 'CMD ["mine"]'), lines('A', 'HEALTHCHECK y', 'CMD ["x"]'), labels);
    expect(merged).toMatchObject({ text: lines('A', 'HEALTHCHECK y', 'CMD ["mine"]'), conflicts: [] });
  });

  it('both sides inserting different lines at one place still conflict', () => {
    expect(mergeThreeWay(lines('A', 'B'), lines('A', 'mine', 'B'), lines('A', 'theirs', 'B'), labels).conflicts).toHaveLength(1);
  });

  it('your change and theirs on the same line still conflict', () => {
    expect(mergeThreeWay(lines('A', 'B', 'C'), lines('A', 'mine', 'C'), lines('A', 'theirs', 'C'), labels).conflicts).toHaveLength(1);
  });
});

describe('packages you added to a generated apk add line', () => {
  const release = (packages: string) =>
    lines(
      'FROM alpine:3.24 AS release',
      '# hadolint ignore=DL3018',
      'RUN --mount=type=bind,from=build,source=/tmp/runtime-deps,target=/tmp/runtime-deps \\',
      `    xargs apk add --no-cache ${packages} < /tmp/runtime-deps`,
      'COPY --from=build /opt/venv /opt/venv',
    );

  it('release stage: kept in the new line, with the --runtime-libs flag that records it', () => {
    const merged = mergeThreeWay(release('ca-certificates tzdata'), release('ca-certificates tzdata curl'), release('ca-certificates tzdata libmagic'), labels);
    expect(merged.conflicts).toEqual([]);
    expect(merged.text).toBe(release('ca-certificates tzdata libmagic curl'));
    expect(merged.notes).toEqual(['you added curl to a generated apk add line: kept; record it with `update --runtime-libs +curl` so the tool keeps it for you']);
  });

  it('a package you removed stays removed, with the flag', () => {
    const merged = mergeThreeWay(release('ca-certificates tzdata'), release('ca-certificates'), release('ca-certificates tzdata libmagic'), labels);
    expect(merged.text).toBe(release('ca-certificates libmagic'));
    expect(merged.notes).toEqual(['you removed tzdata from a generated apk add line: kept removed; record it with `update --runtime-libs=-tzdata`']);
  });

  const build = (...packages: string[]) =>
    lines(
      'FROM python:3.12-alpine3.24 AS build',
      '# hadolint ignore=DL3018',
      'RUN apk add --no-cache \\',
      ...packages.map((name, index) => `      ${name}${index < packages.length - 1 ? ' \\' : ''}`),
      '',
      'ENV X=1',
    );

  it('build stage, one package per line: kept, with the --build-deps flag', () => {
    const merged = mergeThreeWay(build('binutils', 'build-base'), build('binutils', 'build-base', 'curl-dev'), build('binutils', 'build-base', 'libffi-dev'), labels);
    expect(merged.conflicts).toEqual([]);
    expect(merged.text).toBe(build('binutils', 'build-base', 'libffi-dev', 'curl-dev'));
    expect(merged.notes).toEqual(['you added curl-dev to a generated apk add line: kept; record it with `update --build-deps +curl-dev` so the tool keeps it for you']);
  });

  it('other edits on the line are not guessed at: a conflict', () => {
    const edited = release('ca-certificates tzdata').replace('xargs apk add', 'xargs -t apk add');
    expect(mergeThreeWay(release('ca-certificates tzdata'), edited, release('ca-certificates tzdata libmagic'), labels).conflicts).toHaveLength(1);
  });

  it('a conflict on an apk line you added a package to names the flag that records it', () => {
    const edited = release('ca-certificates tzdata tini').replace('xargs apk add', 'xargs -t apk add');
    const merged = mergeThreeWay(release('ca-certificates tzdata'), edited, release('ca-certificates tzdata libmagic'), labels);
    expect(merged.conflicts).toHaveLength(1);
    expect(merged.notes).toEqual(['you added tini to a generated apk add line: `update --runtime-libs +tini` records it, so regenerations keep it without a hand edit']);
  });
});

describe('a missing merge base', () => {
  it('is its own kind of conflict: no markers, the file left as it is', () => {
    const change = planFileChange('Dockerfile', 'mine\n', null, 'new\n', mergeThreeWay);
    expect(change).toMatchObject({ action: 'conflict', noBase: true, next: 'mine\n', conflicts: [] });
  });
});
