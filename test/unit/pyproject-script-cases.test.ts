/**
 * The build stage's listing of a copied pyproject.toml or poetry.lock (src/plan/pyproject-script.ts):
 * which import gives the interpreter `tomllib` (the standard library's since Python 3.11,
 * https://docs.python.org/3/library/tomllib.html; before that the tomli pip vendors), and the file
 * each listing writes. The script texts are the ones the golden Dockerfiles run
 * (test/golden/cases/init-installed-pyproject-3.10, init-poetry-lock-3.10), written out. The file
 * names are module-level constants: those tests import the module afresh (`vi.resetModules()`).
 */
import { describe, expect, it, vi } from 'vitest';
import { poetryScriptFor, pyprojectScriptFor } from '../../src/plan/pyproject-script.ts';

async function fresh() {
  vi.resetModules();
  return import('../../src/plan/pyproject-script.ts');
}

const LIST_WITH_TOMLLIB = 'import sys; import tomllib; print("\\n".join(tomllib.load(open(sys.argv[1], "rb")).get("project", {}).get("dependencies", [])))';
const LIST_WITH_TOMLI = 'import sys; from pip._vendor import tomli as tomllib; print("\\n".join(tomllib.load(open(sys.argv[1], "rb")).get("project", {}).get("dependencies", [])))';

describe('the tomllib import', () => {
  it("reads TOML with pip's vendored tomli on 3.10, which has no tomllib", () => {
    expect(pyprojectScriptFor('3.10')).toBe(LIST_WITH_TOMLI);
  });

  it('imports the standard tomllib from 3.11 on', () => {
    expect(pyprojectScriptFor('3.11')).toBe(LIST_WITH_TOMLLIB);
    expect(pyprojectScriptFor('3.12')).toBe(LIST_WITH_TOMLLIB);
    expect(pyprojectScriptFor('3.14')).toBe(LIST_WITH_TOMLLIB);
  });

  it('imports the standard tomllib on a later major version too, whatever its minor', () => {
    expect(pyprojectScriptFor('4.0')).toBe(LIST_WITH_TOMLLIB);
  });

  it('uses the same import in the poetry.lock listing', () => {
    expect(poetryScriptFor('3.10').split('; ').slice(0, 3)).toEqual(['import sys', 'from pip._vendor import tomli as tomllib', 'from pip._vendor.packaging.markers import Marker']);
    expect(poetryScriptFor('3.13').split('; ').slice(0, 3)).toEqual(['import sys', 'import tomllib', 'from pip._vendor.packaging.markers import Marker']);
  });
});

describe('listingFor', () => {
  it("lists a pyproject.toml's dependencies into pyproject-dependencies.txt, resolved as usual", async () => {
    const { listingFor } = await fresh();
    expect(listingFor('pyproject.toml', '3.12')).toEqual({
      script: LIST_WITH_TOMLLIB,
      notes: ["The dependencies are pyproject.toml's [project] dependencies, listed one per line first."],
      output: 'pyproject-dependencies.txt',
      noDeps: false,
    });
  });

  it("lists a poetry.lock's main group into poetry-requirements.txt, installed with --no-deps", async () => {
    const { listingFor } = await fresh();
    expect(listingFor('backend/poetry.lock', '3.10')).toMatchObject({ output: 'poetry-requirements.txt', noDeps: true });
  });

  it('lists nothing for a requirements file: pip reads it as it is', async () => {
    const { listingFor } = await fresh();
    expect(listingFor('requirements.txt', '3.12')).toBeNull();
  });
});
