/**
 * Alpine names and plain relative paths, from a fresh module (`vi.resetModules()`): the name and
 * path rules are module-level regexes, so a mutant of them is only seen by a module built while it
 * is on. Expected values come from the rules the modules cite: abuild's pkgname characters
 * [a-z0-9._+-] (https://wiki.alpinelinux.org/wiki/APKBUILD_Reference#pkgname), apk's `so:NAME.so[.N...]`
 * and `cmd:NAME` provides, and relative-path.ts's contract (letters, digits, ".", "_", "-" and "/",
 * relative, no ".." step). Plain test titles: Stryker selects tests by name.
 */
import { describe, expect, it, vi } from 'vitest';

async function freshApk() {
  vi.resetModules();
  return import('../../src/validate/apk-name.ts');
}

async function freshPath() {
  vi.resetModules();
  return import('../../src/validate/relative-path.ts');
}

describe('apk names from a fresh module', () => {
  it('package names, lowercase pkgname characters starting with a letter or digit', async () => {
    const { isApkName } = await freshApk();
    const names = ['libpq', 'py3-lxml', 'libstdc++', 'gtk+3.0', 'a', '-x', 'Libpq', 'x;y', 'libpq;rm', 'libpq ', 'a'.repeat(100), 'a'.repeat(101)];
    expect(names.map((name) => isApkName(name))).toEqual([true, true, true, true, true, false, false, false, false, false, true, false]);
  });

  it('so provides, a soname ending in so and numeric version parts', async () => {
    const { isApkName } = await freshApk();
    const names = [
      'so:libz.so',
      'so:libmagic.so.1',
      'so:libfoo.so.12',
      'so:libfoo.so.1.2.3',
      'so:libmagic.so.1;rm',
      'xso:libmagic.so.1',
      'so:libmagic.so.x',
      'so:.so',
      'so:libfoo',
    ];
    expect(names.map((name) => isApkName(name))).toEqual([true, true, true, true, false, false, false, false, false]);
  });

  it('cmd provides, a command name', async () => {
    const { isApkName } = await freshApk();
    const names = ['cmd:git', 'cmd:Xvfb', 'cmd:git;id', 'xcmd:git', 'cmd:-x', 'cmd:'];
    expect(names.map((name) => isApkName(name))).toEqual([true, true, false, false, false, false]);
  });
});

describe('apk lists that add and remove the same name', () => {
  it('names both spellings, the earlier one first', async () => {
    const { parseApkList } = await freshApk();
    expect(() => parseApkList('-gcc,+gcc', '--build-deps')).toThrow('--build-deps both adds and removes gcc (-gcc and +gcc): keep one');
    expect(() => parseApkList('+gcc -gcc', '--build-deps')).toThrow('--build-deps both adds and removes gcc (+gcc and -gcc): keep one');
    expect(() => parseApkList('gcc,-gcc', '--runtime-libs')).toThrow('--runtime-libs both adds and removes gcc (gcc and -gcc): keep one');
  });

  it('the same operation twice is no clash', async () => {
    const { parseApkList } = await freshApk();
    expect(parseApkList('-gcc -gcc', '--build-deps')).toEqual([
      { op: 'remove', name: 'gcc' },
      { op: 'remove', name: 'gcc' },
    ]);
    expect(parseApkList('gcc,+gcc', '--build-deps')).toEqual([
      { op: 'set', name: 'gcc' },
      { op: 'add', name: 'gcc' },
    ]);
  });
});

describe('plain relative paths from a fresh module', () => {
  it('accepts relative paths of the allowed characters', async () => {
    const { isPlainRelativePath } = await freshPath();
    const paths = ['requirements.txt', 'reqs/base.txt', 'a/b/c-d_e.txt', 'a', 'a/b'];
    expect(paths.map((path) => isPlainRelativePath(path))).toEqual([true, true, true, true, true]);
  });

  it('refuses absolute paths, trailing slashes, other characters and dot dot steps', async () => {
    const { isPlainRelativePath } = await freshPath();
    const paths = ['/etc/passwd', 'reqs/', 'reqs/a b.txt', 'a;b', ' a', 'a//b', '../a', 'a/../b', ''];
    expect(paths.map((path) => isPlainRelativePath(path))).toEqual([false, false, false, false, false, false, false, false, false]);
  });
});
