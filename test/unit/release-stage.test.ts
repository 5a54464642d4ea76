/**
 * The release stage as data: the interpreter allowlist, the omissions per version, the packages.
 * The tables are module-level constants, so the tests that read them import the module afresh
 * (`vi.resetModules()`): a mutant of a table is built while it is on. The expected paths and
 * reasons are the ones the reviewed golden Dockerfiles print (test/golden/cases/reference-3.12 and
 * fastapi-3.13: the `rm -rf` list of the build stage, the comment above the release `apk add`).
 */
import { describe, expect, it, vi } from 'vitest';
import { findRuntime } from '../../src/target/runtimes.ts';

const runtime = (id: string) => findRuntime(id)!;

async function fresh() {
  vi.resetModules();
  return import('../../src/plan/release-stage.ts');
}

/** The 3.12 Dockerfile's `rm -rf` list under /opt/python/lib/python3.12/, in its order. */
const OMIT_312 = [
  'site-packages/*',
  'ensurepip',
  'idlelib',
  'tkinter',
  'lib-dynload/_tkinter.*',
  'turtle.py',
  'turtledemo',
  'pydoc_data',
  'lib2to3',
  'lib-dynload/nis.*',
  'config-*',
  'lib-dynload/_test*',
  'lib-dynload/_ctypes_test.*',
  'lib-dynload/_xxtestfuzz.*',
  'lib-dynload/xxlimited*',
  'lib-dynload/xxsubtype.*',
];

describe('planInterpreterCopy', () => {
  it('copies the interpreter, its library and links for a CPython image', async () => {
    const { planInterpreterCopy } = await fresh();
    expect(planInterpreterCopy(runtime('3.12'))).toMatchObject({
      stem: 'python3.12',
      binaries: ['python3.12', 'python3', 'python'],
      libraries: ['libpython3.12.so.1.0', 'libpython3.so'],
    });
  });

  it('leaves out pip, ensurepip, the GUI and test modules, the build configuration: all of it on 3.12', async () => {
    const { planInterpreterCopy } = await fresh();
    expect(planInterpreterCopy(runtime('3.12'))!.omit).toEqual(OMIT_312);
  });

  it('does not name what 3.13 no longer ships (lib2to3, nis), and the same list again from then on', async () => {
    const { planInterpreterCopy } = await fresh();
    const without = OMIT_312.filter((path) => path !== 'lib2to3' && path !== 'lib-dynload/nis.*');
    expect(planInterpreterCopy(runtime('3.13'))!.omit).toEqual(without);
    expect(planInterpreterCopy(runtime('3.14'))!.omit).toEqual(without);
  });

  it("copies nothing for Alpine's own python3: apk installs it in the release stage", async () => {
    const { planInterpreterCopy } = await fresh();
    expect(planInterpreterCopy(runtime('alpine'))).toBeNull();
  });

  it('gives every omission a reason and a glob that cannot escape the stdlib folder', async () => {
    const { STDLIB_OMISSIONS } = await fresh();
    expect(STDLIB_OMISSIONS).toHaveLength(16);
    for (const row of STDLIB_OMISSIONS) {
      expect(row.why.length).toBeGreaterThan(10);
      expect(row.path).toMatch(/^[A-Za-z0-9_.*/-]+$/);
      expect(row.path.split('/')).not.toContain('..');
    }
  });
});

describe('releasePackagesFor', () => {
  it('always installs ca-certificates and tzdata, then the runtime libraries', async () => {
    const { releasePackagesFor } = await fresh();
    expect(releasePackagesFor(runtime('3.12'), true, ['libmagic'])).toEqual(['ca-certificates', 'tzdata', 'libmagic']);
  });

  it("installs Alpine's python3 with its bytecode package unless --no-bytecode", async () => {
    const { releasePackagesFor } = await fresh();
    expect(releasePackagesFor(runtime('alpine'), true, [])).toEqual(['ca-certificates', 'tzdata', 'python3', 'python3-pyc']);
    expect(releasePackagesFor(runtime('alpine'), false, [])).toEqual(['ca-certificates', 'tzdata', 'python3']);
  });

  it('gives each base package the reason the Dockerfile prints above the release apk add', async () => {
    const { RELEASE_BASE_PACKAGES } = await fresh();
    expect(RELEASE_BASE_PACKAGES).toEqual([
      { name: 'ca-certificates', why: 'the CA certificates (and update-ca-certificates) TLS clients verify servers with' },
      { name: 'tzdata', why: 'time zones for zoneinfo and TZ' },
    ]);
  });
});
