/**
 * The build stage's reading of a copied dependency file into pip's requirements format: a
 * pyproject.toml's dependencies (init on a pyproject project), or a poetry.lock's pinned main group
 * with its hashes. Each a one-line Python script for `python3 -c '...'` (no single quote in it).
 */

/** Derived from a copied pyproject.toml in the build stage: always in step with it, never a file of the project. */
export const PYPROJECT_REQUIREMENTS = 'pyproject-dependencies.txt';

/**
 * The import that gives the build stage's interpreter `tomllib`: Python 3.11+ has it; 3.10 reads
 * TOML with the tomli that pip vendors (https://github.com/pypa/pip/tree/main/src/pip/_vendor).
 */
function tomlImportFor(pythonVersion: string): string {
  const [major, minor] = pythonVersion.split('.').map(Number) as [number, number];
  return major > 3 || minor >= 11 ? 'import tomllib' : 'from pip._vendor import tomli as tomllib';
}

/** Prints `[project] dependencies` one per line (PEP 508 strings are valid requirement lines). */
export function pyprojectScriptFor(pythonVersion: string): string {
  const toml = tomlImportFor(pythonVersion);
  return `import sys; ${toml}; print("\\n".join(tomllib.load(open(sys.argv[1], "rb")).get("project", {}).get("dependencies", [])))`;
}

/** The pinned requirements a copied poetry.lock lists, written in the build stage. */
export const POETRY_REQUIREMENTS = 'poetry-requirements.txt';

/**
 * Prints `name==version --hash=sha256:...` for every package of a Poetry 2 lock's main group whose
 * marker (Poetry records one per package and group: lock-version 2.1) holds for the interpreter
 * running it, with every file hash the lock lists. pip then checks each download against them
 * (hash-checking mode turns on when any line has a --hash, https://pip.pypa.io/en/stable/topics/secure-installs/),
 * and installs with --no-deps: the lock is the whole set. Markers are evaluated with pip's
 * vendored packaging; `extra` is empty (no extras of the project itself are asked for).
 */
export function poetryScriptFor(pythonVersion: string): string {
  const toml = tomlImportFor(pythonVersion);
  return [
    'import sys',
    toml,
    'from pip._vendor.packaging.markers import Marker',
    'm = lambda p: p["markers"].get("main") if isinstance(p.get("markers"), dict) else p.get("markers")',
    'print("\\n".join(p["name"] + "==" + p["version"] + "".join(" --hash=" + f["hash"] for f in p.get("files", []) if "hash" in f) for p in tomllib.load(open(sys.argv[1], "rb")).get("package", []) if "main" in p.get("groups", []) and (not m(p) or Marker(m(p)).evaluate({"extra": ""}))))',
  ].join('; ');
}

/** How the build stage turns a copied dependency file into requirements: null when pip reads it as it is. */
export function listingFor(dependencyFile: string, pythonVersion: string): { script: string; notes: string[]; output: string; noDeps: boolean } | null {
  const base = dependencyFile.split('/').pop();
  if (base === 'pyproject.toml') {
    return {
      script: pyprojectScriptFor(pythonVersion),
      notes: ["The dependencies are pyproject.toml's [project] dependencies, listed one per line first."],
      output: PYPROJECT_REQUIREMENTS,
      noDeps: false,
    };
  }
  if (base === 'poetry.lock') {
    const notes = [
      "The dependencies are poetry.lock's main group, pinned, each with the lock's hashes (pip checks",
      'every download against them), listed first for this interpreter by the markers Poetry recorded;',
      '--no-deps: the lock is the whole set, nothing is resolved at build time.',
    ];
    return { script: poetryScriptFor(pythonVersion), notes, output: POETRY_REQUIREMENTS, noDeps: true };
  }
  return null;
}
