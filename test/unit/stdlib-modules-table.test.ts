/**
 * The standard-library names a project package must not shadow (src/validate/stdlib-modules.ts),
 * checked against CPython's own list, not ours: test/fixtures/python/stdlib-module-names-3.11.7.json
 * is `sys.stdlib_module_names` as CPython 3.11.7 printed it (the table's first source), and the
 * names added or removed since are the ones the table's comment cites (annotationlib, PEP 749,
 * and compression, PEP 784, in 3.14; binhex, 3.10 only). The table is a module-level constant, so
 * the module is imported afresh (`vi.resetModules()`): a mutant of the table is built while it is on.
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';

const FIXTURE = JSON.parse(readFileSync(new URL('../fixtures/python/stdlib-module-names-3.11.7.json', import.meta.url), 'utf8')) as { source: string; names: string[] };
/** In CPython's list, out of the table: private modules (never a project's name) and cProfile (not lowercase). */
const NOT_A_PROJECT_NAME = (name: string) => name.startsWith('_') || name !== name.toLowerCase();
const NOT_IN_3_11 = ['annotationlib', 'binhex', 'compression'];

function livePython(): [version: string, names: string[]] | undefined {
  try {
    const script = 'import sys, platform, json; print(json.dumps([platform.python_version(), sorted(sys.stdlib_module_names)]))';
    return JSON.parse(execFileSync('python3', ['-c', script], { encoding: 'utf8' })) as [string, string[]];
  } catch {
    return undefined;
  }
}
const LIVE = livePython();

async function fresh() {
  vi.resetModules();
  return (await import('../../src/validate/stdlib-modules.ts')).STDLIB_MODULES;
}

describe('STDLIB_MODULES', () => {
  it("is CPython 3.11.7's public lowercase module names and the three of other versions", async () => {
    const expected = [...FIXTURE.names.filter((name) => !NOT_A_PROJECT_NAME(name)), ...NOT_IN_3_11].sort();
    expect(expected).toHaveLength(219);
    expect([...(await fresh())].sort()).toEqual(expected);
  });

  // The development and CI machines have CPython 3.11 as python3 (README "Set-up"); another minor
  // version prints another list, so the comparison runs only there.
  it.skipIf(LIVE?.[0].startsWith('3.11.') !== true)(`the fixture is what this machine's CPython 3.11 prints (python3: ${LIVE?.[0] ?? 'none'})`, () => {
    expect(LIVE?.[1]).toEqual(FIXTURE.names);
  });
});
