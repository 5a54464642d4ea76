/**
 * Wheel history from PyPI's release file lists (the `releases` map of the JSON API,
 * https://docs.pypi.org/api/json/): per CPython version and architecture, the first final release
 * with a musllinux wheel that installs there. Pure: the refresh script fetches, this computes, and
 * the knowledge-vs-index test compares with the same code.
 */
import { compare, explain } from '@renovatebot/pep440';
import type { Arch } from '../requirements/types.ts';
import type { MusllinuxWheels, ReleaseRun } from './schema.ts';
import { wheelFits } from './wheel-tags.ts';

/** One file of a release, as the JSON API lists it. */
export interface ReleaseFile {
  filename: string;
  yanked?: boolean;
}

/** Release version -> its files. */
export type ReleaseFiles = Record<string, readonly ReleaseFile[]>;

export type WheelHistory = Record<string, Partial<Record<Arch, string>>>;

/**
 * Final releases (pip skips pre-releases and dev releases unless asked) with at least one
 * unyanked file, oldest first; invalid PEP 440 versions are skipped as pip skips them.
 */
export function finalReleases(releases: ReleaseFiles): string[] {
  return Object.keys(releases)
    .filter((version) => {
      const parsed = explain(version);
      return parsed !== null && parsed.pre === null && parsed.dev === null && (releases[version] ?? []).some((file) => !file.yanked);
    })
    .sort(compare);
}

/** Per CPython minor version and architecture, the first final release with a fitting musllinux wheel ({} for none). */
export function computeWheelHistory(releases: ReleaseFiles, pythons: readonly string[], arches: readonly Arch[]): WheelHistory {
  const history: WheelHistory = {};
  const ordered = finalReleases(releases);
  for (const python of pythons) {
    const row: Partial<Record<Arch, string>> = {};
    for (const arch of arches) {
      const first = ordered.find((version) => releases[version]!.some((file) => !file.yanked && wheelFits(file.filename, python, arch) === 'wheel'));
      if (first !== undefined) row[arch] = first;
    }
    // Every version asked gets a row, empty when no release fits: a missing row means "not computed".
    history[python] = row;
  }
  return history;
}

/** Whether a release ships an sdist (a `.tar.gz` or `.zip` that is not a wheel). */
export function hasSdist(files: readonly ReleaseFile[]): boolean {
  return files.some((file) => !file.yanked && /\.(tar\.gz|zip|tar\.bz2|tgz)$/.test(file.filename));
}

/**
 * The runs of consecutive final releases without an sdist, oldest first, each with the nearest
 * releases that have one: the per-release sdist history (yara-x 1.1.0 to 1.22.1 ship none).
 */
export function computeNoSdistRuns(releases: ReleaseFiles): ReleaseRun[] {
  return runsWhere(finalReleases(releases), (version) => !hasSdist(releases[version]!));
}

/** CPython minor version -> architecture -> runs of releases without a fitting musllinux wheel. */
export type WheelGaps = NonNullable<MusllinuxWheels['withoutWheel']>;

/**
 * Per CPython version and architecture, the runs of final releases after the first fitting
 * musllinux wheel that have none (tree-sitter 0.24.0 on dropped aarch64; thinc 9.0.0 shipped no
 * musllinux wheel at all). Only non-empty lists are kept.
 */
export function computeWheelGaps(releases: ReleaseFiles, pythons: readonly string[], arches: readonly Arch[]): WheelGaps {
  const ordered = finalReleases(releases);
  const gaps: WheelGaps = {};
  for (const python of pythons) {
    for (const arch of arches) {
      const fits = (version: string) => releases[version]!.some((file) => !file.yanked && wheelFits(file.filename, python, arch) === 'wheel');
      const first = ordered.findIndex(fits);
      if (first === -1) continue;
      const runs = runsWhere(ordered.slice(first), (version) => !fits(version));
      if (runs.length > 0) (gaps[python] ??= {})[arch] = runs;
    }
  }
  return gaps;
}

/** The maximal runs of consecutive releases (oldest first) that `lacks` holds for, each with its neighbours. */
function runsWhere(ordered: readonly string[], lacks: (version: string) => boolean): ReleaseRun[] {
  const runs: ReleaseRun[] = [];
  let open: ReleaseRun | null = null;
  let previous: string | undefined;
  for (const version of ordered) {
    if (!lacks(version)) {
      if (open) runs.push({ ...open, after: version });
      open = null;
      previous = version;
    } else if (open) open.through = version;
    else open = { from: version, through: version, ...(previous === undefined ? {} : { before: previous }) };
  }
  if (open) runs.push(open);
  return runs;
}
