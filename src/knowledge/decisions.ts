/** The shapes of decisions: per project a status with its reason, and the Alpine package sets. */
import type { KnowledgeEntry } from './schema.ts';
import type { Arch } from '../requirements/types.ts';
import type { FormatControl } from '../requirements/format-control.ts';

/** `unavailable`: no musllinux wheel fits and there is nothing to build from (no sdist). */
export type Status = 'pure' | 'wheel' | 'compile' | 'unknown' | 'unavailable';

export interface Knowledge {
  packages: ReadonlyMap<string, KnowledgeEntry>;
}

export interface PackageDecision {
  name: string;
  status: Status;
  /** Why this status, in the user's terms. */
  why: string;
  build: string[];
  runtime: string[];
  sources: string[];
  /** Requirement that brought it in (itself, or the project that requires it). */
  via: string | null;
  /** The knowledge base's remark on building it (compiling projects only). */
  note?: string;
}

export interface ApkReason {
  name: string;
  /** Projects that need it, sorted. */
  for: string[];
}

export interface Decisions {
  packages: PackageDecision[];
  apk: { build: ApkReason[]; runtime: ApkReason[] };
  /** Everything worth telling the user, problems included. */
  warnings: string[];
  /** What makes the build fail or the app break (a pin that cannot build, a project that cannot install): exit 2 under --strict. */
  problems: Problem[];
}

export interface Problem {
  /** The project concerned. */
  name: string;
  message: string;
}

export interface DecideTarget {
  python: string;
  /** Architectures the image is built for; a project compiles when any of them lacks a wheel. */
  arches: readonly Arch[];
  /** `--no-binary` / `--only-binary` from the requirements files (default: both formats allowed). */
  formats?: FormatControl;
  /** Project -> the distribution files a lock file lists for it: they decide its wheel status. */
  locked?: ReadonlyMap<string, readonly string[]>;
}
