/**
 * What to write instead, for a `--requirement` value that is a requirements-file line but not a
 * PEP 508 requirement: pip options, includes, local paths, bare URLs, per-requirement options.
 * Each advice names a form that works (`NAME @ URL`, or a file passed with --requirements-file).
 */
import { normalizeName } from '../requirements/normalize.ts';

const FILE_ADVICE = 'put it in a requirements file and pass --requirements-file FILE';

/** Advice for a value that did not parse as PEP 508 (or starts with "-"), or null for a plain typo. */
export function adviseRequirementValue(value: string): string | null {
  const include = /^(?:-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+)(\S+)$/.exec(value);
  if (include) return `includes another requirements file: pass --requirements-file ${include[1]} (or list its requirements with --requirement)`;
  if (value.startsWith('-')) return `is a pip option line, not a requirement: ${FILE_ADVICE}`;
  if (/^(\.{1,2}(\/|$)|\/|~)/.test(value)) return `is a local path: ${FILE_ADVICE} (the Dockerfile then needs a COPY of that path before the install step)`;
  const url = /^([a-z][a-z0-9+.-]*:\/\/\S+)$/i.exec(value);
  if (url) return `is a bare URL: write it as "NAME @ URL", e.g. "${guessProjectName(url[1]!)} @ ${url[1]}"`;
  const options = /\s(--?[A-Za-z][\w-]*(?:[=\s]\S+)?)/.exec(value);
  if (options) return `has per-requirement options (${options[1]}), which belong in a requirements file: put the line in one and pass --requirements-file FILE`;
  return null;
}

/** A project name read from a URL: `#egg=NAME`, a wheel or sdist file name, or the last path segment. */
function guessProjectName(url: string): string {
  const egg = /[#&]egg=([A-Za-z0-9._-]+)/.exec(url);
  if (egg) return normalizeName(egg[1]!);
  const path = url.replace(/[#?].*$/, '').replace(/\/+$/, '');
  let last = path.slice(path.lastIndexOf('/') + 1).replace(/@[^@]*$/, '');
  last = last.replace(/\.(git|whl|zip|tar\.gz|tgz|tar\.bz2)$/, '');
  // A wheel or sdist file name: NAME-VERSION[-...]; the name never contains "-" there.
  const distribution = /^([A-Za-z0-9._]+)-\d/.exec(last);
  const name = distribution ? distribution[1]! : last;
  return name === '' ? 'NAME' : normalizeName(name);
}
