/**
 * Shape of the PyPI-to-Alpine knowledge base (src/knowledge/data/*.json).
 * Data, not code: a contributor adds a project by adding an entry, with a source for each fact.
 */
import type { Arch } from '../requirements/types.ts';

/** A file of the knowledge base: one group of projects (e.g. "databases"). */
export interface KnowledgeFile {
  /** Schema version of this file; the loader refuses others (2 added per-CPython wheel history, floors, extras). */
  version: 2;
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
  /** Optional short remark, shown by `explain` when the project compiles (e.g. "needs gdal-config from gdal-dev"). */
  note?: string;
  /**
   * The lowest releases that build from source and import, when older ones fail (newer CPython
   * versions, newer setuptools or OpenSSL): a pin below one of them gets a warning, or exit 2
   * with `--strict`. Only consulted when the project compiles (a wheel needs no build).
   */
  floors?: VersionFloor[];
  /** Build and runtime packages of older releases, where they differ (cryptography before Rust). */
  olderBuilds?: OlderBuild[];
  /** Extra name -> the projects it adds (normalised names, `name[extra]` allowed), from the latest release's metadata. */
  extras?: Record<string, string[]>;
  /** false when the latest release ships no sdist: without a fitting wheel pip cannot install it at all. */
  sdist?: boolean;
  /**
   * The runs of consecutive final releases that ship no sdist, oldest first (`[]`: every release
   * has one), computed from PyPI's release file lists by scripts/refresh-knowledge.ts. A pin inside
   * a run with no fitting wheel cannot be installed; a pin outside every run builds from its sdist.
   * Absent: not computed, and a pin is judged by the latest release's `sdist`.
   */
  noSdist?: ReleaseRun[];
}

/** Consecutive final releases (PEP 440, inclusive) that share a fact, with the nearest releases outside the run. */
export interface ReleaseRun {
  from: string;
  through: string;
  /** The newest release before `from`, which does not share the fact; absent when `from` is the first release. */
  before?: string;
  /** The first release after `through`, which does not share the fact; absent when `through` is the latest. */
  after?: string;
}

/** The lowest release that builds and imports, on every CPython or from a CPython version on. */
export interface VersionFloor {
  /** The first good release (PEP 440). */
  version: string;
  /** CPython minor version from which this floor applies ("3.13"); absent: every CPython. */
  python?: string;
  /**
   * What goes wrong with older releases: the sdist does not build; it builds and fails at import;
   * or the project's changelog says support for this CPython came in `version` (not tried here).
   */
  fails: 'build' | 'import' | 'unsupported';
  /** Why, in the user's terms (shown in the warning). */
  why: string;
  /** Where the fact comes from (a changelog in a release's sdist, a PyPI file, a URL). */
  source: string;
}

/** What releases older than `before` need to build, replacing the entry's `build` and `runtime`. */
export interface OlderBuild {
  before: string;
  build: string[];
  runtime: string[];
  source: string;
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
  /**
   * Per CPython minor version ("3.12") and architecture: the first final release with a musllinux
   * wheel that installs there (an abi3 wheel for an older CPython counts). Computed from PyPI's
   * release file lists by scripts/refresh-knowledge.ts. `{}` for a version means no release has
   * one; a version missing here (not computed) falls back to `since` and `python` (abi3 covers
   * later versions).
   */
  byPython?: Record<string, Partial<Record<Arch, string>>>;
  /**
   * Per CPython minor version and architecture: the runs of final releases after the first one in
   * `byPython` that have no musllinux wheel installing there (a release that shipped none, or an
   * arch dropped: tree-sitter 0.24.0 and later have no aarch64 wheels). Computed with `byPython`;
   * only non-empty lists are kept, so `{}` means no gaps. With it, an exact pin is judged by its
   * own release and anything else by the latest release, per arch; absent: `python` decides.
   */
  withoutWheel?: Record<string, Partial<Record<Arch, ReleaseRun[]>>>;
}

export interface Source {
  /** Which fact: "build", "runtime", "dlopen", "wheels", "requires", "extras". */
  fact: 'build' | 'runtime' | 'dlopen' | 'wheels' | 'requires' | 'extras';
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
