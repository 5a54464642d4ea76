/** The release stage as data: the interpreter allowlist, the omissions per version, the packages. */
import { describe, expect, it } from 'vitest';
import { findRuntime } from '../../src/target/runtimes.ts';
import { planInterpreterCopy, releasePackagesFor, STDLIB_OMISSIONS } from '../../src/plan/release-stage.ts';

const runtime = (id: string) => findRuntime(id)!;

describe('planInterpreterCopy', () => {
  it('copies the interpreter, its library and links for a CPython image', () => {
    expect(planInterpreterCopy(runtime('3.12'))).toMatchObject({
      stem: 'python3.12',
      binaries: ['python3.12', 'python3', 'python'],
      libraries: ['libpython3.12.so.1.0', 'libpython3.so'],
    });
  });

  it('leaves out pip, ensurepip, the GUI and test modules, and what a version no longer has', () => {
    const omit312 = planInterpreterCopy(runtime('3.12'))!.omit;
    for (const path of ['site-packages/*', 'ensurepip', 'idlelib', 'tkinter', 'lib-dynload/_tkinter.*', 'turtledemo', 'lib2to3', 'lib-dynload/nis.*']) {
      expect(omit312).toContain(path);
    }
    const omit313 = planInterpreterCopy(runtime('3.13'))!.omit;
    expect(omit313).not.toContain('lib2to3');
    expect(omit313).not.toContain('lib-dynload/nis.*');
    expect(omit313).toContain('ensurepip');
  });

  it("copies nothing for Alpine's own python3: apk installs it in the release stage", () => {
    expect(planInterpreterCopy(runtime('alpine'))).toBeNull();
  });

  it('gives every omission a reason and a glob that cannot escape the stdlib folder', () => {
    for (const row of STDLIB_OMISSIONS) {
      expect(row.why.length).toBeGreaterThan(10);
      expect(row.path).toMatch(/^[A-Za-z0-9_.*/-]+$/);
      expect(row.path.split('/')).not.toContain('..');
    }
  });
});

describe('releasePackagesFor', () => {
  it('always installs ca-certificates and tzdata, then the runtime libraries', () => {
    expect(releasePackagesFor(runtime('3.12'), true, ['libmagic'])).toEqual(['ca-certificates', 'tzdata', 'libmagic']);
  });

  it("installs Alpine's python3 with its bytecode package unless --no-bytecode", () => {
    expect(releasePackagesFor(runtime('alpine'), true, [])).toEqual(['ca-certificates', 'tzdata', 'python3', 'python3-pyc']);
    expect(releasePackagesFor(runtime('alpine'), false, [])).toEqual(['ca-certificates', 'tzdata', 'python3']);
  });
});
