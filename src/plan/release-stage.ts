/**
 * What the release stage holds, as data: the interpreter files copied from the build stage (for
 * the official CPython images), the parts of the standard library left out, the Alpine packages
 * every release installs, and the bytecode choice. The template only prints these lists.
 */
import type { PythonRuntime } from '../target/runtimes.ts';

/** One part of the standard library the release image does without, and why it is safe. */
export interface StdlibOmission {
  /** Path relative to `lib/pythonX.Y/`; a trailing `.*` matches every ABI suffix of a module. */
  path: string;
  why: string;
  /** First CPython minor version that no longer ships it (nothing to leave out from there on). */
  goneIn?: string;
}

/**
 * Left out of the release image's standard library. Sources: docker-library/python
 * `3.12/alpine3.24/Dockerfile` (commit 2a3b794c, checked 2026-12-01) installs pip with ensurepip,
 * builds _tkinter but leaves its Tcl/Tk libraries out (so tkinter cannot load there anyway) and
 * already deletes the `test` folders; PEP 594 removed nis and lib2to3 went in 3.13 (PEP 632 /
 * gh-104780). Sizes measured on a CPython 3.12.1 tree (`npm run bench`, README "Image size").
 */
export const STDLIB_OMISSIONS: readonly StdlibOmission[] = [
  { path: 'site-packages/*', why: 'pip and its metadata, the only package there: the venv is complete before the release stage' },
  { path: 'ensurepip', why: "pip's bundled wheel (2.1 MB); nothing installs at run time" },
  { path: 'idlelib', why: 'the IDLE editor (GUI)' },
  { path: 'tkinter', why: 'Tk GUI bindings; the official image ships no Tcl/Tk libraries for them' },
  { path: 'lib-dynload/_tkinter.*', why: 'the Tk extension module: it would pull Tcl/Tk and X11 into the image' },
  { path: 'turtle.py', why: 'turtle graphics (needs tkinter)' },
  { path: 'turtledemo', why: 'turtle demos (needs tkinter)' },
  { path: 'pydoc_data', why: "help()'s topic texts for the interactive prompt" },
  { path: 'lib2to3', why: 'the Python 2 to 3 converter', goneIn: '3.13' },
  { path: 'lib-dynload/nis.*', why: 'NIS lookups (PEP 594); it alone links libnsl, libtirpc and Kerberos', goneIn: '3.13' },
  { path: 'config-*', why: 'the build configuration (Makefile, config.c) used only to compile against the interpreter' },
  { path: 'lib-dynload/_test*', why: "CPython's own test extension modules" },
  { path: 'lib-dynload/_ctypes_test.*', why: "ctypes' test module" },
  { path: 'lib-dynload/_xxtestfuzz.*', why: 'the fuzzing test module' },
  { path: 'lib-dynload/xxlimited*', why: 'example modules of the limited C API' },
  { path: 'lib-dynload/xxsubtype.*', why: 'an example extension module' },
];

/**
 * Alpine packages every release stage installs besides the scanned libraries: the official python
 * images add both (docker-library/python Dockerfile above, "runtime dependencies"); alpine:3.24
 * itself has only ca-certificates-bundle (docker-library/repo-info `repos/alpine/local/3.24.2.md`).
 */
export const RELEASE_BASE_PACKAGES: readonly { name: string; why: string }[] = [
  { name: 'ca-certificates', why: 'the CA certificates (and update-ca-certificates) TLS clients verify servers with' },
  { name: 'tzdata', why: 'time zones for zoneinfo and TZ' },
];

/** Interpreter files the release stage copies from the build stage (official CPython images). */
export interface InterpreterCopy {
  /** e.g. `python3.12`: names the binary, the library and the stdlib folder. */
  stem: string;
  binaries: string[];
  libraries: string[];
  /** Glob patterns relative to the stdlib folder, removed from the copy. */
  omit: string[];
}

/** The interpreter copy for a CPython image; null for Alpine's own python3 (apk installs it). */
export function planInterpreterCopy(runtime: PythonRuntime): InterpreterCopy | null {
  if (runtime.system) return null;
  const stem = `python${runtime.version}`;
  return {
    stem,
    // `python` -> python3 -> python3.X, as the official image links them; the venv points at python3.
    binaries: [stem, 'python3', 'python'],
    // libpython3.so is the stable-ABI shim some abi3 extensions link.
    libraries: [`lib${stem}.so.1.0`, 'libpython3.so'],
    omit: STDLIB_OMISSIONS.filter((row) => row.goneIn === undefined || compareMinor(runtime.version, row.goneIn) < 0).map((row) => row.path),
  };
}

/** The Alpine packages the release stage names itself, in install order. */
export function releasePackagesFor(runtime: PythonRuntime, bytecode: boolean, runtimeLibs: readonly string[]): string[] {
  // Alpine's own interpreter: python3 has no headers (python3-dev), no tkinter/idle
  // (python3-tkinter) and no pip (py3-pip); its bytecode is the python3-pyc subpackage
  // (abuild default_pyc, https://gitlab.alpinelinux.org/alpine/abuild/-/merge_requests/182).
  const python = runtime.system ? ['python3', ...(bytecode ? ['python3-pyc'] : [])] : [];
  return [...RELEASE_BASE_PACKAGES.map((row) => row.name), ...python, ...runtimeLibs];
}

function compareMinor(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}
