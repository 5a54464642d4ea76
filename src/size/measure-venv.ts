/**
 * Measures the venv the Dockerfile would build, without Docker: the user's pip downloads and
 * installs the real musllinux wheels (their index, their config) into a temporary folder, then the
 * same steps as the build stage run where this machine can run them: `strip --strip-unneeded` on
 * ELF files outside the wheels' `*.libs` folders, and `compileall` (unchecked-hash) when bytecode is
 * on. Whatever could not run is reported as a note, never silently assumed.
 */
import { mkdtemp, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { ToolError } from '../errors.ts';
import type { Arch } from '../requirements/types.ts';
import type { PipCommand } from '../online/find-pip.ts';
import { platformTags } from '../online/run-pip.ts';

export interface VenvMeasure {
  /** Bytes of every file in the venv after stripping and compiling. */
  venv: number;
  /** Bytes per installed distribution (normalised project name), files owned per its RECORD. */
  packages: Record<string, number>;
  /** What could not be done as the Dockerfile does it, and what was done instead. */
  notes: string[];
}

export interface MeasureOptions {
  pip: PipCommand;
  /** Requirement lines for pip (markers already evaluated for the target). */
  lines: readonly string[];
  target: { python: string; arch: Arch };
  bytecode: boolean;
  env: Record<string, string | undefined>;
}

/** Arguments for installing the target's wheels into a folder, as the build stage would. */
export function buildTargetInstallArgs(target: { python: string; arch: Arch }, dir: string, requirementsFile: string): string[] {
  return [
    'install',
    '--no-input',
    '--disable-pip-version-check',
    '--progress-bar',
    'off',
    '--quiet',
    '--no-compile',
    '--only-binary',
    ':all:',
    ...platformTags(target.arch).flatMap((tag) => ['--platform', tag]),
    '--python-version',
    target.python,
    '--implementation',
    'cp',
    '--target',
    dir,
    '-r',
    requirementsFile,
  ];
}

/** Installs, strips, compiles and measures; the temporary folder is always removed. */
export async function measureVenv(options: MeasureOptions): Promise<VenvMeasure> {
  const { execa } = await import('execa');
  const work = await mkdtemp(join(tmpdir(), 'slim-python-size-'));
  const notes: string[] = [];
  try {
    const venv = join(work, 'venv');
    const requirementsFile = join(work, 'requirements.txt');
    await writeFile(requirementsFile, `${options.lines.join('\n')}\n`, 'utf8');
    const install = await execa(options.pip.file, [...options.pip.prefix, ...buildTargetInstallArgs(options.target, venv, requirementsFile)], {
      env: options.env,
      extendEnv: false,
      reject: false,
      all: true,
      stdin: 'ignore',
      cwd: work,
      timeout: 15 * 60_000,
    });
    if (install.exitCode !== 0) {
      const last = String(install.all ?? install.shortMessage ?? '')
        .trim()
        .split('\n')
        .filter(Boolean)
        .slice(-3)
        .join(' | ');
      throw new ToolError(`--size: pip could not install the musllinux wheels for CPython ${options.target.python} (${options.target.arch}): ${last}`, 70);
    }
    const files = await listFiles(venv);
    const elf = [];
    for (const file of files) if (!file.split(sep).some((part) => part.endsWith('.libs')) && (await isElf(file))) elf.push(file);
    if (elf.length > 0) {
      // Debian's and Alpine's GNU strip handle any x86_64/aarch64 ELF; Apple's strip does not.
      const strip = await execa('strip', ['--strip-unneeded', ...elf], { env: options.env, extendEnv: false, reject: false, all: true, stdin: 'ignore' });
      if (strip.exitCode !== 0) {
        notes.push(
          `strip (GNU binutils) could not run here (${strip.exitCode === undefined ? 'not found' : 'failed'}): ${elf.length} extension modules were measured unstripped, so the image will be smaller than shown`,
        );
      }
    }
    if (options.bytecode) await compileBytecode(venv, options, notes, execa);
    const sizes = new Map<string, number>();
    for (const file of await listFiles(venv)) sizes.set(relative(venv, file).split(sep).join('/'), (await stat(file)).size);
    return { venv: sum(sizes.values()), packages: await sharesByDistribution(venv, sizes), notes };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function compileBytecode(venv: string, options: MeasureOptions, notes: string[], execa: typeof import('execa').execa): Promise<void> {
  // The Dockerfile compiles with the image's own interpreter; here the nearest is python3 on PATH.
  const version = await execa('python3', ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { env: options.env, extendEnv: false, reject: false, stdin: 'ignore' });
  if (version.exitCode !== 0) {
    notes.push('python3 is not on PATH: the bytecode was not compiled, so the venv is shown without its .pyc files (about 15% more for typical web stacks)');
    return;
  }
  const found = String(version.stdout).trim();
  if (found !== options.target.python)
    notes.push(`bytecode compiled with Python ${found} (the image uses ${options.target.python}): .pyc sizes differ by a few percent between versions`);
  // Like pip, a file that does not compile (a template, a Python 2 leftover) stays source only.
  await execa('python3', ['-m', 'compileall', '-q', '-j', '0', '--invalidation-mode', 'unchecked-hash', venv], {
    env: options.env,
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
  });
}

/** Bytes per distribution: each file counted for the distribution whose RECORD lists it (a .pyc for its source). */
async function sharesByDistribution(venv: string, sizes: ReadonlyMap<string, number>): Promise<Record<string, number>> {
  const owner = new Map<string, string>();
  for (const entry of await readdir(venv)) {
    const match = /^(.+)-[^-]+\.dist-info$/.exec(entry);
    if (!match) continue;
    const name = match[1]!.toLowerCase().replace(/[-_.]+/g, '-');
    const record = await readFile(join(venv, entry, 'RECORD'), 'utf8').catch(() => '');
    for (const line of record.split('\n')) {
      // Console scripts are recorded relative to site-packages (`../../../bin/NAME`); --target puts them in bin/.
      const path = line.split(',')[0]?.replace(/^(\.\.\/)+(?=bin\/)/, '');
      if (path) owner.set(path, name);
    }
    owner.set(`${entry}/RECORD`, name);
  }
  const shares: Record<string, number> = {};
  for (const [path, size] of sizes) {
    const name = owner.get(path) ?? owner.get(sourceOf(path) ?? '') ?? '(other files)';
    shares[name] = (shares[name] ?? 0) + size;
  }
  return shares;
}

/** `pkg/__pycache__/mod.cpython-312.pyc` -> `pkg/mod.py`; null for anything else. */
export function sourceOf(path: string): string | null {
  const match = /^(.*?)(?:^|\/)__pycache__\/([^/]+?)\.[^/.]+(?:\.opt-\d)?\.pyc$/.exec(path);
  if (!match) return null;
  return `${match[1] ? `${match[1]}/` : ''}${match[2]}.py`;
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile()) out.push(path);
    }
  };
  await walk(dir);
  return out.sort();
}

async function isElf(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(4);
    const { bytesRead } = await handle.read(buffer, 0, 4, 0);
    return bytesRead === 4 && buffer.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
  } finally {
    await handle.close();
  }
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
