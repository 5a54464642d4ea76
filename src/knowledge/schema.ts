/**
 * Shape of the PyPI-to-Alpine knowledge base (src/knowledge/data/*.json).
 * Data, not code: a contributor adds a project by adding an entry, with a source for each fact.
 */
import type { Arch } from '../requirements/types.ts';

/** A file of the knowledge base: one group of projects (e.g. "databases"). */
export interface KnowledgeFile {
  /** Schema version of this file; the loader refuses others. */
  version: 1;
  /** Date the facts were checked (YYYY-MM-DD). */
  checked: string;
  /** PEP 503 normalised project name -> entry. */
  packages: Record<string, KnowledgeEntry>;
}

export interface KnowledgeEntry {
  /**
   * - "native": ships C/C++/Rust/Cython extensions (compiles when no wheel fits);
   * - "pure": pure Python, listed only because it loads system libraries (dlopen/ctypes) or
   *   because users often assume it is native.
   */
  kind: 'native' | 'pure';
  /** Alpine packages needed to build it from source with pip on python:X.Y-alpine. */
  build: string[];
  /** Alpine packages providing the shared libraries its extensions link when built from source. */
  runtime: string[];
  /** Alpine packages providing libraries it loads with dlopen/ctypes: needed even with a wheel. */
  dlopen: string[];
  /** Native projects this one needs at install time (normalised names), e.g. cryptography -> cffi. */
  requires: string[];
  /** musllinux wheels (PEP 656) on PyPI; null when the project ships none (it always compiles). */
  musllinux: MusllinuxWheels | null;
  /** Where each fact comes from, so a reviewer can check it. */
  sources: Source[];
  /** Optional short remark shown by `explain` (e.g. "needs pg_config at build time"). */
  note?: string;
}

export interface MusllinuxWheels {
  /** Per architecture: the first release (PEP 440) that shipped a musllinux wheel for it. */
  since: Partial<Record<Arch, string>>;
  /** The newest release checked, whose files the `python` list describes. */
  latest: string;
  /**
   * CPython minor versions with a musllinux wheel in `latest` ("3.12", ...). For abi3 wheels
   * list "abi3" plus the minimum, e.g. ["abi3", "3.9"], meaning every CPython >= 3.9.
   */
  python: string[];
}

export interface Source {
  /** Which fact: "build", "runtime", "dlopen", "wheels", "requires". */
  fact: 'build' | 'runtime' | 'dlopen' | 'wheels' | 'requires';
  /**
   * Where: an aports APKBUILD path ("aports:community/py3-lxml/APKBUILD"), a PyPI file list
   * ("pypi:lxml/6.0.2"), or a documentation URL.
   */
  ref: string;
}

/**
 * The Alpine package names the data was built from: name -> where it was seen
 * (an aports APKBUILD path whose pkgname or subpackages declare it).
 */
export type AlpineNames = Record<string, string>;
