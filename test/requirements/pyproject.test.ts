import { describe, expect, it } from 'vitest';
import { parsePyprojectDependencies } from '../../src/requirements/pyproject.ts';

describe('parsePyprojectDependencies', () => {
  it('reads [project] dependencies with the line each string is on', () => {
    const text = ['[project]', 'name = "app"', 'dependencies = [', '  "requests>=2.31",', '  \'uvloop; sys_platform != "win32"\',', ']', ''].join('\n');
    expect(parsePyprojectDependencies(text, 'pyproject.toml').map((r) => [r.line, r.name, r.marker])).toEqual([
      [4, 'requests', null],
      [5, 'uvloop', 'sys_platform != "win32"'],
    ]);
  });

  it('returns nothing without a [project] table or dependencies', () => {
    expect(parsePyprojectDependencies('[tool.x]\na = 1\n', 'pyproject.toml')).toEqual([]);
    expect(parsePyprojectDependencies('[project]\nname = "x"\n', 'pyproject.toml')).toEqual([]);
  });

  it('reports TOML errors, wrong types and bad requirements with a line', () => {
    expect(() => parsePyprojectDependencies('[project]\nname = \n', 'pyproject.toml')).toThrow(/pyproject\.toml:2: invalid TOML/);
    expect(() => parsePyprojectDependencies('[project]\ndependencies = "requests"\n', 'pyproject.toml')).toThrow(
      /pyproject\.toml:2: \[project\] dependencies must be an array of strings/,
    );
    expect(() => parsePyprojectDependencies('[project]\ndependencies = [\n  "ok",\n  "bad==",\n]\n', 'pyproject.toml')).toThrow(/pyproject\.toml:4: Invalid requirement "bad=="/);
  });
});
