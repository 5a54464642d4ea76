/**
 * Project names, from a fresh module (`vi.resetModules()`): WINDOWS_RESERVED and PYTHON_KEYWORDS
 * are module-level sets, so a mutant of them is only seen by a module built while it is on.
 * Expected values come from outside the code:
 * - the Windows reserved device names: https://learn.microsoft.com/windows/win32/fileio/naming-a-file#naming-conventions
 *   (CON, PRN, AUX, NUL, COM1-COM9, LPT1-LPT9; project names are lowercase);
 * - the Python keywords: `python3 -c 'import keyword; print(keyword.kwlist)'` (CPython 3.11.7 on this
 *   machine, the same 35 as https://docs.python.org/3/reference/lexical_analysis.html#keywords),
 *   lowercased like every project name;
 * - standard-library modules: `python3 -c 'import sys; print(sys.stdlib_module_names)'` holds json
 *   and py_compile.
 * Plain test titles: Stryker selects tests by name.
 */
import { describe, expect, it, vi } from 'vitest';

async function fresh() {
  vi.resetModules();
  return import('../../src/validate/project-name.ts');
}

// Microsoft's list, lowercased.
const WINDOWS_DEVICE_NAMES = [
  'con',
  'prn',
  'aux',
  'nul',
  'com1',
  'com2',
  'com3',
  'com4',
  'com5',
  'com6',
  'com7',
  'com8',
  'com9',
  'lpt1',
  'lpt2',
  'lpt3',
  'lpt4',
  'lpt5',
  'lpt6',
  'lpt7',
  'lpt8',
  'lpt9',
];

// keyword.kwlist of CPython 3.11.7, lowercased (False, None, True -> false, none, true).
const KWLIST_LOWERCASED = [
  'false',
  'none',
  'true',
  'and',
  'as',
  'assert',
  'async',
  'await',
  'break',
  'class',
  'continue',
  'def',
  'del',
  'elif',
  'else',
  'except',
  'finally',
  'for',
  'from',
  'global',
  'if',
  'import',
  'in',
  'is',
  'lambda',
  'nonlocal',
  'not',
  'or',
  'pass',
  'raise',
  'return',
  'try',
  'while',
  'with',
  'yield',
];

describe('project names from a fresh module', () => {
  it('every Windows device name is refused as reserved', async () => {
    const { checkProjectName } = await fresh();
    expect(WINDOWS_DEVICE_NAMES.map((name) => [name, checkProjectName(name)])).toEqual(WINDOWS_DEVICE_NAMES.map((name) => [name, 'is a reserved file name on Windows']));
  });

  it('every Python keyword is refused', async () => {
    const { checkProjectName } = await fresh();
    expect(KWLIST_LOWERCASED.map((name) => [name, checkProjectName(name)])).toEqual(KWLIST_LOWERCASED.map((name) => [name, 'is a Python keyword']));
  });

  it('a standard-library module name is refused, by its package name', async () => {
    const { checkProjectName, assertProjectName } = await fresh();
    expect(checkProjectName('json')).toBe('is the name of a Python standard-library module (the package json would shadow it)');
    expect(checkProjectName('py-compile')).toBe('is the name of a Python standard-library module (the package py_compile would shadow it)');
    expect(() => assertProjectName('json')).toThrow(
      'invalid project name "json": it is the name of a Python standard-library module (the package json would shadow it); pass --name with a name like "my-app"',
    );
    expect(checkProjectName('json-api')).toBeNull();
  });
});

describe('shadowing an installed project', () => {
  it('names the project, the package and the default flag', async () => {
    const { assertNoShadowing } = await fresh();
    expect(() => assertNoShadowing('yarl', ['aiohttp', 'multidict', 'yarl'])).toThrow(
      'invalid project name "yarl": its package yarl would shadow the yarl package the requirements install; pass --name with another name, like "yarl-app"',
    );
    expect(() => assertNoShadowing('typing-extensions', ['typing-extensions'], 'DIR')).toThrow(
      'invalid project name "typing-extensions": its package typing_extensions would shadow the typing-extensions package the requirements install; pass DIR with another name, like "typing-extensions-app"',
    );
    expect(assertNoShadowing('my-app', ['aiohttp', 'yarl'])).toBeUndefined();
  });

  it('compares module names, with dashes and dots of a project name read as underscores', async () => {
    const { findShadowed } = await fresh();
    expect(findShadowed('yarl', ['aiohttp', 'yarl'])).toBe('yarl');
    expect(findShadowed('typing-extensions', ['aiohttp', 'typing-extensions'])).toBe('typing-extensions');
    // A name not in PEP 503 form (dots kept) still maps to the module zope_interface.
    expect(findShadowed('zope-interface', ['zope.interface'])).toBe('zope.interface');
    expect(findShadowed('typingextensions', ['typing-extensions'])).toBeNull();
    expect(findShadowed('my-app', ['aiohttp', 'yarl'])).toBeNull();
  });
});
