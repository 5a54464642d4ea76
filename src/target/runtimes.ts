/**
 * The Python runtimes a project can be built on. Data, not branches: adding a CPython release is
 * adding a row. Sources, checked 2026-11-29: docker-library/python has `alpine3.23` and
 * `alpine3.24` Dockerfiles for 3.10 to 3.15 (`3.15/alpine3.24` sets PYTHON_VERSION 3.15.0, commit
 * 791b4ba4; `3.14/alpine3.24` 3.14.7); Alpine 3.24's main/python3 is 3.14.5-r0 and py3-pip 26.1.2
 * (pkgs.alpinelinux.org, v3.24/main).
 * Patch versions (`fullVersion`, the markers' python_full_version), read 2026-12-01 from
 * docker-library/python's `X.Y/alpine3.24/Dockerfile` ENV PYTHON_VERSION at the newest commit the
 * code index holds for each: 3.10.22 (31a6d5e0), 3.11.16 (951ea245), 3.12.15 (2a3b794c),
 * 3.13.15 (3cb2fbae), 3.14.7 (228f71e7), 3.15.0 (791b4ba4). The image tags (`python:3.12-alpine3.24`)
 * move to newer patches, so these are lower bounds: re-check when touching this table.
 */

export interface PythonRuntime {
  /** Value of `--python` and of the config's `python` key. */
  id: string;
  /** CPython minor version the runtime provides (markers and wheel tags are evaluated for it). */
  version: string;
  /** Its full version (python_full_version in markers), sourced above. */
  fullVersion: string;
  /** Pinned base image of the build stage (shown to users); never `latest`. */
  image: string;
  /**
   * The same image with the Alpine release written as `${ALPINE_VERSION}`: the Dockerfile's one
   * ARG, so the build and release stages cannot drift to different Alpine releases.
   */
  buildImage: string;
  /** True when the interpreter comes from Alpine's own `python3` package (apk), not the image. */
  system: boolean;
  /**
   * The Alpine package with the interpreter's headers (Python.h), added to the build stage when
   * anything compiles; null when the image already has them (python images: /usr/local/include).
   */
  headersPackage: string | null;
  label: string;
}

/** The Alpine release of every stage (the Dockerfile's `ARG ALPINE_VERSION` default). */
export const ALPINE_VERSION = '3.24';
const ALPINE = ALPINE_VERSION;

/** The release stage's base for every runtime: plain Alpine, the interpreter is copied in. */
export const RELEASE_IMAGE = 'alpine:${ALPINE_VERSION}';
/** The same with the default release: the key of its facts in src/knowledge/stages. */
export const RELEASE_IMAGE_RESOLVED = `alpine:${ALPINE_VERSION}`;

/** CPython versions with official `python:X.Y-alpine` images, newest stable first. */
export const PYTHON_RUNTIMES: readonly PythonRuntime[] = [
  cpython('3.15.0'),
  cpython('3.14.7'),
  cpython('3.13.15'),
  cpython('3.12.15'),
  cpython('3.11.16'),
  cpython('3.10.22'),
  {
    id: 'alpine',
    // Alpine 3.24's main/python3 package is CPython 3.14 (3.14.5-r0, pkgs.alpinelinux.org v3.24/main).
    version: '3.14',
    fullVersion: '3.14.5',
    image: `alpine:${ALPINE}`,
    buildImage: RELEASE_IMAGE,
    system: true,
    // Alpine's python3 ships no headers: Python.h is in python3-dev (aports main/python3/APKBUILD,
    // subpackage "$pkgname-dev"); without it every C/cffi build stops at `#include <Python.h>`.
    headersPackage: 'python3-dev',
    label: `Alpine's own python3 package (apk, CPython 3.14 on alpine:${ALPINE})`,
  },
];

function cpython(fullVersion: string): PythonRuntime {
  const version = fullVersion.split('.').slice(0, 2).join('.');
  return {
    id: version,
    version,
    fullVersion,
    image: `python:${version}-alpine${ALPINE}`,
    buildImage: `python:${version}-alpine\${ALPINE_VERSION}`,
    system: false,
    headersPackage: null,
    label: `CPython ${version} (python:${version}-alpine${ALPINE})`,
  };
}

/**
 * The default runtime: 3.14, not the newest (3.15, released 2026-10): a new CPython takes months
 * before most native projects ship musllinux wheels for it, and a missing wheel means compiling.
 */
export const DEFAULT_PYTHON = '3.14';

/** The official image's full version for a CPython minor version ("3.12" -> "3.12.15"), if supported. */
export function imageFullVersion(version: string): string | undefined {
  return PYTHON_RUNTIMES.find((runtime) => !runtime.system && runtime.version === version)?.fullVersion;
}

/** Looks up a runtime by its id (`3.12`, `alpine`); undefined when unsupported. */
export function findRuntime(id: string): PythonRuntime | undefined {
  return PYTHON_RUNTIMES.find((runtime) => runtime.id === id);
}
