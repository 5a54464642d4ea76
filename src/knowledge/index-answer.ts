/**
 * What the real package index answered for a target (explain --online), in the shape the
 * decisions read: the online adapter (src/online/) produces it, src/knowledge/index-decisions.ts
 * turns it into decisions. Kept here, below the adapter, so the knowledge layer never imports up.
 */
import type { Arch } from '../requirements/types.ts';
import type { BuildInference } from './build-system.ts';

/** The CPython version and architecture pip was asked about. */
export interface IndexTarget {
  python: string;
  arch: Arch;
}

/** How a distribution file installs: a musllinux wheel, a pure-Python wheel, or from source. */
export type OnlineStatus = 'wheel' | 'pure' | 'compile';

export interface OnlineDist {
  name: string;
  version: string;
  file: string | null;
  status: OnlineStatus | null;
  via: string | null;
}

export interface BlockedDist {
  name: string;
  /** The requirement pip could not satisfy with a wheel, e.g. "cryptography==3.3.2". */
  requirement: string;
  via: string | null;
  /** Releases that do have a usable file (empty when none has). */
  versions: string[];
  /** "compile": only sources fit; "unavailable": no wheel fits and no sdist either; "not-found": the index does not know the project. */
  reason: 'compile' | 'unavailable' | 'not-found';
  /** For a project the knowledge base does not know: what its sdist's pyproject.toml says the build needs. */
  inferred?: BuildInference & { sdist: string };
}

export interface OnlineResolution {
  dists: OnlineDist[];
  blocked: BlockedDist[];
  /** Marker environment dependency markers were evaluated in; null when pip never succeeded. */
  environment: Record<string, string> | null;
  /** What the user should know about the answers (a release pip picked that excludes the target Python). */
  warnings?: string[];
}
