import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.ts';
import { evaluateMarker, targetEnvironment } from '../../src/requirements/markers.ts';
import type { Target } from '../../src/requirements/types.ts';

const PY312_X86: Target = { python: '3.12', arch: 'x86_64' };
const PY39_ARM: Target = { python: '3.9', arch: 'aarch64' };

describe('evaluateMarker', () => {
  it('describes CPython on Linux for the target', () => {
    expect(targetEnvironment(PY39_ARM)).toMatchObject({
      os_name: 'posix',
      sys_platform: 'linux',
      platform_system: 'Linux',
      platform_machine: 'aarch64',
      platform_python_implementation: 'CPython',
      implementation_name: 'cpython',
      python_version: '3.9',
      python_full_version: '3.9.0',
      implementation_version: '3.9.0',
    });
  });

  it.each([
    ['python_version >= "3.10"', true, false],
    ['python_version < "3.10"', false, true],
    ['python_version == "3.*"', true, true],
    ['python_version ~= "3.10"', true, false],
    ['python_version in "3.9 3.10"', false, true],
    ['python_full_version >= "3.12.1"', false, false],
    ['platform_machine == "aarch64"', false, true],
    ['"arm" not in platform_machine', true, true],
    ['sys_platform == "win32" or (os_name == "posix" and platform_system == "Linux")', true, true],
    ['python_version >= "3.10" and platform_machine == "x86_64" or python_version < "3.10"', true, true],
    ['implementation_name == "cpython" and platform_python_implementation != "PyPy"', true, true],
  ])('%s -> 3.12/x86_64: %s, 3.9/aarch64: %s', (marker, onX86, onArm) => {
    expect(evaluateMarker(marker, PY312_X86)).toBe(onX86);
    expect(evaluateMarker(marker, PY39_ARM)).toBe(onArm);
  });

  it('compares versions per PEP 440 only when the value is a valid version, like packaging', () => {
    // "3.12" > "3.9" as versions, although not as strings.
    expect(evaluateMarker('python_version > "3.9"', PY312_X86)).toBe(true);
    // Not a version: string rules, where < and > are always false and <= means equality.
    expect(evaluateMarker('platform_machine > "a"', PY312_X86)).toBe(false);
    expect(evaluateMarker('platform_machine <= "x86_64"', PY312_X86)).toBe(true);
    expect(() => evaluateMarker('sys_platform ~= "linux"', PY312_X86)).toThrow(UsageError);
  });

  it('evaluates extra against the selected extras, normalised', () => {
    expect(evaluateMarker('extra == "Foo_Bar"', PY312_X86)).toBe(false);
    expect(evaluateMarker('extra == "foo-bar"', PY312_X86, ['Foo.Bar'])).toBe(true);
    expect(evaluateMarker('extra != "foo-bar"', PY312_X86, ['other'])).toBe(true);
  });

  it('rejects a malformed marker', () => {
    expect(() => evaluateMarker('python_version', PY312_X86)).toThrow(/invalid marker/);
  });
});
