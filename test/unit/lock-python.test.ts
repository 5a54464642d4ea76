import { describe, expect, it } from 'vitest';
import { lockPythonProblem } from '../../src/project/lock-python.ts';

describe('lockPythonProblem', () => {
  it('names the lock and its Python when the image is outside requires-python', () => {
    const problem = lockPythonProblem('uv.lock', '==3.13.*', { version: '3.12', full: '3.12.13' });
    expect(problem?.name).toBe('uv.lock');
    expect(problem?.message).toMatch(/^uv\.lock was locked for Python ==3\.13\.\* \(its requires-python\), not CPython 3\.12\.13: uv sync refuses it/);
  });

  it('says nothing when the image fits, when the lock declares nothing, or when the range is not PEP 440', () => {
    expect(lockPythonProblem('uv.lock', '>=3.11', { version: '3.12', full: '3.12.13' })).toBeNull();
    expect(lockPythonProblem('uv.lock', '==3.12.*', { version: '3.12', full: '3.12.13' })).toBeNull();
    expect(lockPythonProblem('uv.lock', null, { version: '3.12', full: '3.12.13' })).toBeNull();
    expect(lockPythonProblem('poetry.lock', '^3.10', { version: '3.12', full: '3.12.13' })).toBeNull();
  });

  it('compares the patch version (python_full_version semantics)', () => {
    expect(lockPythonProblem('pylock.toml', '>=3.12.14', { version: '3.12', full: '3.12.13' })).not.toBeNull();
  });
});
