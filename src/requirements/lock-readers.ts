/**
 * Readers of the lock files people commit, offline: uv.lock (https://docs.astral.sh/uv/concepts/projects/layout/#the-lockfile),
 * poetry.lock (poetry 1.x and 2.x), and pylock.toml (PEP 751, https://packaging.python.org/en/latest/specifications/pylock-toml/).
 * Each returns every package with its files, hashes, markers and dependency edges; lock-select.ts
 * picks what installs on a target. Pure: text in, data out; bad input is an InputFileError.
 */
import { InputFileError } from '../errors.ts';
import type { LockedEdge, LockedPackage, LockFile, LockKind } from './lock-select.ts';
import { normalizeName } from './normalize.ts';
import { parseTomlDocument } from './pyproject.ts';

type Table = Record<string, unknown>;

/** The lock file names we read, by kind (what `init` can look for). */
export const LOCK_FILE_NAMES: Record<LockKind, string> = { uv: 'uv.lock', poetry: 'poetry.lock', pylock: 'pylock.toml' };

/** Which reader a file name calls for (`pylock.NAME.toml` included), or null. */
export function lockKindOf(fileName: string): LockKind | null {
  const base = fileName.split('/').pop()!;
  if (base === 'uv.lock') return 'uv';
  if (base === 'poetry.lock') return 'poetry';
  if (/^pylock\.([^.]+\.)?toml$/.test(base)) return 'pylock';
  return null;
}

/** Parses a lock file of `kind`. */
export function readLockText(kind: LockKind, text: string, file: string): LockFile {
  const document = parseTomlDocument(text, file) as Table;
  const lines = packageLines(text, kind === 'pylock' ? 'packages' : 'package');
  const packages = kind === 'uv' ? readUv(document, file, lines) : kind === 'poetry' ? readPoetry(document, file, lines) : readPylock(document, file, lines);
  // poetry.lock's `python-versions` is poetry's own syntax (^3.10), not PEP 440: not read.
  const declared = document['requires-python'];
  const requiresPython = kind !== 'poetry' && typeof declared === 'string' ? declared : null;
  const markersRecorded = kind === 'poetry' && tables(document.package, file, '[[package]]').some((pkg) => Array.isArray(pkg.groups));
  return { kind, file, packages, requiresPython, ...(kind === 'poetry' ? { markersRecorded } : {}) };
}

// The line of each `[[package]]` / `[[packages]]` header, in order, for messages.
function packageLines(text: string, key: string): number[] {
  const lines: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === `[[${key}]]`) lines.push(index + 1);
  });
  return lines;
}

function tables(value: unknown, file: string, what: string): Table[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every(isTable)) throw new InputFileError(file, null, `${what} must be an array of tables`);
  return value;
}

