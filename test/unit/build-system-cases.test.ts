/**
 * inferBuildNeeds (src/knowledge/build-system.ts), the cases test/unit/build-system.test.ts leaves
 * out: a backend named only in build-backend, PEP 503 name runs, PEP 725 `dependencies`, qualifiers
 * after `@`, several reasons for one package, duplicates and non-string array items. Written out.
 */
import { describe, expect, it } from 'vitest';
import { inferBuildNeeds } from '../../src/knowledge/build-system.ts';

describe('inferBuildNeeds: more pyproject.toml shapes', () => {
  it('a backend given only as build-backend (dotted module, underscores) is recognised', () => {
    expect(inferBuildNeeds('[build-system]\nrequires = []\nbuild-backend = "scikit_build_core.build"\n')).toEqual({
      backend: 'scikit_build_core.build',
      apk: [
        { name: 'build-base', because: 'build-backend scikit_build_core.build: a CMake build (C/C++ compilers and cmake)' },
        { name: 'cmake', because: 'build-backend scikit_build_core.build: a CMake build (C/C++ compilers and cmake)' },
      ],
      unmapped: [],
    });
  });

  it('requirement names are normalised as PEP 503 does (runs of - _ . are one -, any case)', () => {
    expect(inferBuildNeeds('[build-system]\nrequires = ["Setuptools_-Rust>=1.7"]\nbuild-backend = "setuptools.build_meta"\n')?.apk).toEqual([
      { name: 'cargo', because: '[build-system] requires Setuptools_-Rust>=1.7: setuptools-rust builds Rust extensions with cargo' },
    ]);
  });

  it('reasons for one package are sorted, and packages are sorted whatever order they were found in', () => {
    const inferred = inferBuildNeeds(
      [
        '[build-system]',
        'requires = ["maturin>=1", "meson-python"]',
        'build-backend = "maturin"',
        '[external]',
        'build-requires = ["dep:virtual/compiler/rust", "dep:generic/cmake"]',
      ].join('\n'),
    );
    expect(inferred).toEqual({
      backend: 'maturin',
      apk: [
        { name: 'build-base', because: '[build-system] requires meson-python: a Meson build (compilers and pkg-config; meson and ninja come from PyPI)' },
        {
          name: 'cargo',
          because:
            '[build-system] requires maturin>=1: maturin builds Rust extensions with cargo; [external] build-requires dep:virtual/compiler/rust (PEP 725); build-backend maturin: maturin builds Rust extensions with cargo',
        },
        { name: 'cmake', because: '[external] build-requires dep:generic/cmake (PEP 725)' },
        { name: 'pkgconf', because: '[build-system] requires meson-python: a Meson build (compilers and pkg-config; meson and ninja come from PyPI)' },
      ],
      unmapped: [],
    });
  });

  it('PEP 725 dependencies count too; a version qualifier after @ is dropped; unmapped names are listed once, sorted; non-strings are skipped', () => {
    const inferred = inferBuildNeeds(
      [
        '[external]',
        'build-requires = [3, "dep:generic/zz-rare", "dep:virtual/compiler/c"]',
        'host-requires = ["dep:generic/openssl@3.0.1", "dep:generic/zz-rare", true]',
        'dependencies = ["dep:generic/zlib", "dep:generic/aa-rare"]',
      ].join('\n'),
    );
    expect(inferred).toEqual({
      backend: null,
      apk: [
        { name: 'build-base', because: '[external] build-requires dep:virtual/compiler/c (PEP 725)' },
        { name: 'openssl-dev', because: '[external] host-requires dep:generic/openssl@3.0.1 (PEP 725)' },
        { name: 'zlib-dev', because: '[external] dependencies dep:generic/zlib (PEP 725)' },
      ],
      unmapped: ['dep:generic/aa-rare', 'dep:generic/zz-rare'],
    });
  });
});

describe('inferBuildNeeds: text that only looks like a name', () => {
  it('"dep:" is a DepURL scheme only at the start; a newline is no part of a DepURL (PEP 725 names are PURL-like, without whitespace)', () => {
    const inferred = inferBuildNeeds(['[external]', 'build-requires = ["generic/zlibdep:", "dep:generic/zlib@\\n"]'].join('\n'));
    expect(inferred).toEqual({ backend: null, apk: [], unmapped: ['dep:generic/zlib@\n', 'generic/zlibdep:'] });
  });

  it('a build requirement must start with its name (packaging 26.4 refuses "(maturin)" and "-maturin")', () => {
    expect(inferBuildNeeds('[build-system]\nrequires = ["(maturin)", "-maturin"]\n')).toEqual({ backend: null, apk: [], unmapped: [] });
  });
});
