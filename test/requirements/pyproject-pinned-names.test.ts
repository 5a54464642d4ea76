/**
 * pyproject.toml `[project] dependencies` (PEP 621, each entry a PEP 508 string), the pip-compile
 * lock check, and the name rules of PEP 503 / PEP 508 (src/requirements/pyproject.ts, pinned.ts,
 * normalize.ts, types.ts), with literal expectations from those specifications. Fresh modules:
 * the name patterns and ARCHES are module-level.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Requirement } from '../../src/requirements/types.ts';
import { messageOf } from '../support/errors.ts';

async function fresh() {
  vi.resetModules();
  const [pyproject, pinned, normalize, types] = await Promise.all([
    import('../../src/requirements/pyproject.ts'),
    import('../../src/requirements/pinned.ts'),
    import('../../src/requirements/normalize.ts'),
    import('../../src/requirements/types.ts'),
  ]);
  return { ...pyproject, ...pinned, ...normalize, ...types };
}

describe('parsePyprojectDependencies', () => {
  it('each dependency string with the line it is written on', async () => {
    const { parsePyprojectDependencies } = await fresh();
    const text = `[build-system]
requires = ["hatchling"]

[project]
name = "app"
  dependencies = [
  "requests>=2",
  "Django[bcrypt] ~= 5.0 ; python_version >= '3.10'",
  "requests>=2",
]
`;
    const deps = parsePyprojectDependencies(text, 'pyproject.toml');
    expect(deps.map(({ line, name, text: written, extras, specifiers, marker }) => ({ line, name, written, extras, specifiers, marker }))).toEqual([
      { line: 7, name: 'requests', written: 'requests>=2', extras: [], specifiers: ['>=2'], marker: null },
      { line: 8, name: 'django', written: "Django[bcrypt] ~= 5.0 ; python_version >= '3.10'", extras: ['bcrypt'], specifiers: ['~=5.0'], marker: 'python_version >= "3.10"' },
      { line: 9, name: 'requests', written: 'requests>=2', extras: [], specifiers: ['>=2'], marker: null },
    ]);
    expect(deps[0]!.file).toBe('pyproject.toml');
  });

  it('an inline array on the key line; a string written with escapes falls back to the key line', async () => {
    const { parsePyprojectDependencies } = await fresh();
    expect(parsePyprojectDependencies('[project]\nname = "a"\ndependencies = ["b", "c"]\n', 'p.toml').map((r) => [r.name, r.line])).toEqual([
      ['b', 3],
      ['c', 3],
    ]);
    expect(parsePyprojectDependencies('[project]\ndependencies = [\n  "\\u0062==1",\n]\n', 'p.toml').map((r) => [r.name, r.line])).toEqual([['b', 2]]);
    // Without a `dependencies =` line of its own (a dotted key), lines start at 1.
    expect(parsePyprojectDependencies('project.dependencies = ["\\u0062"]\n', 'p.toml').map((r) => [r.name, r.line])).toEqual([['b', 1]]);
  });

  it('no [project] table or no dependencies key: none', async () => {
    const { parsePyprojectDependencies } = await fresh();
    expect(parsePyprojectDependencies('[tool.x]\ny = 1\n', 'p.toml')).toEqual([]);
    expect(parsePyprojectDependencies('[project]\nname = "a"\n', 'p.toml')).toEqual([]);
    expect(parsePyprojectDependencies('', 'p.toml')).toEqual([]);
  });

  it('refusals name the file and, where known, the line', async () => {
    const { parsePyprojectDependencies, parseTomlDocument } = await fresh();
    expect(messageOf(() => parsePyprojectDependencies('project = 1\n', 'p.toml'))).toBe('p.toml: [project] must be a table');
    expect(messageOf(() => parsePyprojectDependencies('project = [1]\n', 'p.toml'))).toBe('p.toml: [project] must be a table');
    expect(messageOf(() => parsePyprojectDependencies('[project]\nname = "a"\ndependencies = "b"\n', 'p.toml'))).toBe(
      'p.toml:3: [project] dependencies must be an array of strings',
    );
    expect(messageOf(() => parsePyprojectDependencies('[project]\ndependencies = ["a", 1]\n', 'p.toml'))).toBe('p.toml:2: [project] dependencies must be an array of strings');
    expect(messageOf(() => parsePyprojectDependencies('project.dependencies = "b"\n', 'p.toml'))).toBe('p.toml: [project] dependencies must be an array of strings');
    expect(messageOf(() => parsePyprojectDependencies('[project]\ndependencies = [\n  "ok",\n  "bad[",\n]\n', 'p.toml'))).toBe(
      'p.toml:4: Invalid requirement "bad[": Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras (at character 4)',
    );
    expect(messageOf(() => parseTomlDocument('a = 1\nb = \n', 'p.toml'))).toMatch(/^p\.toml:2: invalid TOML: /);
    expect(parseTomlDocument('a = 1\n', 'p.toml')).toEqual({ a: 1 });
  });
});

describe('isFullyPinned: a pip-compile --generate-hashes lock', () => {
  const req = (more: Partial<Requirement>): Requirement => ({
    file: 'r.txt',
    line: 1,
    text: 'x',
    name: 'x',
    extras: [],
    specifiers: ['==1.0'],
    marker: null,
    url: null,
    editable: false,
    options: ['--hash=sha256:aa'],
    ...more,
  });

  it('every named requirement pinned with == or === to one release, each with a hash', async () => {
    const { isFullyPinned } = await fresh();
    expect(isFullyPinned([req({}), req({ name: 'y', specifiers: ['===1.0'] })])).toBe(true);
    // Unnamed (path/URL) requirements are not judged.
    expect(isFullyPinned([req({}), req({ name: null, url: './x', specifiers: [], options: [] })])).toBe(true);
    expect(isFullyPinned([req({ options: ['--config-settings=a=b', '--hash=sha256:aa'] })])).toBe(true);
  });

  it('anything less is no lock', async () => {
    const { isFullyPinned } = await fresh();
    expect(isFullyPinned([])).toBe(false);
    expect(isFullyPinned([req({ name: null, url: './x' })])).toBe(false);
    expect(isFullyPinned([req({}), req({ options: [] })])).toBe(false);
    expect(isFullyPinned([req({ options: ['--config-settings=hash=x'] })])).toBe(false);
    expect(isFullyPinned([req({ specifiers: ['>=1.0'] })])).toBe(false);
    expect(isFullyPinned([req({ specifiers: ['==1.*'] })])).toBe(false);
    expect(isFullyPinned([req({ specifiers: ['~=1.0'] })])).toBe(false);
    expect(isFullyPinned([req({ specifiers: ['<==1.0'] })])).toBe(false);
    expect(isFullyPinned([req({ specifiers: ['==1.0', '!=1.1'] })])).toBe(false);
    expect(isFullyPinned([req({ specifiers: [] })])).toBe(false);
    expect(isFullyPinned([req({ url: 'https://x/y.whl' })])).toBe(false);
    expect(isFullyPinned([req({ specifiers: ['=='] })])).toBe(false);
  });
});

describe('project names (PEP 503, PEP 508)', () => {
  it('normalizeName: runs of - _ . become one -, lower case', async () => {
    const { normalizeName } = await fresh();
    expect(normalizeName('Foo.Bar_baz--Qux')).toBe('foo-bar-baz-qux');
    expect(normalizeName('a._-b')).toBe('a-b');
    expect(normalizeName('A')).toBe('a');
    expect(normalizeName('a__b..c')).toBe('a-b-c');
  });

  it('isValidProjectName: ASCII letters and digits, with . _ - only inside', async () => {
    const { isValidProjectName } = await fresh();
    for (const name of ['a', 'A', '9', 'a.b', 'a_b-c', 'Django', 'zope.interface', 'a--b', 'ab']) expect(isValidProjectName(name), name).toBe(true);
    for (const name of ['', '-a', 'a-', '.a', 'a_', 'a b', 'é', 'a!', 'ab\n', '\nab', 'a/b']) expect(isValidProjectName(name), JSON.stringify(name)).toBe(false);
  });

  it('the two architectures', async () => {
    const { ARCHES } = await fresh();
    expect(ARCHES).toEqual(['x86_64', 'aarch64']);
  });
});
