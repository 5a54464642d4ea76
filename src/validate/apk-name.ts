/**
 * Alpine package names the user types end up in `apk add` lines of the Dockerfile, so they are
 * checked against Alpine's naming rules first and anything else is rejected (never quoted through).
 * abuild accepts pkgname characters [a-z0-9._+-] (https://wiki.alpinelinux.org/wiki/APKBUILD_Reference#pkgname);
 * apk also resolves `so:` (a shared library soname) and `cmd:` (a command) provides.
 */
import { UsageError } from '../errors.ts';

const PACKAGE_NAME = /^[a-z0-9][a-z0-9._+-]*$/;
const SONAME = /^so:[A-Za-z0-9][A-Za-z0-9._+-]*\.so(\.[0-9]+)*$/;
const COMMAND = /^cmd:[A-Za-z0-9][A-Za-z0-9._+-]*$/;
const MAX_LENGTH = 100;

/** True when `name` is a valid apk package name or `so:`/`cmd:` provide. */
export function isApkName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_LENGTH) return false;
  return PACKAGE_NAME.test(name) || SONAME.test(name) || COMMAND.test(name);
}

/**
 * Parses a comma- or whitespace-separated list of apk names from a flag or prompt.
 * Entries may carry a `+` (add to the inferred list) or `-` (remove from it) prefix.
 */
export function parseApkList(value: string, flag: string): ApkListEntry[] {
  const entries: ApkListEntry[] = [];
  for (const raw of value.split(/[\s,]+/)) {
    if (raw === '') continue;
    const op = raw[0] === '+' ? 'add' : raw[0] === '-' ? 'remove' : 'set';
    const name = op === 'set' ? raw : raw.slice(1);
    if (!isApkName(name)) {
      throw new UsageError(
        `invalid Alpine package name ${JSON.stringify(raw)} in ${flag}: use names like "libpq" or "so:libmagic.so.1" (lowercase letters, digits, ".", "_", "+", "-")`,
      );
    }
    // "+gcc,-gcc" would cancel out silently: ask for one.
    const clash = entries.find((entry) => entry.name === name && (entry.op === 'remove') !== (op === 'remove'));
    if (clash) {
      throw new UsageError(`${flag} both adds and removes ${name} (${spell(clash)} and ${raw}): keep one`);
    }
    entries.push({ op, name });
  }
  return entries;
}

function spell(entry: ApkListEntry): string {
  return entry.op === 'add' ? `+${entry.name}` : entry.op === 'remove' ? `-${entry.name}` : entry.name;
}

export interface ApkListEntry {
  op: 'set' | 'add' | 'remove';
  name: string;
}