function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** The file name at the end of a URL or path. */
function fileName(value: unknown): string | null {
  const raw = text(value);
  return raw === null ? null : decodeURIComponent(raw.split(/[?#]/)[0]!.split('/').pop()!);
}

function requireName(pkg: Table, file: string, line: number): string {
  const name = text(pkg.name);
  if (!name) throw new InputFileError(file, line, 'a package has no name');
  return normalizeName(name);
}

// uv.lock: [[package]] name, version, source = { registry | editable | virtual | directory | git | url },
// sdist = { url, hash }, wheels = [{ url, hash }], dependencies = [{ name, version?, marker?, extra? }],
// optional-dependencies = { extra = [...] }. The project itself is the editable/virtual root.
function readUv(document: Table, file: string, lines: number[]): LockedPackage[] {
  const packages = tables(document.package, file, '[[package]]').map((pkg, index): LockedPackage => {
    const line = lines[index] ?? 1;
    const source = isTable(pkg.source) ? pkg.source : {};
    const kind: LockedPackage['source'] =
      'registry' in source
        ? 'registry'
        : 'editable' in source
          ? 'editable'
          : 'virtual' in source
            ? 'virtual'
            : 'directory' in source || 'path' in source
              ? 'directory'
              : 'git' in source
                ? 'vcs'
                : 'url';
    const sdist = isTable(pkg.sdist) ? pkg.sdist : null;
    const wheels = tables(pkg.wheels, file, 'wheels');
    const files = [...wheels.map((wheel) => fileName(wheel.url ?? wheel.path ?? wheel.filename)), sdist ? fileName(sdist.url ?? sdist.path) : null].filter(
      (name): name is string => name !== null,
    );
    const edge = (dep: Table): LockedEdge => ({
      name: normalizeName(text(dep.name) ?? ''),
      version: text(dep.version),
      marker: text(dep.marker),
      extras: Array.isArray(dep.extra) ? dep.extra.filter((extra): extra is string => typeof extra === 'string') : [],
    });
    const optional = isTable(pkg['optional-dependencies']) ? pkg['optional-dependencies'] : {};
    return {
      name: requireName(pkg, file, line),
      version: text(pkg.version),
      line,
      source: kind,
      files: files.length > 0 ? files : null,
      hashed: [...wheels, ...(sdist ? [sdist] : [])].some((item) => typeof item.hash === 'string'),
      marker: null,
      root: kind === 'editable' || kind === 'virtual',
      dependencies: tables(pkg.dependencies, file, 'dependencies').map(edge),
      optional: Object.fromEntries(Object.entries(optional).map(([extra, deps]) => [extra, tables(deps, file, 'optional-dependencies').map(edge)])),
    };
  });
  return markRootsIfNone(packages);
}

// poetry.lock: [[package]] name, version, files = [{ file, hash }], groups (2.x) or category (1.x),
// markers (2.x: a string, or a table per group), [package.dependencies] name = "spec" | { version,
// markers, extras, optional } | [ ... ], [package.extras] extra = ["dep (spec)", ...].
function readPoetry(document: Table, file: string, lines: number[]): LockedPackage[] {
  const all = tables(document.package, file, '[[package]]');
  const packages = all.flatMap((pkg, index): LockedPackage[] => {
    const line = lines[index] ?? 1;
    const groups = Array.isArray(pkg.groups) ? pkg.groups : typeof pkg.category === 'string' ? [pkg.category] : ['main'];
    if (!groups.includes('main')) return []; // dev and other groups: `poetry install --only main`
    const markers = typeof pkg.markers === 'string' ? pkg.markers : isTable(pkg.markers) ? text(pkg.markers.main) : null;
    const files = tables(pkg.files, file, 'files');
    const dependencies: LockedEdge[] = [];
    for (const [name, spec] of Object.entries(isTable(pkg.dependencies) ? pkg.dependencies : {})) {
      for (const constraint of Array.isArray(spec) ? spec : [spec]) {
        const detail = isTable(constraint) ? constraint : {};
        // An optional dependency installs only through an extra ([package.extras]).
        if (detail.optional !== true)
          dependencies.push({ name: normalizeName(name), version: null, marker: text(detail.markers), extras: Array.isArray(detail.extras) ? detail.extras.map(String) : [] });
      }
    }
    const optional: Record<string, LockedEdge[]> = {};
    for (const [extra, deps] of Object.entries(isTable(pkg.extras) ? pkg.extras : {})) {
      optional[extra] = (Array.isArray(deps) ? deps : []).map((dep) => {
        const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[([^\]]*)\])?/.exec(String(dep));
        return { name: normalizeName(match?.[1] ?? String(dep)), version: null, marker: null, extras: match?.[2] ? match[2].split(',').map((e) => e.trim()) : [] };
      });
    }
    const sourceType = isTable(pkg.source) ? text(pkg.source.type) : null;
    return [
      {
        name: requireName(pkg, file, line),
        version: text(pkg.version),
        line,
        source: sourceType === null || sourceType === 'legacy' ? 'registry' : sourceType === 'git' ? 'vcs' : sourceType === 'url' ? 'url' : 'directory',
        files: files.length > 0 ? files.map((item) => text(item.file)).filter((name): name is string => name !== null) : null,
        hashed: files.some((item) => typeof item.hash === 'string'),
        marker: markers,
        root: false,
        dependencies,
        optional,
      },
    ];
  });
  // Poetry 2 records each package's groups and markers: the lock then lists exactly what installs
  // (extras the project asked for included), so every main package is a root under its marker.
  if (all.some((pkg) => Array.isArray(pkg.groups))) return packages.map((pkg) => ({ ...pkg, root: true }));
  return markRootsIfNone(packages);
}

// pylock.toml (PEP 751): [[packages]] name, version?, marker?, wheels = [{ name?, url?, path?, hashes }],
// sdist = { name?, url?, path?, hashes }, or vcs / directory / archive. Every package is a root:
// the lock already lists what installs, each under its own marker.
function readPylock(document: Table, file: string, lines: number[]): LockedPackage[] {
  if (text(document['lock-version']) === null) throw new InputFileError(file, null, 'has no lock-version: is it a PEP 751 pylock.toml?');
  return tables(document.packages, file, '[[packages]]').map((pkg, index): LockedPackage => {
    const line = lines[index] ?? 1;
    const wheels = tables(pkg.wheels, file, 'wheels');
    const sdist = isTable(pkg.sdist) ? pkg.sdist : null;
    const files = [...wheels, ...(sdist ? [sdist] : [])].map((item) => text(item.name) ?? fileName(item.url ?? item.path)).filter((name): name is string => name !== null);
    const source: LockedPackage['source'] = 'vcs' in pkg ? 'vcs' : 'directory' in pkg ? 'directory' : 'archive' in pkg ? 'url' : 'registry';
    return {
      name: requireName(pkg, file, line),
      version: text(pkg.version),
      line,
      source,
      files: files.length > 0 ? files : null,
      hashed: [...wheels, ...(sdist ? [sdist] : [])].some((item) => isTable(item.hashes) && Object.keys(item.hashes).length > 0),
      marker: text(pkg.marker),
      root: true,
      dependencies: [],
      optional: {},
    };
  });
}

// Without an explicit root (a uv lock of a plain script, any poetry lock), the roots are the packages
// nothing else depends on.
function markRootsIfNone(packages: LockedPackage[]): LockedPackage[] {
  if (packages.some((pkg) => pkg.root)) return packages;
  const depended = new Set(packages.flatMap((pkg) => [...pkg.dependencies, ...Object.values(pkg.optional).flat()].map((edge) => edge.name)));
  return packages.map((pkg) => ({ ...pkg, root: !depended.has(pkg.name) }));
}
