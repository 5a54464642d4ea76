/** The build stage's reading of a copied pyproject.toml's dependencies (init on a pyproject project). */

/** Derived from a copied pyproject.toml in the build stage: always in step with it, never a file of the project. */
export const PYPROJECT_REQUIREMENTS = 'pyproject-dependencies.txt';

/**
 * Prints `[project] dependencies` one per line (PEP 508 strings are valid requirement lines).
 * Python 3.11+ has tomllib; 3.10 reads TOML with the tomli that pip vendors
 * (https://github.com/pypa/pip/tree/main/src/pip/_vendor).
 */
export function pyprojectScriptFor(pythonVersion: string): string {
  const [major, minor] = pythonVersion.split('.').map(Number) as [number, number];
  const toml = major > 3 || minor >= 11 ? 'import tomllib' : 'from pip._vendor import tomli as tomllib';
  return `import sys; ${toml}; print("\\n".join(tomllib.load(open(sys.argv[1], "rb")).get("project", {}).get("dependencies", [])))`;
}
