/**
 * What an unknown project needs to build on Alpine, inferred from its sdist's pyproject.toml:
 * the `[build-system]` table (PEP 517/518: its backend and build requirements) and, where the
 * project declares it, PEP 725 `[external]` metadata (https://peps.python.org/pep-0725/). Each
 * Alpine package comes with what it was inferred from, so `explain` can say so. Pure: text in,
 * data out; a file that is not valid TOML gives no inference, never an error.
 */
import { parse } from 'smol-toml';

export interface BuildInference {
  /** The PEP 517 backend, e.g. "maturin" or "scikit_build_core.build"; null when none is declared. */
  backend: string | null;
  /** Alpine packages (sorted), each with what it was inferred from. */
  apk: { name: string; because: string }[];
  /** PEP 725 dependencies declared but without a known Alpine name (shown to the user as they are). */
  unmapped: string[];
}

/**
 * Build tools recognised in `build-system.requires` or the backend name. Alpine names are real
 * packages (their APKBUILDs: main/rust for cargo, main/cmake, main/pkgconf, main/build-base,
 * main/gcc for gfortran); build-base brings gcc, g++ and make. meson and ninja themselves come
 * from PyPI into pip's build environment (ninja ships musllinux wheels), so meson-python needs the
 * compilers and pkg-config only.
 */
export const BUILD_TOOLS: readonly { match: RegExp; apk: readonly string[]; what: string }[] = [
  { match: /^(maturin)$/, apk: ['cargo'], what: 'maturin builds Rust extensions with cargo' },
  { match: /^(setuptools-rust)$/, apk: ['cargo'], what: 'setuptools-rust builds Rust extensions with cargo' },
  { match: /^(scikit-build-core|scikit-build|cmake)$/, apk: ['build-base', 'cmake'], what: 'a CMake build (C/C++ compilers and cmake)' },
  { match: /^(meson-python|mesonpy)$/, apk: ['build-base', 'pkgconf'], what: 'a Meson build (compilers and pkg-config; meson and ninja come from PyPI)' },
  { match: /^(cython|pybind11|nanobind|cffi|numpy|oldest-supported-numpy)$/, apk: ['build-base'], what: 'a compiled extension (C/C++ compilers)' },
];

/** PEP 725 virtual compilers and the generic packages we know the Alpine -dev package of. */
export const EXTERNAL_NAMES: Readonly<Record<string, readonly string[]>> = {
  'virtual/compiler/c': ['build-base'],
  'virtual/compiler/cxx': ['build-base'],
  'virtual/compiler/c++': ['build-base'],
  'virtual/compiler/rust': ['cargo'],
  'virtual/compiler/fortran': ['gfortran'],
  'generic/cmake': ['cmake'],
  'generic/pkg-config': ['pkgconf'],
  'generic/pkgconf': ['pkgconf'],
  'generic/openssl': ['openssl-dev'],
  'generic/libffi': ['libffi-dev'],
  'generic/zlib': ['zlib-dev'],
  'generic/libxml2': ['libxml2-dev'],
  'generic/libxslt': ['libxslt-dev'],
  'generic/libjpeg-turbo': ['libjpeg-turbo-dev'],
  'generic/libjpeg': ['libjpeg-turbo-dev'],
  'generic/libpng': ['libpng-dev'],
  'generic/libwebp': ['libwebp-dev'],
  'generic/libpq': ['libpq-dev'],
  'generic/postgresql': ['libpq-dev'],
  'generic/sqlite': ['sqlite-dev'],
  'generic/bzip2': ['bzip2-dev'],
  'generic/openblas': ['openblas-dev'],
  'generic/libcurl': ['curl-dev'],
  'generic/curl': ['curl-dev'],
  'generic/krb5': ['krb5-dev'],
  'generic/libyaml': ['yaml-dev'],
  'generic/freetype': ['freetype-dev'],
  'generic/hdf5': ['hdf5-dev'],
  'generic/geos': ['geos-dev'],
  'generic/proj': ['proj-dev'],
  'generic/gdal': ['gdal-dev'],
};

/** Reads a pyproject.toml; null when it is not valid TOML. */
export function inferBuildNeeds(pyproject: string): BuildInference | null {
  let document: Record<string, unknown>;
  try {
    document = parse(pyproject) as Record<string, unknown>;
  } catch {
    return null;
  }
  const system = table(document['build-system']);
  const backend = typeof system?.['build-backend'] === 'string' ? system['build-backend'] : null;
  const requires = strings(system?.requires);
  const found = new Map<string, Set<string>>();
  const note = (name: string, because: string) => found.set(name, (found.get(name) ?? new Set()).add(because));
  const backendRoot = backend?.split('.')[0]?.replace(/_/g, '-') ?? null;
  for (const requirement of requires) {
    const name = requirementName(requirement);
    for (const tool of BUILD_TOOLS) {
      if (name !== null && tool.match.test(name)) for (const apk of tool.apk) note(apk, `[build-system] requires ${requirement}: ${tool.what}`);
    }
  }
  if (backendRoot !== null) {
    for (const tool of BUILD_TOOLS) {
      if (tool.match.test(backendRoot)) for (const apk of tool.apk) note(apk, `build-backend ${backend}: ${tool.what}`);
    }
  }
  const unmapped: string[] = [];
  const external = table(document.external);
  for (const key of ['build-requires', 'host-requires', 'dependencies']) {
    for (const dependency of strings(external?.[key])) {
      const apk = EXTERNAL_NAMES[externalName(dependency)];
      if (apk) for (const name of apk) note(name, `[external] ${key} ${dependency} (PEP 725)`);
      else unmapped.push(dependency);
    }
  }
  const apk = [...found.entries()].map(([name, reasons]) => ({ name, because: [...reasons].sort().join('; ') })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { backend, apk, unmapped: [...new Set(unmapped)].sort() };
}

/** `dep:virtual/compiler/c` or `dep:generic/openssl@3>=3.0` -> `virtual/compiler/c`, `generic/openssl`. */
function externalName(dependency: string): string {
  return dependency
    .replace(/^dep:/, '')
    .replace(/[@?#].*$/, '')
    .replace(/[<>=!~;\s].*$/, '')
    .toLowerCase();
}

function requirementName(requirement: string): string | null {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(requirement);
  return match ? match[1]!.toLowerCase().replace(/[-_.]+/g, '-') : null;
}

function table(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
