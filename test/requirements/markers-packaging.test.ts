/**
 * Marker evaluation (src/requirements/markers.ts) for the image's interpreter, case by case. Each
 * row's result is what packaging 26's Marker(text).evaluate(environment) returns for the same
 * environment (CPython X.Y on Linux for the arch, platform_release and platform_version "", `extra`
 * "" without extras and a set with some); 'error' where packaging raises. The error texts are ours.
 * The rows with a comment were added for mutation survivors and printed by packaging 26.4.
 * Each test imports a fresh module: evaluateMarker caches parses and results at module level.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Target } from '../../src/requirements/types.ts';

async function fresh() {
  vi.resetModules();
  return import('../../src/requirements/markers.ts');
}

type Row = [marker: string, target: Target, extras: string[], packaging: boolean | 'error'];

const ROWS: Row[] = [
  ['"lin" in sys_platform', { python: '3.12', arch: 'x86_64' }, [], true],
  ['"win" in sys_platform', { python: '3.12', arch: 'x86_64' }, [], false],
  ['"x" not in sys_platform', { python: '3.12', arch: 'x86_64' }, [], false],
  ['"w" not in sys_platform', { python: '3.12', arch: 'x86_64' }, [], true],
  ['"linux" not in sys_platform', { python: '3.12', arch: 'x86_64' }, [], false],
  ['sys_platform < "zzz"', { python: '3.12', arch: 'x86_64' }, [], false],
  ['sys_platform > "a"', { python: '3.12', arch: 'x86_64' }, [], false],
  ['sys_platform <= "linux"', { python: '3.12', arch: 'x86_64' }, [], true],
  ['sys_platform <= "m"', { python: '3.12', arch: 'x86_64' }, [], false],
  ['sys_platform >= "linux"', { python: '3.12', arch: 'x86_64' }, [], true],
  ['sys_platform >= "a"', { python: '3.12', arch: 'x86_64' }, [], false],
  ['sys_platform != "linux"', { python: '3.12', arch: 'x86_64' }, [], false],
  ['sys_platform ~= "linux"', { python: '3.12', arch: 'x86_64' }, [], 'error'],
  ['sys_platform === "linux"', { python: '3.12', arch: 'x86_64' }, [], 'error'],
  ['platform_release == ""', { python: '3.12', arch: 'x86_64' }, [], true],
  ['platform_version == ""', { python: '3.12', arch: 'x86_64' }, [], true],
  ['platform_release >= "5"', { python: '3.12', arch: 'x86_64' }, [], false],
  ['platform_release < "5"', { python: '3.12', arch: 'x86_64' }, [], false],
  // platform_release compares as a version: "" is none, so even != is false (as a string it is true).
  ['platform_release != "5"', { python: '3.12', arch: 'x86_64' }, [], false],
  ['extra == "socks"', { python: '3.12', arch: 'x86_64' }, ['socks'], true],
  ['extra == "socks"', { python: '3.12', arch: 'x86_64' }, [], false],
  ['extra != "socks"', { python: '3.12', arch: 'x86_64' }, [], true],
  ['extra == ""', { python: '3.12', arch: 'x86_64' }, [], true],
  // An empty selection is the string "", not a set: `in` is defined on it ("" in "abc").
  ['extra in "abc"', { python: '3.12', arch: 'x86_64' }, [], true],
  ['extra == "a"', { python: '3.12', arch: 'x86_64' }, ['a', 'b'], true],
  ['extra != "a"', { python: '3.12', arch: 'x86_64' }, ['a', 'b'], false],
  ['extra != "c"', { python: '3.12', arch: 'x86_64' }, ['a', 'b'], true],
  ['"b" == extra', { python: '3.12', arch: 'x86_64' }, ['a', 'b'], true],
  ['"c" != extra', { python: '3.12', arch: 'x86_64' }, ['a', 'b'], true],
  ['extra == "Socks_X"', { python: '3.12', arch: 'x86_64' }, ['socks-x'], true],
  ['extra == "socks-x"', { python: '3.12', arch: 'x86_64' }, ['Socks_X'], true],
  ['extra == "socks-x"', { python: '3.12', arch: 'x86_64' }, ['Socks_X', 'b'], true],
  ['extra < "a"', { python: '3.12', arch: 'x86_64' }, ['a', 'b'], 'error'],
  ['"a" in extra', { python: '3.12', arch: 'x86_64' }, ['a', 'b'], 'error'],
  ['"dev" in dependency_groups', { python: '3.12', arch: 'x86_64' }, [], 'error'],
  ['"cli" in extras', { python: '3.12', arch: 'x86_64' }, [], 'error'],
  ['python_version >= "3.12"', { python: '3.12', arch: 'x86_64' }, [], true],
  ['python_version > "3.12"', { python: '3.12', arch: 'x86_64' }, [], false],
  ['python_version < "3.13"', { python: '3.12', arch: 'x86_64' }, [], true],
  ['python_version == "3.1x"', { python: '3.12', arch: 'x86_64' }, [], false],
  ['python_version != "3.1x"', { python: '3.12', arch: 'x86_64' }, [], true],
  ['python_version < "3.1x"', { python: '3.12', arch: 'x86_64' }, [], false],
  ['python_version ~= "3.1x"', { python: '3.12', arch: 'x86_64' }, [], 'error'],
  ['"3.12" == python_version', { python: '3.12', arch: 'x86_64' }, [], true],
  ['"3.11" < python_version', { python: '3.12', arch: 'x86_64' }, [], true],
  ['python_full_version >= "3.14.0a1"', { python: '3.14', arch: 'x86_64', full: '3.14.0rc1' }, [], true],
  ['python_full_version < "3.14"', { python: '3.14', arch: 'x86_64', full: '3.14.0rc1' }, [], false],
  // Specifier.contains(prereleases=True): a pre-release interpreter satisfies a final-release bound.
  ['python_full_version > "3.13"', { python: '3.14', arch: 'x86_64', full: '3.14.0rc1' }, [], true],
  ['python_full_version == "3.12.15"', { python: '3.12', arch: 'x86_64', full: '3.12.15' }, [], true],
  ['implementation_version >= "3.12.1"', { python: '3.12', arch: 'x86_64', full: '3.12.15' }, [], true],
  ['python_full_version == "3.12.*"', { python: '3.12', arch: 'x86_64' }, [], true],
  ['python_version === "3.12"', { python: '3.12', arch: 'x86_64' }, [], true],
  ['python_version ~= "3.10"', { python: '3.12', arch: 'x86_64' }, [], true],
  [
    'implementation_name == "cpython" and os_name == "posix" and platform_system == "Linux" and platform_python_implementation == "CPython"',
    { python: '3.12', arch: 'x86_64' },
    [],
    true,
  ],
  ['platform_machine == "aarch64"', { python: '3.12', arch: 'aarch64' }, [], true],
  ['python_version < "3" or python_version >= "3.12" and sys_platform == "win32"', { python: '3.12', arch: 'x86_64' }, [], false],
  ['python_version >= "3.12" and sys_platform == "win32" or os_name == "posix"', { python: '3.12', arch: 'x86_64' }, [], true],
  ['(python_version < "3" or (os_name == "posix")) and sys_platform == "linux"', { python: '3.12', arch: 'x86_64' }, [], true],
  ['(python_version < "3" or os_name == "nt") or sys_platform == "linux"', { python: '3.12', arch: 'x86_64' }, [], true],
  ['(os_name == "nt") and (sys_platform == "linux")', { python: '3.12', arch: 'x86_64' }, [], false],
  ['os_name == "nt" or os_name == "java" or os_name == "posix" and platform_machine == "x86_64"', { python: '3.12', arch: 'x86_64' }, [], true],
  ['python_version >', { python: '3.12', arch: 'x86_64' }, [], 'error'],
];

describe('evaluateMarker agrees with packaging', () => {
  it.each([0, 1])('every row (pass %i: the second pass answers from the cache)', async (pass) => {
    const { evaluateMarker } = await fresh();
    const results = (times: number) => {
      let out: (boolean | 'error')[] = [];
      for (let round = 0; round < times; round++) {
        out = ROWS.map(([marker, target, extras]) => {
          try {
            return evaluateMarker(marker, target, extras);
          } catch {
            return 'error';
          }
        });
      }
      return out;
    };
    const ours = results(pass + 1);
    const mismatches = ROWS.flatMap((row, index) => (ours[index] === row[3] ? [] : [{ marker: row[0], extras: row[2], packaging: row[3], ours: ours[index] }]));
    expect(mismatches).toEqual([]);
  });
});

describe('the cache tells targets and extras apart', () => {
  it('the same marker on two targets, with and without extras, and extras that joined alike (`["a,b"]` and `["a", "b"]` shared a cache entry: fixed here)', async () => {
    const { evaluateMarker } = await fresh();
    const marker = 'python_version >= "3.12"';
    expect(evaluateMarker(marker, { python: '3.12', arch: 'x86_64' })).toBe(true);
    expect(evaluateMarker(marker, { python: '3.11', arch: 'x86_64' })).toBe(false);
    expect(evaluateMarker('python_full_version >= "3.12.5"', { python: '3.12', arch: 'x86_64', full: '3.12.9' })).toBe(true);
    expect(evaluateMarker('python_full_version >= "3.12.5"', { python: '3.12', arch: 'x86_64' })).toBe(false);
    expect(evaluateMarker('platform_machine == "x86_64"', { python: '3.12', arch: 'x86_64' })).toBe(true);
    expect(evaluateMarker('platform_machine == "x86_64"', { python: '3.12', arch: 'aarch64' })).toBe(false);
    expect(evaluateMarker('extra == "ab"', { python: '3.12', arch: 'x86_64' }, ['a', 'b'])).toBe(false);
    expect(evaluateMarker('extra == "ab"', { python: '3.12', arch: 'x86_64' }, ['ab'])).toBe(true);
    expect(evaluateMarker('extra == "a"', { python: '3.12', arch: 'x86_64' })).toBe(false);
    expect(evaluateMarker('extra == "a"', { python: '3.12', arch: 'x86_64' }, ['a'])).toBe(true);
    expect(evaluateMarker('extra == "a,b"', { python: '3.12', arch: 'x86_64' }, ['a,b'])).toBe(true);
    expect(evaluateMarker('extra == "a,b"', { python: '3.12', arch: 'x86_64' }, ['a', 'b'])).toBe(false);
    // No extras and a one-extra list never share an entry, whatever the extra is called (this name
    // is the text a mutant puts in the key's `extras ?? []`; packaging 26.4: false, then true).
    expect(evaluateMarker('extra == "Stryker was here"', { python: '3.12', arch: 'x86_64' })).toBe(false);
    expect(evaluateMarker('extra == "Stryker was here"', { python: '3.12', arch: 'x86_64' }, ['Stryker was here'])).toBe(true);
  });
});

describe('errors name the marker and what is wrong', () => {
  const T = { python: '3.12', arch: 'x86_64' } as const;
  async function message(marker: string, extras?: string[]): Promise<string> {
    const { evaluateMarker } = await fresh();
    try {
      evaluateMarker(marker, T, extras);
    } catch (error) {
      expect((error as Error).name).toBe('UsageError');
      return (error as Error).message;
    }
    throw new Error(`packaging refuses ${marker}`);
  }

  it('syntax, undefined comparisons, set variables outside a lock, operators on a set of extras', async () => {
    expect(await message('python_version >')).toBe('invalid marker "python_version >": Expected a marker variable or quoted string');
    expect(await message('sys_platform ~= "linux"')).toBe('marker "sys_platform ~= \\"linux\\"": ~= is undefined on "linux" and "linux"');
    expect(await message('python_version ~= "3.1x"')).toBe('marker "python_version ~= \\"3.1x\\"": ~= is undefined on "3.12" and "3.1x"');
    expect(await message('"dev" in dependency_groups')).toBe('marker "\\"dev\\" in dependency_groups": dependency_groups is not defined when installing requirements');
    expect(await message('"cli" in extras')).toBe('marker "\\"cli\\" in extras": extras is not defined when installing requirements');
    expect(await message('extra < "a"', ['a', 'b'])).toBe('marker "extra < \\"a\\"": < is undefined on a set of extras');
    expect(await message('"a" in extra', ['a', 'b'])).toBe('marker "\\"a\\" in extra": in is undefined on a set of extras');
  });
});

describe('targetEnvironment', () => {
  it("the image's marker variables", async () => {
    const { targetEnvironment } = await fresh();
    expect(targetEnvironment({ python: '3.13', arch: 'aarch64' })).toEqual({
      implementation_name: 'cpython',
      implementation_version: '3.13.0',
      os_name: 'posix',
      platform_machine: 'aarch64',
      platform_release: '',
      platform_system: 'Linux',
      platform_version: '',
      python_full_version: '3.13.0',
      platform_python_implementation: 'CPython',
      python_version: '3.13',
      sys_platform: 'linux',
    });
    expect(targetEnvironment({ python: '3.12', arch: 'x86_64', full: '3.12.15' })).toMatchObject({ implementation_version: '3.12.15', python_full_version: '3.12.15' });
  });
});
