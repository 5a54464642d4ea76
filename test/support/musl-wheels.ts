/**
 * Real musllinux wheels for a set of requirements, as pip would install them into a venv on
 * Alpine: the host's pip resolves and unpacks them for a foreign platform (`--platform
 * musllinux_1_2_<arch> --platform musllinux_1_1_<arch> --python-version X.Y --implementation cp
 * --only-binary :all:`; some projects tag only musllinux_1_1). Each set is unpacked once into the
 * user cache and reused, so only a first run needs the index.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { execa } from 'execa';
import type { Arch } from '../../src/requirements/types.ts';
import { CACHE_DIR } from './alpine-userland.ts';
import { PYTHON, realIndexEnv } from './python-venv.ts';

export interface WheelSet {
  requirements: readonly string[];
  python: string;
  arch: Arch;
}

const TARGETS = join(CACHE_DIR, 'musl-wheels');

/** The folder holding the unpacked wheels of a set (pip's --target layout), installing it on first use. */
export async function unpackWheels(set: WheelSet): Promise<string> {
  const key = createHash('sha256')
    .update(JSON.stringify([set.requirements, set.python, set.arch]))
    .digest('hex')
    .slice(0, 16);
  const target = join(TARGETS, `${set.arch}-cp${set.python.replace('.', '')}-${key}`);
  if (existsSync(join(target, '.complete'))) return target;
  mkdirSync(TARGETS, { recursive: true });
  const staging = `${target}.partial`;
  rmSync(staging, { recursive: true, force: true });
  if (set.requirements.length > 0) {
    const args = [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--no-compile',
      '--target',
      staging,
      '--platform',
      `musllinux_1_2_${set.arch}`,
      '--platform',
      `musllinux_1_1_${set.arch}`,
      '--python-version',
      set.python,
      '--implementation',
      'cp',
      '--only-binary',
      ':all:',
      ...set.requirements,
    ];
    const result = await execa(PYTHON, args, { env: realIndexEnv(), reject: false, timeout: 600_000 });
    if (result.exitCode !== 0)
      throw new Error(`pip could not fetch musllinux wheels for ${set.requirements.join(' ')} (${set.arch}, CPython ${set.python}):\n${String(result.stderr)}`);
  } else {
    mkdirSync(staging, { recursive: true });
  }
  writeFileSync(join(staging, '.complete'), `${JSON.stringify(set)}\n`);
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
  return target;
}

/**
 * Lays the unpacked wheels out as a venv would hold them: packages in
 * `<venv>/lib/pythonX.Y/site-packages`, console scripts and binaries (pip's `--target`/bin) in
 * `<venv>/bin`.
 */
export function layOutVenv(unpacked: string, venv: string, python: string): void {
  const sitePackages = join(venv, 'lib', `python${python}`, 'site-packages');
  mkdirSync(sitePackages, { recursive: true });
  mkdirSync(join(venv, 'bin'), { recursive: true });
  for (const entry of readdirSync(unpacked)) {
    if (entry === '.complete') continue;
    const destination = entry === 'bin' ? join(venv, 'bin') : join(sitePackages, entry);
    cpSync(join(unpacked, entry), destination, { recursive: true, verbatimSymlinks: true });
  }
}
