/**
 * editDistance and suggestApkName (src/knowledge/apk-suggest.ts), the cases
 * test/unit/apk-suggest.test.ts leaves out: a real adjacent transposition (optimal string alignment
 * counts it as one edit, Levenshtein as two), insertions before the first letter, the two-edit
 * limit from 8 letters on, ties and provides (so:, cmd:), with the name list given explicitly.
 */
import { describe, expect, it } from 'vitest';
import { editDistance, suggestApkName } from '../../src/knowledge/apk-suggest.ts';

describe('editDistance (optimal string alignment)', () => {
  it('an adjacent transposition is one edit', () => {
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('zlib-dve', 'zlib-dev')).toBe(1);
    expect(editDistance('lbixml2', 'libxml2')).toBe(1);
  });

  it('two letters that only half match a swap are two edits', () => {
    // "ac" -> "ba": the a moves, but c is not b; "ca" -> "ab": likewise.
    expect(editDistance('ac', 'ba')).toBe(2);
    expect(editDistance('ca', 'ab')).toBe(2);
  });

  it('insertions and deletions count one each, from the empty string on', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('x', 'ab')).toBe(2);
    expect(editDistance('c', 'abc')).toBe(2);
  });
});

describe('suggestApkName with a given list', () => {
  it('provides (so:, cmd:) are never corrected, even next to a known provide', () => {
    expect(suggestApkName('so:libz.so.2', ['so:libz.so.1'])).toBeNull();
    expect(suggestApkName('cmd:gitt', ['cmd:git'])).toBeNull();
    expect(suggestApkName('libz.so:', ['libz.so:1'])).toBe('libz.so:1');
  });

  it('a known name is no typo, even when another one is a single edit away', () => {
    expect(suggestApkName('zlib-dev', ['zlib-dev', 'zlib-devx'])).toBeNull();
  });

  it('two edits are allowed from 8 letters on, one below', () => {
    expect(suggestApkName('zlb-devl', ['zlib-dev'])).toBe('zlib-dev');
    expect(suggestApkName('zlb-dvl', ['zlib-dv'])).toBeNull();
    expect(suggestApkName('zlbdev', ['zlib-dev'])).toBeNull();
    expect(suggestApkName('tinyx', ['curl', 'bash'])).toBeNull();
  });

  it('the nearest name wins; between equally near names, the first in the list', () => {
    expect(suggestApkName('libpq-devv', ['libpq-devvvv', 'libpq-dev'])).toBe('libpq-dev');
    expect(suggestApkName('libpq-devv', ['libpq-deva', 'libpq-dev'])).toBe('libpq-deva');
    expect(suggestApkName('libpq-devv', ['libpq-dev', 'libpq-deva'])).toBe('libpq-dev');
  });

  it('with the known Alpine names, ties go to the alphabetically first name, whatever order the data files list them in', () => {
    // "cario" is one edit from cairo (r and i swapped) and from cargo (i -> g); "carro" from both by one substitution; cairo sorts first.
    expect(suggestApkName('cario')).toBe('cairo');
    expect(suggestApkName('carro')).toBe('cairo');
  });
});
