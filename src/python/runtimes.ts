/**
 * The Python runtimes a project can be built on. Data, not branches: adding a CPython release is
 * adding a row. Source: docker-library/python `versions.json` (snapshot of 2026-06, recorded in
 * the team's shared notes): CPython 3.10-3.14 have official `python:X.Y-alpine3.23` and
 * `-alpine3.24` images. 3.15 was a beta in that snapshot; add it once its final image is confirmed.
 */

export interface PythonRuntime {
  /** Value of `--python` and of the config's `python` key. */
  id: string;
  /** CPython minor version the runtime provides (markers and wheel tags are evaluated for it). */
  version: string;
  /** Pinned base image used by both stages; never `latest`. */
  image: string;
  /** True when the interpreter comes from Alpine's own `python3` package (apk), not the image. */
  system: boolean;
  /** Directories holding the interpreter's own shared libraries (skipped by the scanelf step). */
  interpreterLibDirs: string[];
  label: string;
}

const ALPINE = '3.24';

/** CPython versions with official `python:X.Y-alpine` images, newest stable first. */
export const PYTHON_RUNTIMES: readonly PythonRuntime[] = [
  cpython('3.14'),
  cpython('3.13'),
  cpython('3.12'),
  cpython('3.11'),
  cpython('3.10'),
  {
    id: 'alpine',
    // Alpine 3.23's main/python3 package is CPython 3.12 (aports 3.23-stable main/python3/APKBUILD).
    version: '3.12',
    image: 'alpine:3.23',
    system: true,
    interpreterLibDirs: [],
    label: "Alpine's own python3 package (apk, CPython 3.12 on alpine:3.23)",
  },
];

function cpython(version: string): PythonRuntime {
  return {
    id: version,
    version,
    image: `python:${version}-alpine${ALPINE}`,
    system: false,
    interpreterLibDirs: ['/usr/local/lib'],
    label: `CPython ${version} (python:${version}-alpine${ALPINE})`,
  };
}

/** The default runtime: the newest stable CPython. */
export const DEFAULT_PYTHON = PYTHON_RUNTIMES[0]!.id;

/** Looks up a runtime by its id (`3.12`, `alpine`); undefined when unsupported. */
export function findRuntime(id: string): PythonRuntime | undefined {
  return PYTHON_RUNTIMES.find((runtime) => runtime.id === id);
}
