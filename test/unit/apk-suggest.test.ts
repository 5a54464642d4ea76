import { describe, expect, it } from 'vitest';
import { editDistance, suggestApkName, warnApkTypos } from '../../src/knowledge/apk-suggest.ts';
import { parseApkList } from '../../src/validate/apk-name.ts';
import { toAdjustments } from '../../src/plan/apk-sets.ts';

describe('suggestApkName (issue 13 finding 10)', () => {
  it('measures edits, transpositions included', () => {
    expect(editDistance('libpq-devv', 'libpq-dev')).toBe(1);
    expect(editDistance('opensll-dev', 'openssl-dev')).toBe(1);
    expect(editDistance('zlib-devel', 'zlib-dev')).toBe(2);
    expect(editDistance('tini', 'tiff')).toBe(2);
  });

  it('suggests the nearest known name for typos, nothing for known, provides or far names', () => {
    expect(suggestApkName('libpq-devv')).toBe('libpq-dev');
    expect(suggestApkName('opensll-dev')).toBe('openssl-dev');
    expect(suggestApkName('zlib-devel')).toBe('zlib-dev');
    expect(suggestApkName('linux-header')).toBe('linux-headers');
    for (const name of ['libpq-dev', 'tini', 'curl', 'git', 'bash', 'tzdata', 'so:libpq.so.5', 'cmd:pg_dump']) expect(suggestApkName(name), name).toBeNull();
  });

  it('warns for added names only, naming the stage', () => {
    const warnings = warnApkTypos({ buildDeps: { add: ['libpq-devv'], remove: [] }, runtimeLibs: { add: ['tini', 'libxslt1'], remove: ['libpqq'] } });
    expect(warnings).toEqual([
      'Alpine build package "libpq-devv" is not a name this tool knows: did you mean "libpq-dev"? (kept as given; apk fails at build time if it does not exist)',
      'Alpine runtime package "libxslt1" is not a name this tool knows: did you mean "libxslt"? (kept as given; apk fails at build time if it does not exist)',
    ]);
  });
});

describe('apk lists that used to be taken quietly', () => {
  it('refuses adding and removing one name in the same list', () => {
    expect(() => parseApkList('+gcc,-gcc', '--build-deps')).toThrow('--build-deps both adds and removes gcc (+gcc and -gcc): keep one');
    expect(() => parseApkList('gcc -gcc', '--build-deps')).toThrow(/both adds and removes gcc/);
    expect(parseApkList('+gcc,+gcc', '--build-deps')).toHaveLength(2);
  });

  it('an empty list replaces the inferred one with nothing', () => {
    expect(toAdjustments(['libpq'], parseApkList('', '--runtime-libs'))).toEqual({ add: [], remove: ['libpq'] });
  });
});

describe('a removal that removes nothing', () => {
  it('is refused with the current list and the nearest name', () => {
    expect(() => toAdjustments(['build-base', 'libpq-dev'], parseApkList('-libpq-devv', '--build-deps'))).toThrow(
      '-libpq-devv removes nothing: libpq-devv is not in the list (build-base, libpq-dev); did you mean -libpq-dev?',
    );
    expect(() => toAdjustments([], parseApkList('-tini', '--runtime-libs'))).toThrow('-tini removes nothing: tini is not in the list (empty)');
  });

  it('stays idempotent: removing an inferred name again, or a name added before, is fine', () => {
    const previous = { add: ['tini'], remove: ['libpq-dev'] };
    expect(toAdjustments(['build-base', 'libpq-dev'], parseApkList('-libpq-dev', '--build-deps'), previous)).toEqual({ add: ['tini'], remove: ['libpq-dev'] });
    expect(toAdjustments(['build-base'], parseApkList('-tini', '--build-deps'), previous)).toEqual({ add: [], remove: [] });
  });
});
