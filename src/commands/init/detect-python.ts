/** The Python runtime an existing project asks for: `.python-version`, else `requires-python`. */
import { satisfies, validRange } from '@renovatebot/pep440';
import { DEFAULT_PYTHON, PYTHON_RUNTIMES, findRuntime } from '../../target/runtimes.ts';

export interface PythonDetection {
  id: string;
  reason: string;
}

/** The runtime id with its reason, or null when the project does not say (or asks for none we have). */
export function detectPython(pythonVersionFile: string | undefined, requiresPython: string | null): PythonDetection | null {
  // pyenv's .python-version: the first line names a version like "3.12" or "3.12.4" (https://github.com/pyenv/pyenv#choosing-the-python-version).
  const pinned = pythonVersionFile?.split('\n')[0]?.trim();
  const minor = pinned ? /^(?:cpython-)?(3\.[0-9]+)(\.[0-9]+)?$/.exec(pinned)?.[1] : undefined;
  if (minor && findRuntime(minor)) return { id: minor, reason: `.python-version says ${pinned}` };
  if (requiresPython && validRange(requiresPython)) {
    // The images track the newest patch release of each series: test the series' latest patch.
    const fits = PYTHON_RUNTIMES.filter((runtime) => !runtime.system && satisfies(`${runtime.version}.999`, requiresPython));
    const preferred = fits.find((runtime) => runtime.id === DEFAULT_PYTHON) ?? fits.find((runtime) => runtime.id < DEFAULT_PYTHON) ?? fits[0];
    if (preferred)
      return {
        id: preferred.id,
        reason: `requires-python ${JSON.stringify(requiresPython)} (the default ${DEFAULT_PYTHON}${preferred.id === DEFAULT_PYTHON ? ' fits' : ' does not fit'})`,
      };
  }
  return null;
}
