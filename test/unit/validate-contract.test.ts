/**
 * Validation rules, value by value (written against Stryker's survivors in src/validate/):
 * every reserved name, every boundary, every anchor. Expectations are literal.
 */
import { describe, expect, it } from 'vitest';
import { isApkName, parseApkList } from '../../src/validate/apk-name.ts';
import { assertProjectName, checkProjectName } from '../../src/validate/project-name.ts';
import { assertApp, assertPort, assertPython, isPort } from '../../src/validate/values.ts';

describe('project names', () => {
  // Every reserved device name and keyword, with its message: project-name-cases.test.ts (a fresh module).
  it('near misses are fine', () => {
    for (const name of ['con1', 'com10', 'lpt0', 'classes', 'my-class', 'a', 'a'.repeat(64)]) expect(checkProjectName(name), name).toBeNull();
  });

  it.each([
    ['', 'is empty'],
    ['a'.repeat(65), 'is longer than 64 characters'],
    ['a/b', 'contains a path separator'],
    ['a\\b', 'contains a path separator'],
    ['.', 'contains ".."'],
    ['..', 'contains ".."'],
    ['a..b', 'contains ".."'],
    ['-a', 'starts with "-"'],
    ['café', 'contains non-ASCII or control characters'],
    ['a\tb', 'contains non-ASCII or control characters'],
    ['My-app', 'must start with a lowercase letter and use only lowercase letters, digits and "-"'],
    ['a.b', 'must start with a lowercase letter and use only lowercase letters, digits and "-"'],
    ['app-', 'ends with "-"'],
  ])('project name problem #%#', (name, problem) => {
    expect(checkProjectName(name)).toBe(problem);
  });

  it('the usage error names the flag', () => {
    expect(() => assertProjectName('My App')).toThrow(
      'invalid project name "My App": it must start with a lowercase letter and use only lowercase letters, digits and "-"; pass --name with a name like "my-app"',
    );
    expect(() => assertProjectName('con', 'DIR')).toThrow('invalid project name "con": it is a reserved file name on Windows; pass DIR with a name like "my-app"');
    expect(assertProjectName('ok-name')).toBe('ok-name');
  });
});

describe('Alpine names', () => {
  it.each([
    ['libpq', true],
    ['py3-lxml', true],
    ['libstdc++', true],
    ['gtk+3.0', true],
    ['a', true],
    ['a'.repeat(100), true],
    ['', false],
    ['a'.repeat(101), false],
    ['Libpq', false],
    ['-x', false],
    ['x;y', false],
    ['so:libmagic.so.1', true],
    ['so:libz.so', true],
    ['so:libfoo.so.1.2.3', true],
    ['so:libmagic.so.1;rm', false],
    ['xso:libmagic.so.1', false],
    ['so:libmagic.so.x', false],
    ['so:libmagic.so.1.', false],
    ['so:libfoo.so.12', true],
    ['cmd:git', true],
    ['cmd:git;id', false],
    ['xcmd:git', false],
    // Plain titles (%#): Stryker selects tests by name, and names full of quotes and symbols
    // were not matched, so their mutants looked like survivors.
  ])('apk name #%#', (name, valid) => {
    expect(isApkName(name), name).toBe(valid);
  });

  it('parses lists with commas, spaces, + and -', () => {
    expect(parseApkList(' libpq, +zlib  -cargo,,', '--build-deps')).toEqual([
      { op: 'set', name: 'libpq' },
      { op: 'add', name: 'zlib' },
      { op: 'remove', name: 'cargo' },
    ]);
    expect(parseApkList('', '--runtime-libs')).toEqual([]);
    expect(() => parseApkList('libpq,$(id)', '--runtime-libs')).toThrow(
      'invalid Alpine package name "$(id)" in --runtime-libs: use names like "libpq" or "so:libmagic.so.1" (lowercase letters, digits, ".", "_", "+", "-")',
    );
  });
});

describe('values', () => {
  it('ports: 1024 to 65535', () => {
    expect([1023, 1024, 65535, 65536].map((port) => isPort(port))).toEqual([false, true, true, false]);
    expect(['1024', '65535', '8080x', '01024', '080', '', '123456'].map((port) => isPort(port))).toEqual([true, true, false, true, false, false, false]);
    expect(assertPort('8080')).toBe(8080);
    expect(() => assertPort('80')).toThrow('invalid port "80" in --port: use a number from 1024 to 65535 (the app runs as a non-root user)');
  });

  it('python and app kinds, with where the value came from', () => {
    expect(assertPython('3.12').id).toBe('3.12');
    expect(() => assertPython('3.9')).toThrow('unsupported Python runtime "3.9" in --python: use one of 3.15, 3.14, 3.13, 3.12, 3.11, 3.10, alpine');
    expect(() => assertPython('2', 'slim-python.json "python"')).toThrow('unsupported Python runtime "2" in slim-python.json "python": use one of');
    expect(assertApp('cli')).toBe('cli');
    expect(() => assertApp('gui')).toThrow('invalid app kind "gui" in --app: use one of web, fastapi, cli');
    expect(() => assertApp('gui', 'the config')).toThrow('invalid app kind "gui" in the config: use one of web, fastapi, cli');
  });
});
