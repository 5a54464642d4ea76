import { describe, expect, it } from 'vitest';
import { checkProjectName, moduleNameOf } from '../../src/validate/project-name.ts';
import { isApkName, parseApkList } from '../../src/validate/apk-name.ts';
import { assertPort, assertPython, assertApp } from '../../src/validate/values.ts';

describe('project names', () => {
  it.each(['my-app', 'a', 'svc2', 'web-api-v2'])('accepts %s', (name) => {
    expect(checkProjectName(name)).toBeNull();
  });
  it.each([
    ['', 'is empty'],
    ['../evil', 'path separator'],
    ['a/b', 'path separator'],
    ['a\\b', 'path separator'],
    ['..', '".."'],
    ['-rf', 'starts with "-"'],
    ['café', 'non-ASCII'],
    ['My-App', 'lowercase'],
    ['1app', 'lowercase letter'],
    ['app-', 'ends with'],
    ['con', 'reserved'],
    ['lpt1', 'reserved'],
    ['class', 'Python keyword'],
    ['my app', 'lowercase'],
    ['a'.repeat(65), 'longer'],
    ['x\ny', 'control'],
  ])('rejects %j', (name, problem) => {
    expect(checkProjectName(name)).toContain(problem);
  });
  it('derives a Python identifier', () => {
    expect(moduleNameOf('my-app')).toBe('my_app');
  });
});

describe('apk names', () => {
  it.each(['libpq', 'build-base', 'py3-pip', 'libstdc++', 'so:libmagic.so.1', 'cmd:git', 'gtk+3.0'])('accepts %s', (name) => {
    expect(isApkName(name)).toBe(true);
  });
  it.each(['', 'LibPQ', '-x', 'a b', 'a;rm', '$(id)', 'a`b`', 'so:', 'a\nb', 'x'.repeat(101), 'so:libfoo'])('rejects %j', (name) => {
    expect(isApkName(name)).toBe(false);
  });
  it('parses lists with + and - adjustments', () => {
    expect(parseApkList('libpq, +linux-headers -cargo', '--build-deps')).toEqual([
      { op: 'set', name: 'libpq' },
      { op: 'add', name: 'linux-headers' },
      { op: 'remove', name: 'cargo' },
    ]);
  });
  it('names the flag in errors', () => {
    expect(() => parseApkList('libpq,$(reboot)', '--runtime-libs')).toThrow(/--runtime-libs/);
  });
});

describe('values', () => {
  it('validates ports for a non-root app', () => {
    expect(assertPort('8080')).toBe(8080);
    for (const bad of ['80', '0', '65536', '8080x', '', '-1', '1e4']) expect(() => assertPort(bad)).toThrow(/--port/);
  });
  it('validates python runtimes', () => {
    expect(assertPython('3.12').image).toMatch(/^python:3\.12-alpine3\.\d+$/);
    expect(assertPython('alpine').system).toBe(true);
    for (const bad of ['3.9', '3.12\n', 'latest', '3']) expect(() => assertPython(bad)).toThrow(/--python/);
  });
  it('validates app kinds', () => {
    expect(assertApp('web')).toBe('web');
    expect(() => assertApp('gui')).toThrow(/web, fastapi, cli/);
  });
});
