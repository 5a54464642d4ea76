/**
 * Which wheel file names install on python:3.12-alpine (musl 1.2), read from their compatibility
 * tags as the packaging spec defines them
 * (https://packaging.python.org/en/latest/specifications/platform-compatibility-tags/ and PEP 656
 * for musllinux). The expected fits are written out from the spec, not computed.
 */
import { describe, expect, it } from 'vitest';
import { minorOf, wheelFits } from '../../src/knowledge/wheel-tags.ts';

describe('wheelFits on CPython 3.12, x86_64', () => {
  it.each([
    // The usual CPython-specific musllinux wheel, for each musllinux level musl 1.2 runs.
    ['p-1.0-cp312-cp312-musllinux_1_2_x86_64.whl', 'wheel'],
    ['p-1.0-cp312-cp312-musllinux_1_1_x86_64.whl', 'wheel'],
    ['p-1.0-cp312-cp312-musllinux_1_0_x86_64.whl', 'wheel'],
    ['p-1.0-1-cp312-cp312-musllinux_1_2_x86_64.whl', 'wheel'], // with a build tag
    // A newer musl, another arch, glibc: not for this image.
    ['p-1.0-cp312-cp312-musllinux_1_3_x86_64.whl', 'none'],
    ['p-1.0-cp312-cp312-musllinux_1_2_aarch64.whl', 'none'],
    ['p-1.0-cp312-cp312-manylinux_2_17_x86_64.whl', 'none'],
    // Compressed tag sets: any one platform, python or ABI tag that fits is enough.
    ['p-1.0-cp312-cp312-manylinux_2_17_x86_64.musllinux_1_2_x86_64.whl', 'wheel'],
    ['p-1.0-cp312.cp313-cp312-musllinux_1_2_x86_64.whl', 'wheel'],
    ['p-1.0-cp312-cp312.cp313-musllinux_1_2_x86_64.whl', 'wheel'],
    // Another CPython's ABI, or a free-threaded build.
    ['p-1.0-cp311-cp311-musllinux_1_2_x86_64.whl', 'none'],
    ['p-1.0-cp313-cp313-musllinux_1_2_x86_64.whl', 'none'],
    ['p-1.0-cp312-cp312t-musllinux_1_2_x86_64.whl', 'none'],
    // The stable ABI: built for 3.8 or any later CPython up to 3.12.
    ['p-1.0-cp38-abi3-musllinux_1_2_x86_64.whl', 'wheel'],
    ['p-1.0-cp312-abi3-musllinux_1_2_x86_64.whl', 'wheel'],
    ['p-1.0-cp313-abi3-musllinux_1_2_x86_64.whl', 'none'],
    ['p-1.0-py3-abi3-musllinux_1_2_x86_64.whl', 'none'],
    // No ABI: a py3, py312 or cp312 python tag.
    ['p-1.0-py3-none-musllinux_1_2_x86_64.whl', 'wheel'],
    ['p-1.0-cp312-none-musllinux_1_2_x86_64.whl', 'wheel'],
    ['p-1.0-py312-none-musllinux_1_2_x86_64.whl', 'wheel'],
    ['p-1.0-py2-none-musllinux_1_2_x86_64.whl', 'none'],
    // packaging's compatible_tags: py3N for every N up to the running minor, never above it.
    ['p-1.0-py311-none-musllinux_1_2_x86_64.whl', 'wheel'],
    ['p-1.0-py313-none-musllinux_1_2_x86_64.whl', 'none'],
    ['p-1.0-py310-none-any.whl', 'pure'],
    ['p-1.0-py313-none-any.whl', 'none'],
    ['p-1.0-cp311-none-musllinux_1_2_x86_64.whl', 'none'],
    // Pure Python.
    ['p-1.0-py3-none-any.whl', 'pure'],
    ['p-1.0-py2.py3-none-any.whl', 'pure'],
    ['p-1.0-py312-none-any.whl', 'pure'],
    ['p-1.0-cp312-none-any.whl', 'pure'],
    ['p-1.0-py2-none-any.whl', 'none'],
    // Not a wheel, or not a wheel file name.
    ['p-1.0.tar.gz', 'none'],
    ['p-1.0-cp312-cp312-musllinux_1_2_x86_64.zip', 'none'],
    ['p-cp312-cp312-musllinux_1_2_x86_64.whl', 'none'],
    // Tags that only look like cp3N / py3N: packaging 26.4's cpython_tags and compatible_tags for
    // CPython 3.12 on musllinux_1_2_x86_64 hold none of them (JavaScript's Number() reads "0x9" as 9).
    ['p-1.0-cp30x9-abi3-musllinux_1_2_x86_64.whl', 'none'],
    ['p-1.0-py30x9-none-any.whl', 'none'],
    ['p-1.0-py310e0-none-any.whl', 'none'],
    ['p-1.0-xpy3-none-any.whl', 'none'],
    ['p-1.0-py39-none-any.whl', 'pure'],
    // The ABI cp312 goes with the python tag cp312 only (packaging 26.4 lists no cp311-cp312 or py3-cp312 tag).
    ['p-1.0-cp311-cp312-musllinux_1_2_x86_64.whl', 'none'],
    ['p-1.0-py3-cp312-musllinux_1_2_x86_64.whl', 'none'],
  ] as const)('%s: %s', (file, fit) => {
    expect(wheelFits(file, '3.12', 'x86_64')).toBe(fit);
  });
});

describe('wheelFits for other targets', () => {
  it('aarch64 and CPython 3.9', () => {
    expect(wheelFits('p-1.0-cp312-cp312-musllinux_1_2_aarch64.whl', '3.12', 'aarch64')).toBe('wheel');
    expect(wheelFits('p-1.0-cp38-abi3-musllinux_1_2_x86_64.whl', '3.9', 'x86_64')).toBe('wheel');
    expect(wheelFits('p-1.0-cp310-abi3-musllinux_1_2_x86_64.whl', '3.9', 'x86_64')).toBe('none');
  });

  it('minorOf', () => {
    expect(minorOf('3.12')).toBe(12);
    expect(minorOf('3.9')).toBe(9);
  });
});
