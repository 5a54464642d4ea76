import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILD_TOOLS, EXTERNAL_NAMES, inferBuildNeeds } from '../../src/knowledge/build-system.ts';

const names = (text: string) => inferBuildNeeds(text)?.apk.map((item) => item.name);

describe('inferBuildNeeds (pyproject.toml of an sdist)', () => {
  it('maturin and setuptools-rust need cargo, saying from what', () => {
    const maturin = inferBuildNeeds('[build-system]\nrequires = ["maturin>=1.5,<2.0"]\nbuild-backend = "maturin"\n')!;
    expect(maturin.backend).toBe('maturin');
    expect(maturin.apk).toEqual([
      {
        name: 'cargo',
        because: '[build-system] requires maturin>=1.5,<2.0: maturin builds Rust extensions with cargo; build-backend maturin: maturin builds Rust extensions with cargo',
      },
    ]);
    expect(names('[build-system]\nrequires = ["setuptools>=61", "setuptools-rust>=1.7"]\nbuild-backend = "setuptools.build_meta"\n')).toEqual(['cargo']);
  });

  it('scikit-build-core and cmake need cmake and the compilers; meson-python the compilers and pkg-config', () => {
    expect(names('[build-system]\nrequires = ["scikit-build-core>=0.10", "pybind11"]\nbuild-backend = "scikit_build_core.build"\n')).toEqual(['build-base', 'cmake']);
    expect(names('[build-system]\nrequires = ["meson-python", "Cython>=3"]\nbuild-backend = "mesonpy"\n')).toEqual(['build-base', 'pkgconf']);
  });

  it('a pure-Python backend needs nothing', () => {
    expect(inferBuildNeeds('[build-system]\nrequires = ["hatchling"]\nbuild-backend = "hatchling.build"\n')).toEqual({ backend: 'hatchling.build', apk: [], unmapped: [] });
    expect(inferBuildNeeds('[project]\nname = "x"\n')).toEqual({ backend: null, apk: [], unmapped: [] });
  });

  it('reads PEP 725 [external] and lists what it cannot map', () => {
    const inferred = inferBuildNeeds(
      [
        '[build-system]',
        'requires = ["setuptools"]',
        '',
        '[external]',
        'build-requires = ["dep:virtual/compiler/c", "dep:virtual/compiler/rust"]',
        'host-requires = ["dep:generic/openssl@3", "dep:generic/libffi>=3.4", "dep:generic/somethingrare"]',
      ].join('\n'),
    )!;
    expect(inferred.apk.map((item) => item.name)).toEqual(['build-base', 'cargo', 'libffi-dev', 'openssl-dev']);
    expect(inferred.apk.find((item) => item.name === 'openssl-dev')!.because).toBe('[external] host-requires dep:generic/openssl@3 (PEP 725)');
    expect(inferred.unmapped).toEqual(['dep:generic/somethingrare']);
  });

  it('gives no inference for a file that is not TOML', () => {
    expect(inferBuildNeeds('[build-system\nrequires = [')).toBeNull();
  });

  it('uses only Alpine names the knowledge base has sourced (src/knowledge/alpine/*.json)', () => {
    const known = new Set<string>();
    const dir = new URL('../../src/knowledge/alpine/', import.meta.url);
    for (const file of readdirSync(dir)) for (const name of Object.keys(JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as object)) known.add(name);
    // The tables themselves, not the source text: under mutation testing the source is instrumented.
    const used = [...BUILD_TOOLS.flatMap((tool) => tool.apk), ...Object.values(EXTERNAL_NAMES).flat()];
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((name) => !known.has(name))).toEqual([]);
  });
});
