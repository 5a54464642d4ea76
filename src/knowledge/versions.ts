/**
 * What a requirement's specifiers say about the release pip will pick, without the list of
 * releases (offline): pip installs the newest release the specifiers admit. Pure.
 */
import { gt, valid } from '@renovatebot/pep440';

/**
 * The clause that caps every admitted release below `version`, or null: a pin (`==`, `===`), an
 * upper bound (`<`, `<=`), a prefix (`==3.3.*`) or a compatible release (`~=3.3` admits up to, not
 * including, 4).
 */
export function clauseBelow(specifiers: readonly string[], version: string): string | null {
  if (!valid(version)) return null;
  for (const clause of specifiers) {
    const match = /^(===|==|<=|<|~=)(.+)$/.exec(clause);
    if (!match) continue;
    const [, op, bound] = match as unknown as [string, string, string];
    const prefix = op === '==' && bound.endsWith('.*');
    const upper = prefix ? bumpRelease(bound.slice(0, -2), 0) : op === '~=' ? bumpRelease(bound, 1) : bound;
    if (!upper || !valid(upper)) continue;
    // An exclusive upper bound must be above `version`; a pin or inclusive bound must reach it.
    const exclusive = op === '<' || op === '~=' || prefix;
    if (exclusive ? !gt(upper, version) : gt(version, upper)) return clause;
  }
  return null;
}

/** The exact release a `==V` or `===V` clause pins (no wildcard), or null. */
export function exactPin(specifiers: readonly string[]): string | null {
  for (const clause of specifiers) {
    const match = /^(===|==)([^*]+)$/.exec(clause);
    if (match && valid(match[2]!)) return match[2]!;
  }
  return null;
}

/**
 * The release after a prefix: `3.3` with drop 1 -> `4`; `3.4` with drop 0 -> `3.5`. A leading
 * `v` and an epoch are PEP 440 syntax (https://peps.python.org/pep-0440/#preceding-v-character,
 * #version-epochs): the `v` is dropped, the epoch kept (`1!2.0` with drop 1 -> `1!3`).
 */
function bumpRelease(version: string, drop: number): string | null {
  const match = /^v?(?:([0-9]+)!)?([0-9]+(?:\.[0-9]+)*)/i.exec(version);
  if (!match) return null;
  const [, epoch, release] = match as unknown as [string, string | undefined, string];
  const parts = release.split('.').map(Number);
  const kept = parts.slice(0, Math.max(1, parts.length - drop));
  kept[kept.length - 1] = kept[kept.length - 1]! + 1;
  return `${epoch === undefined ? '' : `${epoch}!`}${kept.join('.')}`;
}

/** Compares CPython minor versions ("3.9" < "3.12"). */
export function compareMinor(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am! - bm! || an! - bn!;
}
