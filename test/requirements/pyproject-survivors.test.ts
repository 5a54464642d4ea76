/**
 * More cases for `[project] dependencies` (src/requirements/pyproject.ts), each a survivor of the
 * requirements mutation run (docs/mutation-explained-requirements.txt). Expectations come from the TOML
 * spec (whitespace around `=` is optional) and the line each string is written on; a TOML message
 * is smol-toml 1.9.1's first line, as printed by it for the same text. Fresh modules: the key
 * pattern is module-level.
 */
import { describe, expect, it, vi } from 'vitest';

async function fresh() {
  vi.resetModules();
  return import('../../src/requirements/pyproject.ts');
}

const lines = (deps: { name: string | null; line: number }[]) => deps.map(({ name, line }) => [name, line]);

describe('parsePyprojectDependencies: lines', () => {
  it('the strings are looked for from the dependencies key on, whatever the spacing before its `=`', async () => {
    const { parsePyprojectDependencies } = await fresh();
    expect(lines(parsePyprojectDependencies('[project]\nname = "b"\ndependencies=["b"]\n', 'p.toml'))).toEqual([['b', 3]]);
    expect(lines(parsePyprojectDependencies('[project]\nname = "b"\ndependencies \t = ["b"]\n', 'p.toml'))).toEqual([['b', 3]]);
    expect(lines(parsePyprojectDependencies('[project]\nname = "b"\ndependencies = ["b"]\n', 'p.toml'))).toEqual([['b', 3]]);
  });

  it('a string not found as written (escapes) does not move the search: the next one is still looked for after the key', async () => {
    const { parsePyprojectDependencies } = await fresh();
    expect(lines(parsePyprojectDependencies('[project]\nname = "c"\ndependencies = ["\\u0062", "c"]\n', 'p.toml'))).toEqual([
      ['b', 3],
      ['c', 3],
    ]);
  });
});

describe('parseTomlDocument: errors', () => {
  it('invalid TOML names the line and only the first line of the parser message', async () => {
    const { parseTomlDocument } = await fresh();
    expect(() => parseTomlDocument('[project]\nname = \n', 'p.toml')).toThrow(/^p\.toml:2: invalid TOML: Invalid TOML document: invalid value$/);
  });

  it('an error of the parser that is no TOML error is passed on as it is, not blamed on the file', async () => {
    // smol-toml 1.9.1 throws only TomlError on any text, so a failing parser stands in for a bug of it.
    vi.resetModules();
    vi.doMock('smol-toml', async (original) => ({
      ...(await original<typeof import('smol-toml')>()),
      parse: () => {
        throw new RangeError('parser bug');
      },
    }));
    try {
      const { parseTomlDocument } = await import('../../src/requirements/pyproject.ts');
      expect(() => parseTomlDocument('a = 1\n', 'p.toml')).toThrow(new RangeError('parser bug'));
    } finally {
      vi.doUnmock('smol-toml');
      vi.resetModules();
    }
  });
});
