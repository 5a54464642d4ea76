/**
 * Our option lists in the shapes pip keeps them in (optparse Values), so the differential test can
 * compare them with what reference.py prints. The set logic mirrors pip's FormatControl /
 * ReleaseControl.handle_mutual_excludes (pip/_internal/models/format_control.py).
 */
import { normalizeName } from '../../src/requirements/normalize.ts';
import type { RequirementsOption } from '../../src/requirements/requirements-file.ts';

type Fields = Record<string, unknown>;

/** `--hash=a:b` / `--config-settings=k=v` strings as pip's per-requirement options dict. */
export function toPipRequirementOptions(options: readonly string[]): Fields {
  const hashes: Record<string, string[]> = {};
  const settings: Record<string, string | string[]> = {};
  for (const option of options) {
    const [name, value] = [option.slice(0, option.indexOf('=')), option.slice(option.indexOf('=') + 1)];
    if (name === '--hash') (hashes[value.split(':')[0]!] ??= []).push(value.slice(value.indexOf(':') + 1));
    else {
      const [key, setting] = [value.slice(0, value.indexOf('=')), value.slice(value.indexOf('=') + 1)];
      const previous = settings[key];
      settings[key] = previous === undefined ? setting : [...(Array.isArray(previous) ? previous : [previous]), setting];
    }
  }
  return { ...(Object.keys(hashes).length ? { hashes } : {}), ...(Object.keys(settings).length ? { config_settings: settings } : {}) };
}

// handle_mutual_excludes: `:all:` resets both sets, `:none:` empties the target, names move sets.
function applyPackageList(value: string, target: Set<string>, other: Set<string>): void {
  let names = value.split(',');
  while (names.includes(':all:')) {
    other.clear();
    target.clear();
    target.add(':all:');
    names = names.slice(names.indexOf(':all:') + 1);
    if (!names.includes(':none:')) return;
  }
  for (const name of names) {
    if (name === ':none:') target.clear();
    else {
      other.delete(normalizeName(name));
      target.add(normalizeName(name));
    }
  }
}

const LIST_FIELDS: Record<string, string> = {
  '--extra-index-url': 'extra_index_urls',
  '--find-links': 'find_links',
  '--trusted-host': 'trusted_hosts',
  '--use-feature': 'features_enabled',
};
const FLAG_FIELDS: Record<string, string> = {
  '--no-index': 'no_index',
  '--prefer-binary': 'prefer_binary',
  '--require-hashes': 'require_hashes',
  '--no-require-hashes': 'no_require_hashes',
  '--pre': 'pre',
};
const SET_FIELDS: Record<string, [string, string]> = {
  '--no-binary': ['no_binary', 'only_binary'],
  '--only-binary': ['only_binary', 'no_binary'],
  '--all-releases': ['all_releases', 'only_final'],
  '--only-final': ['only_final', 'all_releases'],
};

/** One option line's options as the non-default fields of pip's Values. */
export function toPipOptionFields(options: readonly RequirementsOption[]): Fields {
  const fields: Fields = {};
  const sets: Record<string, Set<string>> = {};
  const setOf = (field: string) => (sets[field] ??= new Set());
  for (const { name, value } of options) {
    if (name === '--index-url') fields.index_url = value;
    else if (name in LIST_FIELDS) {
      const field = LIST_FIELDS[name]!;
      fields[field] = [...((fields[field] as string[] | undefined) ?? []), value!];
    } else if (name in FLAG_FIELDS) fields[FLAG_FIELDS[name]!] = true;
    else if (name in SET_FIELDS) {
      const [target, other] = SET_FIELDS[name]!;
      applyPackageList(value!, setOf(target), setOf(other));
    }
  }
  for (const [field, values] of Object.entries(sets)) if (values.size > 0) fields[field] = [...values].sort();
  const ORDER = [
    'index_url',
    'extra_index_urls',
    'no_index',
    'find_links',
    'no_binary',
    'only_binary',
    'prefer_binary',
    'require_hashes',
    'no_require_hashes',
    'pre',
    'all_releases',
    'only_final',
    'trusted_hosts',
    'features_enabled',
  ];
  return Object.fromEntries(ORDER.filter((key) => key in fields).map((key) => [key, fields[key]]));
}
