/**
 * What a lock file's list of distribution files says for the target, offline: the lock names the
 * very wheels and sdist pip or uv will choose from, so it is better evidence than the knowledge
 * base's wheel history (and it covers projects the knowledge base does not know). Pure.
 */
import type { Arch } from '../requirements/types.ts';
import { hasSdist } from './wheel-history.ts';
import { wheelFits } from './wheel-tags.ts';

export interface LockedFit {
  /** 'wheel': a musllinux wheel fits every arch; 'pure': a pure-Python wheel does; null: neither. */
  fit: 'wheel' | 'pure' | null;
  /** The first arch without a fitting wheel, when fit is null. */
  missingArch: Arch | null;
  sdist: boolean;
}

/** Reads a locked project's file names for CPython `python` on every arch. */
export function fitLockedFiles(files: readonly string[], python: string, arches: readonly Arch[]): LockedFit {
  let fit: LockedFit['fit'] = 'wheel';
  for (const arch of arches) {
    const found = files.map((file) => wheelFits(file, python, arch));
    if (found.includes('wheel')) continue;
    if (found.includes('pure')) {
      fit = 'pure';
      continue;
    }
    return { fit: null, missingArch: arch, sdist: hasSdist(files.map((filename) => ({ filename }))) };
  }
  return { fit, missingArch: null, sdist: hasSdist(files.map((filename) => ({ filename }))) };
}
