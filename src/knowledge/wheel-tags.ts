/**
 * Whether a wheel file installs on CPython X.Y with musl for an architecture, from its file name's
 * compatibility tags (https://packaging.python.org/en/latest/specifications/platform-compatibility-tags/).
 * Shared by the wheel-history refresh script and the knowledge-vs-index test, so both read the
 * index the same way. Pure.
 */
import type { Arch } from '../requirements/types.ts';

export type WheelFit = 'wheel' | 'pure' | 'none';

/**
 * 'wheel' for a musllinux_1_0..1_2 wheel (the python:X.Y-alpine images have musl 1.2) whose
 * Python/ABI tags fit: cpXY/cpXY, cp3N/abi3 with N <= Y, or py3/py3N (N <= Y)/cpXY with abi "none"; 'pure' for
 * a fitting platform-"any" wheel; 'none' otherwise (sdists included). Free-threaded (cpXYt) wheels
 * do not fit the default interpreter.
 */
export function wheelFits(file: string, python: string, arch: Arch): WheelFit {
  if (!file.endsWith('.whl')) return 'none';
  const parts = file.slice(0, -4).split('-');
  if (parts.length < 5) return 'none';
  const [pythons, abis, platforms] = parts.slice(-3).map((tag) => tag.split('.')) as [string[], string[], string[]];
  const minor = minorOf(python);
  const cp = `cp3${minor}`;
  const pythonOk = (abi: string): boolean =>
    pythons.some((py) => {
      if (abi === cp) return py === cp;
      if (abi === 'abi3') return /^cp3\d+$/.test(py) && Number(py.slice(3)) <= minor;
      // packaging's compatible_tags: py3 and py3N for N <= Y, and cpXY itself (not older cp3N).
      if (abi === 'none') return py === 'py3' || py === cp || (/^py3\d+$/.test(py) && Number(py.slice(3)) <= minor);
      return false;
    });
  if (!abis.some(pythonOk)) return 'none';
  if (platforms.some((platform) => new RegExp(`^musllinux_1_[012]_${arch}$`).test(platform))) return 'wheel';
  return platforms.includes('any') ? 'pure' : 'none';
}

/** The minor number of "3.12" (12). */
export function minorOf(version: string): number {
  return Number(version.split('.')[1]);
}
