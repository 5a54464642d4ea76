/**
 * What the release image holds before the venv, per runtime: alpine:3.24, the Alpine packages the
 * release installs for the interpreter, and the interpreter tree the build stage copies in. No
 * image can be pulled here, so each number says where it comes from and how it was estimated.
 */

export interface BaseSize {
  /** `alpine:3.24` on disk (amd64). */
  alpine: number;
  /** ca-certificates, tzdata and the libraries the interpreter's extension modules link. */
  packages: number;
  /** The copied interpreter tree with its sources and no bytecode (`--no-bytecode`). */
  interpreter: number;
  /** The same tree with the standard library compiled in place of its sources (the default). */
  interpreterBytecode: number;
  /** Where the numbers come from, and what was estimated. */
  source: string;
  /** When the numbers were taken. */
  date: string;
}

/** docker-library/repo-info `repos/alpine/local/3.24.2.md`: "Virtual Size: ~ 8.42 Mb" (amd64, created 2026-09-17). */
const ALPINE_3_24 = 8_420_000;

/**
 * Installed sizes from docker-library/repo-info `repos/python/local/3.13-alpine3.24.md` (and the
 * 3.12.14 one, less the libraries only the left-out nis module links): ca-certificates 207 KiB,
 * tzdata 433, sqlite-libs 1602, libncursesw 334, readline 292, xz-libs 221, ncurses-terminfo-base
 * 100, libbz2 76, gdbm 71, libffi 38, libuuid 29, libpanelw 17.
 */
const INTERPRETER_PACKAGES = 3420 * 1024;

/**
 * The interpreter trees were modelled on pyenv's CPython builds on the development machine (glibc,
 * same stdlib): the files the Dockerfile copies, minus STDLIB_OMISSIONS, ELF files stripped as the
 * official build links them (`-Wl,--strip-all`), measured with `du -sb` before and after
 * `compileall -b` + removing the sources. Cross-check: the same model of the whole 3.12 /usr/local
 * is 36.3 MB against 34.8 MB derived from repo-info for python:3.12.14-alpine3.24 (48.87 MB image
 * less alpine and its packages), so these numbers lean high by about 4%.
 */
const MODEL = 'interpreter modelled on a CPython {v} tree (pyenv, glibc, stripped), measured 2026-12-01; alpine:3.24.2 and packages from docker-library/repo-info';

const cpython = (version: string, interpreter: number, interpreterBytecode: number, modelledOn = version): BaseSize => ({
  alpine: ALPINE_3_24,
  packages: INTERPRETER_PACKAGES,
  interpreter,
  interpreterBytecode,
  source: MODEL.replace('{v}', modelledOn === version ? modelledOn : `${modelledOn} (no ${version} tree was measured)`),
  date: '2026-12-01',
});

/** Per runtime id (`--python`); absent for Alpine's own python3, whose package size is not sourced here. */
export const BASE_SIZES: Readonly<Record<string, BaseSize>> = {
  // 3.10's bytecode is more compact than its source (3.11 added inline caches to code objects).
  '3.10': cpython('3.10', 18_734_216, 15_905_586),
  '3.11': cpython('3.11', 20_857_977, 22_195_081),
  '3.12': cpython('3.12', 21_694_121, 22_081_502),
  '3.13': cpython('3.13', 20_147_950, 20_628_812),
  '3.14': cpython('3.14', 20_147_950, 20_628_812, '3.13'),
  '3.15': cpython('3.15', 20_147_950, 20_628_812, '3.13'),
};

/** The base of the release image in bytes for a runtime and bytecode choice; null when unknown. */
export function baseBytes(runtimeId: string, bytecode: boolean): number | null {
  const row = BASE_SIZES[runtimeId];
  if (!row) return null;
  return row.alpine + row.packages + (bytecode ? row.interpreterBytecode : row.interpreter);
}
