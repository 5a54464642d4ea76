/**
 * Reads the links pip's finder skipped in a `-vv` run with `--only-binary :all:`: each sdist it saw
 * is logged as "Skipping link: No sources permitted for NAME: URL" (pip's LinkEvaluator, the same
 * text from pip 22 to 26). That tells "must compile" (an sdist of the wanted release exists) from
 * "cannot install" (no fitting wheel and no sdist) without building anything. Pure.
 */
import { gt, satisfies, valid } from '@renovatebot/pep440';
import { fileNameOfUrl } from './pip-report.ts';
import { normalizeName } from '../requirements/normalize.ts';

const SDIST = /\.(tar\.gz|zip|tar\.bz2|tar\.xz|tgz)$/i;

/** Versions of the sdists of `name` that pip skipped for not being binaries. */
export function skippedSdistVersions(output: string, name: string): string[] {
  return [...new Set(skippedSdists(output, name).map((sdist) => sdist.version))];
}

/** The sdists of `name` that pip skipped, each with its version and download URL. */
export function skippedSdists(output: string, name: string): { version: string; url: string }[] {
  const sdists: { version: string; url: string }[] = [];
  for (const match of output.matchAll(/Skipping link: No sources permitted for ([^:]+): (\S+)/g)) {
    if (normalizeName(match[1]!) !== name) continue;
    const version = sdistVersion(fileNameOfUrl(match[2]!), name);
    if (version !== null) sdists.push({ version, url: match[2]! });
  }
  return sdists;
}

/** The URL of the newest sdist whose version satisfies the specifiers, or null. */
export function fittingSdistUrl(sdists: readonly { version: string; url: string }[], specifiers: string): string | null {
  const fitting = sdists.filter((sdist) => sdistFits([sdist.version], specifiers));
  fitting.sort((a, b) => (gt(a.version, b.version) ? -1 : gt(b.version, a.version) ? 1 : 0));
  return fitting[0]?.url ?? null;
}

/** The version in an sdist file name `name-version.tar.gz` (the name spelled any PEP 503 way), or null. */
export function sdistVersion(file: string, name: string): string | null {
  const ext = SDIST.exec(file);
  if (!ext) return null;
  const stem = file.slice(0, -ext[0].length);
  // The name may itself hold dashes: the version is what follows the last dash that starts one.
  for (let at = stem.indexOf('-'); at > 0; at = stem.indexOf('-', at + 1)) {
    if (normalizeName(stem.slice(0, at)) === name && valid(stem.slice(at + 1))) return stem.slice(at + 1);
  }
  return null;
}

/** Whether some sdist version satisfies a requirement's specifiers ("" or ",": any). */
export function sdistFits(versions: readonly string[], specifiers: string): boolean {
  const range = specifiers.trim();
  if (range === '') return versions.length > 0;
  return versions.some((version) => {
    try {
      return satisfies(version, range);
    } catch {
      return false;
    }
  });
}
