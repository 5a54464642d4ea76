/**
 * Proof by execution of the lock install steps (issue 12): the generated Dockerfile of a uv.lock project is
 * read with the Dockerfile parser, and its build-stage steps up to the project install run for
 * real, each RUN script verbatim under /bin/sh -c with the stage's ENV, in a private mount
 * namespace laid out as BuildKit would: /opt and /tmp of the build, the RUN's cache mounts and
 * read-only bind mounts of the build context, `COPY . /tmp/src` as a copy.
 *
 * What is real: the pip step installs uv from PyPI through the requirement line the Dockerfile
 * writes, so pip checks the pinned version and both sha256 of src/target/uv-release.ts against the
 * musllinux wheel it downloads; that wheel's static uv binary then runs `uv sync` exactly as
 * generated. What differs from a build: the host is glibc, so pip is told the target platform
 * (a `python3` shim adds `--platform musllinux_1_1_x86_64` to `pip install`); `/usr/local/bin/python3`
 * is this machine's CPython (its prefix bound at /usr/local), not the image's; the project is tiny and offline (two wheels made
 * here, served as a flat index, locked by that same uv, their sha256 written into the lock), with
 * an in-tree build backend so installing the project needs no index either.
 *
 * Checked: the dependency layer installs exactly the locked runtime package (no dev group, not the
 * project) into UV_PROJECT_ENVIRONMENT, with only uv.lock and pyproject.toml mounted; the project
 * step installs it non-editable; a lock whose hash does not match its wheel fails the build. The
 * same for a pylock.toml (exported from that lock by the same uv): `uv venv` and `uv pip install`
 * as generated install exactly its package, and a wrong sha256 in it fails. And for a Poetry 2
 * poetry.lock: the generated script lists its main group (markers evaluated by the interpreter),
 * pip --no-deps installs it from a local find-links folder (the builder's index), a wrong hash fails.
 * And a pip-compile --generate-hashes requirements.txt through the ordinary pip step: pip enforces
 * its hashes by itself.
 * Needs root and `unshare` (Linux mount namespaces), and PyPI on the first run (pip's cache is kept
 * in the user cache): skips with the reason outside CI, fails under CI.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerfileParser, type Env } from 'dockerfile-ast';
import { execa, execaSync } from 'execa';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import type { ProjectConfig } from '../../src/project/config.ts';
import { decideForConfig } from '../../src/knowledge/pipeline.ts';
import { planManagedFiles } from '../../src/plan/project-files.ts';
import { UV_RELEASE } from '../../src/target/uv-release.ts';
import { CACHE_DIR } from '../support/alpine-userland.ts';
import { extractRunScripts } from '../support/linters.ts';
import { PYTHON, realIndexEnv } from '../support/python-venv.ts';
import { realIndexProblem } from '../online/real-index.ts';
import { requireOrSkip } from '../support/require.ts';

const CONFIG: ProjectConfig = {
  version: 3,
  generator: '0.1.0',
  name: 'proofapp',
  python: '3.12',
  arches: ['aarch64', 'x86_64'],
  app: 'cli',
  port: null,
  requirements: 'uv.lock',
  code: 'installed',
  cmd: ['python', '-m', 'proofapp'],
  buildDeps: { add: [], remove: [] },
  runtimeLibs: { add: [], remove: [] },
};

// Wheels made here, byte for byte the same on every run (fixed zip times).
const MAKE_WHEEL = `
import base64, hashlib, sys, zipfile
out, name, version, module = sys.argv[1:5]
dist = f"{name}-{version}"
files = {f"{module}/__init__.py": f"NAME = {name!r}\\n".encode()}
files[f"{dist}.dist-info/METADATA"] = f"Metadata-Version: 2.1\\nName: {name}\\nVersion: {version}\\n".encode()
files[f"{dist}.dist-info/WHEEL"] = b"Wheel-Version: 1.0\\nGenerator: proof\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n"
record = [f"{n},sha256={base64.urlsafe_b64encode(hashlib.sha256(c).digest()).rstrip(b'=').decode()},{len(c)}" for n, c in files.items()]
files[f"{dist}.dist-info/RECORD"] = ("\\n".join(record + [f"{dist}.dist-info/RECORD,,"]) + "\\n").encode()
with zipfile.ZipFile(f"{out}/{dist}-py3-none-any.whl", "w") as z:
    for n, c in files.items():
        z.writestr(zipfile.ZipInfo(n, date_time=(2026, 12, 2, 0, 0, 0)), c)
`;

// A PEP 517 backend inside the project (backend-path): building the project needs no index.
const BACKEND = `import base64, hashlib, os, zipfile

NAME, VERSION = "proofapp", "0.1.0"


def get_requires_for_build_wheel(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    dist = f"{NAME}-{VERSION}"
    files = {f"{NAME}/__init__.py": open(f"{NAME}/__init__.py", "rb").read()}
    files[f"{dist}.dist-info/METADATA"] = f"Metadata-Version: 2.1\\nName: {NAME}\\nVersion: {VERSION}\\nRequires-Dist: tinydep\\n".encode()
    files[f"{dist}.dist-info/WHEEL"] = b"Wheel-Version: 1.0\\nGenerator: proof\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n"
    record = [f"{n},sha256={base64.urlsafe_b64encode(hashlib.sha256(c).digest()).rstrip(b'=').decode()},{len(c)}" for n, c in files.items()]
    files[f"{dist}.dist-info/RECORD"] = ("\\n".join(record + [f"{dist}.dist-info/RECORD,,"]) + "\\n").encode()
    name = f"{dist}-py3-none-any.whl"
    with zipfile.ZipFile(os.path.join(wheel_directory, name), "w") as z:
        for n, c in files.items():
            z.writestr(n, c)
    return name
`;

const PYPROJECT = `[build-system]
requires = []
build-backend = "backend"
backend-path = ["_backend"]

[project]
name = "proofapp"
version = "0.1.0"
requires-python = ">=3.10"
dependencies = ["tinydep"]

[dependency-groups]
dev = ["devtool"]
`;

/** pip's cache mount, kept between runs so only the first one downloads uv. */
const PIP_CACHE = join(CACHE_DIR, 'uv-proof-pip-cache');

interface Step {
  kind: 'run' | 'copy';
  text: string;
  flags: string[];
  env: [string, string][];
}

/** The build stage's ENV, COPY and RUN steps in order, after its apk add, up to the last one matching `last` (uv by default). */
function buildSteps(dockerfile: string, lastPattern: RegExp = /\/opt\/uv\/bin\/uv/): Step[] {
  const runs = extractRunScripts(dockerfile).filter((run) => run.stage === 'build');
  const env: [string, string][] = [];
  const steps: Step[] = [];
  let runIndex = 0;
  for (const instruction of DockerfileParser.parse(dockerfile).getInstructions()) {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM' && steps.length > 0) break;
    if (keyword === 'ENV') for (const property of (instruction as Env).getProperties()) env.push([property.getName(), property.getValue() ?? '']);
    if (keyword === 'COPY') steps.push({ kind: 'copy', text: instruction.getArgumentsContent() ?? '', flags: [], env: [...env] });
    if (keyword === 'RUN') {
      const run = runs[runIndex++]!;
      steps.push({ kind: 'run', text: run.script, flags: run.flags, env: [...env] });
    }
  }
  const last = steps.map((step) => lastPattern.test(step.text)).lastIndexOf(true);
  return steps.slice(1, last + 1); // the first step is the build stage's apk add
}

/** A shell word in single quotes (the harness is this test's own text). */
function quote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

/**
 * The harness one namespace runs: W bound at /mnt, the build's /opt and an empty /tmp, this
 * machine's CPython prefix at /usr/local (so /usr/local/bin/python3 finds its standard library as in
 * the image), then each step with its mounts.
 */
function harness(work: string, python: string, steps: Step[], before: string[] = [], extraEnv: [string, string][] = []): string {
  const lines = [
    'set -eu',
    `mount --bind ${quote(work)} /mnt`,
    `mount --bind ${quote(PIP_CACHE)} /mnt/pip-cache`,
    'mount --bind /mnt/opt /opt',
    'mount -t tmpfs tmpfs /tmp',
    // The RUN's cache mounts, over an empty /root/.cache (nothing of this machine's caches leaks in).
    'mkdir -p /root/.cache && mount -t tmpfs tmpfs /root/.cache && mkdir /root/.cache/pip /root/.cache/uv',
    'mount --bind /mnt/pip-cache /root/.cache/pip',
    'mount --bind /mnt/uv-cache /root/.cache/uv',
    // This machine's CPython laid out as the python images have theirs: its prefix at /usr/local.
    ...(python === '/usr/local' ? [] : [`mount --bind ${quote(python)} /usr/local`]),
    ...before,
  ];
  steps.forEach((step, index) => {
    if (step.kind === 'copy') {
      const [source, target] = step.text.trim().split(/\s+/);
      // COPY . DIR: the whole context; COPY FILE DEST: that file.
      if (source === '.') lines.push(`mkdir -p ${quote(target!)}`, `cp -a /mnt/context/. ${quote(target!)}`);
      else lines.push(`mkdir -p "$(dirname ${quote(target!)})"`, `cp ${quote(`/mnt/context/${source!}`)} ${quote(target!)}`);
      return;
    }
    const mounts: string[] = [];
    for (const flag of step.flags) {
      const fields = Object.fromEntries(
        flag
          .replace(/^--mount=/, '')
          .split(',')
          .map((kv) => kv.split('=') as [string, string]),
      );
      if (fields.type === 'bind') {
        mounts.push(
          `mkdir -p "$(dirname ${quote(fields.target!)})"`,
          `touch ${quote(fields.target!)}`,
          `mount --bind -o ro ${quote(`/mnt/context/${fields.source!}`)} ${quote(fields.target!)}`,
        );
      } else {
        // Cache mounts: /root/.cache/pip and /root/.cache/uv are bound above.
        expect(fields, flag).toMatchObject({ type: 'cache' });
        expect(['/root/.cache/pip', '/root/.cache/uv']).toContain(fields.target);
      }
    }
    const env = [...step.env, ...extraEnv].map(([name, value]) => `${name}=${quote(value)}`).join(' ');
    const path = step.text.includes('python3 -m pip install') ? '/mnt/shim:/usr/local/bin:/usr/bin:/bin' : '/usr/local/bin:/usr/bin:/bin';
    writeFileSync(join(work, 'steps', `${index}.sh`), step.text);
    lines.push(...mounts, `echo "== step ${index}"`, `env -i HOME=/root PATH=${path} ${env} /bin/sh -c "$(cat /mnt/steps/${index}.sh)"`);
    for (const flag of step.flags) {
      const target = /target=([^,]+)/.exec(flag)?.[1];
      if (flag.includes('type=bind') && target) lines.push(`umount ${quote(target)}`);
    }
  });
  return `${lines.join('\n')}\n`;
}

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

function whyNotRunnable(): string | undefined {
  if (process.platform !== 'linux') return 'mount namespaces need Linux';
  if (process.getuid?.() !== 0) return 'unshare --mount needs root';
  const probe = execaSync('unshare', ['--mount', '--propagation', 'private', 'true'], { reject: false });
  return probe.exitCode === 0 ? undefined : `unshare --mount does not work here: ${String(probe.stderr).trim()}`;
}

describe('the uv steps of a uv.lock Dockerfile, run for real', () => {
  let work = '';
  let python = '';
  let steps: Step[] = [];
  /** The lock with the wheels' sha256, once the first test made it (the second exports it). */
  let hashedLock = '';
  const run = (script: string) => execa('unshare', ['--mount', '--propagation', 'private', '/bin/sh', '-c', script], { reject: false, all: true, timeout: 300_000 });

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'csp-uv-proof-'));
    for (const dir of ['opt', 'uv-cache', 'pip-cache', 'steps', 'shim', 'wheels', 'context/proofapp', 'context/_backend']) mkdirSync(join(work, dir), { recursive: true });
    mkdirSync(PIP_CACHE, { recursive: true });
    const text = planManagedFiles(CONFIG, decideForConfig(CONFIG, []), []).find((file) => file.path === 'Dockerfile')!.content;
    steps = buildSteps(text);
    // The base interpreter's prefix (not a venv's): bin/python3 and lib/pythonX.Y under it, as in the image.
    python = execaSync(PYTHON, ['-c', 'import os, sys; print(os.path.realpath(sys.base_prefix))']).stdout.trim();
  });
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('installs exactly the lock, then the project, and refuses a wheel whose hash differs', async (ctx: TestContext) => {
    requireOrSkip(ctx, whyNotRunnable(), 'root and unshare (mount namespaces)');
    const cachedUv = existsSync(PIP_CACHE) && readdirSync(PIP_CACHE).length > 0;
    requireOrSkip(ctx, cachedUv ? undefined : ((await realIndexProblem()) ?? undefined), 'PyPI (the first run downloads uv)');

    // The steps as generated: pip installs uv; uv sync of the lock; COPY . /tmp/src; uv sync of the project.
    expect(steps.map((step) => step.kind)).toEqual(['run', 'run', 'copy', 'run']);
    expect(steps[0]!.text).toContain(`uv==${UV_RELEASE.version} --hash=sha256:${UV_RELEASE.wheels.x86_64.sha256}`);
    expect(steps[1]!.text).toContain('/opt/uv/bin/uv sync --frozen --no-default-groups --no-install-project');
    expect(steps[1]!.env).toEqual(
      expect.arrayContaining([
        ['UV_PROJECT_ENVIRONMENT', '/opt/venv'],
        ['UV_PYTHON_DOWNLOADS', 'never'],
        ['UV_LINK_MODE', 'copy'],
      ]),
    );

    // The project: two wheels of our own, a flat index, an in-tree backend.
    for (const [name, module] of [
      ['tinydep', 'tinydep'],
      ['devtool', 'devtool'],
    ]) {
      await execa(PYTHON, ['-c', MAKE_WHEEL, join(work, 'wheels'), name!, '1.0', module!]);
    }
    writeFileSync(join(work, 'context/pyproject.toml'), PYPROJECT);
    writeFileSync(join(work, 'context/proofapp/__init__.py'), 'print("proofapp")\n');
    writeFileSync(join(work, 'context/_backend/backend.py'), BACKEND);
    const index = realIndexEnv();
    const pipEnv = Object.entries(index)
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => `export ${name}=${quote(value!)}`)
      .join('\n');
    writeFileSync(
      join(work, 'shim/python3'),
      `#!/bin/sh\n${pipEnv}\nif [ "$1 $2 $3" = "-m pip install" ]; then shift 3; exec /usr/local/bin/python3 -m pip install --platform musllinux_1_1_x86_64 "$@"; fi\nexec /usr/local/bin/python3 "$@"\n`,
      { mode: 0o755 },
    );

    // 1. uv from PyPI through the generated line; that uv locks the project (the lock: uv's own words).
    const lock = await run(
      harness(work, python, steps.slice(0, 1), []) +
        'cd /mnt/context && /opt/uv/bin/uv lock --offline --no-index --find-links /mnt/wheels --python /usr/local/bin/python3\n/opt/uv/bin/uv --version\n',
    );
    expect(lock.exitCode, lock.all).toBe(0);
    expect(lock.all).toContain(`uv ${UV_RELEASE.version}`);
    expect(existsSync(join(work, 'opt/uv/bin/uv'))).toBe(true);
    // uv records no hash for a local wheel: write each wheel's sha256 into the lock, as a registry's lock has.
    let lockText = readFileSync(join(work, 'context/uv.lock'), 'utf8');
    for (const wheel of ['tinydep-1.0-py3-none-any.whl', 'devtool-1.0-py3-none-any.whl']) {
      const entry = `{ path = "/mnt/wheels/${wheel}" }`;
      expect(lockText, wheel).toContain(entry);
      lockText = lockText.replace(entry, `{ path = "/mnt/wheels/${wheel}", hash = "sha256:${sha256(join(work, 'wheels', wheel))}" }`);
    }
    writeFileSync(join(work, 'context/uv.lock'), lockText);
    hashedLock = lockText;

    // 2. The dependency layer, then the project, exactly as generated.
    const build = await run(harness(work, python, steps.slice(1)));
    expect(build.exitCode, build.all).toBe(0);
    const site = join(work, 'opt/venv/lib', readdirSync(join(work, 'opt/venv/lib'))[0]!, 'site-packages');
    const installed = readdirSync(site)
      .filter((name) => !name.startsWith('_') && !name.endsWith('.pth'))
      .sort();
    expect(installed).toEqual(['proofapp', 'proofapp-0.1.0.dist-info', 'tinydep', 'tinydep-1.0.dist-info']);
    // Not editable: the code itself is in the venv, no .pth pointing back at /tmp/src.
    expect(readFileSync(join(site, 'proofapp/__init__.py'), 'utf8')).toBe('print("proofapp")\n');
    expect(readdirSync(site).filter((name) => name.endsWith('.pth'))).toEqual([]);
    expect(readFileSync(join(work, 'opt/venv/pyvenv.cfg'), 'utf8')).toMatch(/^uv = 0\.13\.9$/m);

    // The dependency layer alone installs the lock without the project (its own layer).
    rmSync(join(work, 'opt/venv'), { recursive: true, force: true });
    const depsOnly = await run(harness(work, python, steps.slice(1, 2)));
    expect(depsOnly.exitCode, depsOnly.all).toBe(0);
    expect(readdirSync(site).filter((name) => !name.startsWith('_') && !name.endsWith('.pth'))).toEqual(['tinydep', 'tinydep-1.0.dist-info']);

    // 3. A wheel that is not the one locked: uv refuses it.
    rmSync(join(work, 'opt/venv'), { recursive: true, force: true });
    rmSync(join(work, 'uv-cache'), { recursive: true, force: true });
    mkdirSync(join(work, 'uv-cache'));
    const tinydep = sha256(join(work, 'wheels/tinydep-1.0-py3-none-any.whl'));
    writeFileSync(join(work, 'context/uv.lock'), lockText.replace(tinydep, `${tinydep.slice(0, -1)}${tinydep.endsWith('0') ? '1' : '0'}`));
    const tampered = await run(harness(work, python, steps.slice(1, 2)));
    expect(tampered.exitCode).not.toBe(0);
    expect(tampered.all).toContain('Hash mismatch for `tinydep==1.0`');
    expect(existsSync(join(site, 'tinydep'))).toBe(false);
    console.log(
      `uv steps run for real: ${steps.length} steps, uv ${UV_RELEASE.version} from PyPI hash-checked, lock installed, project installed non-editable, tampered hash refused`,
    );
  });

  it('a pylock.toml: uv venv and uv pip install as generated, hashes checked', async (ctx: TestContext) => {
    requireOrSkip(ctx, whyNotRunnable(), 'root and unshare (mount namespaces)');
    if (hashedLock === '') ctx.skip('the uv.lock test did not run');
    const config: ProjectConfig = { ...CONFIG, requirements: 'pylock.toml', code: 'context' };
    const pylockSteps = buildSteps(planManagedFiles(config, decideForConfig(config, []), []).find((file) => file.path === 'Dockerfile')!.content);
    expect(pylockSteps.map((step) => step.kind)).toEqual(['run', 'run']);
    expect(pylockSteps[1]!.text).toMatch(
      /^\/opt\/uv\/bin\/uv venv --python \/usr\/local\/bin\/python3 \/opt\/venv +&& \/opt\/uv\/bin\/uv pip install --python \/opt\/venv\/bin\/python +--requirement \/tmp\/requirements\/pylock.toml$/,
    );
    // The pylock of the same project, by the same uv (PEP 751, the wheels' sha256 carried over).
    writeFileSync(join(work, 'context/uv.lock'), hashedLock);
    rmSync(join(work, 'opt/venv'), { recursive: true, force: true });
    const exported = await run(
      harness(work, python, []) + 'cd /mnt/context && /opt/uv/bin/uv export --frozen --offline --format pylock.toml --no-dev --no-emit-project -o pylock.toml\n',
    );
    expect(exported.exitCode, exported.all).toBe(0);
    const pylock = readFileSync(join(work, 'context/pylock.toml'), 'utf8');
    const tinydep = sha256(join(work, 'wheels/tinydep-1.0-py3-none-any.whl'));
    expect(pylock).toContain(tinydep);
    expect(pylock).not.toContain('devtool');

    const install = await run(harness(work, python, pylockSteps.slice(1)));
    expect(install.exitCode, install.all).toBe(0);
    const site = join(work, 'opt/venv/lib', readdirSync(join(work, 'opt/venv/lib'))[0]!, 'site-packages');
    expect(readdirSync(site).filter((name) => !name.startsWith('_') && !name.endsWith('.pth'))).toEqual(['tinydep', 'tinydep-1.0.dist-info']);

    rmSync(join(work, 'opt/venv'), { recursive: true, force: true });
    rmSync(join(work, 'uv-cache'), { recursive: true, force: true });
    mkdirSync(join(work, 'uv-cache'));
    writeFileSync(join(work, 'context/pylock.toml'), pylock.replace(tinydep, `${tinydep.slice(0, -1)}${tinydep.endsWith('0') ? '1' : '0'}`));
    const tampered = await run(harness(work, python, pylockSteps.slice(1)));
    expect(tampered.exitCode).not.toBe(0);
    expect(tampered.all).toMatch(/[Hh]ash mismatch/);
    console.log('pylock.toml steps run for real: uv venv + uv pip install of the exported lock, tampered hash refused');
  });

  it('a Poetry 2 poetry.lock: its main group listed in the build stage, pip checks the hashes', async (ctx: TestContext) => {
    requireOrSkip(ctx, whyNotRunnable(), 'root and unshare (mount namespaces)');
    const config: ProjectConfig = { ...CONFIG, requirements: 'poetry.lock', code: 'context' };
    const poetrySteps = buildSteps(planManagedFiles(config, decideForConfig(config, []), []).find((file) => file.path === 'Dockerfile')!.content, /python3 -m pip/);
    expect(poetrySteps.map((step) => step.kind)).toEqual(['copy', 'run']);
    expect(poetrySteps[0]!.text.trim()).toBe('poetry.lock /tmp/requirements/poetry.lock');
    for (const name of ['tinydep', 'devtool', 'winonly']) await execa(PYTHON, ['-c', MAKE_WHEEL, join(work, 'wheels'), name, '1.0', name]);
    const hash = (name: string) => sha256(join(work, 'wheels', `${name}-1.0-py3-none-any.whl`));
    const entry = (name: string, groups: string, marker?: string) =>
      `[[package]]\nname = "${name}"\nversion = "1.0"\ndescription = ""\noptional = false\npython-versions = "*"\ngroups = [${groups}]\n${marker ? `markers = ${JSON.stringify(marker)}\n` : ''}files = [\n    {file = "${name}-1.0-py3-none-any.whl", hash = "sha256:${hash(name)}"},\n]\n`;
    // Poetry 2's format (lock-version 2.1): a dev package, a main one, a main one only for Windows.
    const lock = `# This file is automatically @generated by Poetry 2.5.1 and should not be changed by hand.\n\n${entry('devtool', '"dev"')}\n${entry('tinydep', '"main"')}\n${entry('winonly', '"main"', 'sys_platform == "win32"')}\n[metadata]\nlock-version = "2.1"\npython-versions = ">=3.10"\ncontent-hash = "0"\n`;
    writeFileSync(join(work, 'context/poetry.lock'), lock);
    rmSync(join(work, 'opt/venv'), { recursive: true, force: true });
    // The builder's index is these wheels (what pip.conf would say); the step itself is as generated.
    const index: [string, string][] = [
      ['PIP_NO_INDEX', '1'],
      ['PIP_FIND_LINKS', '/mnt/wheels'],
    ];
    const install = await run(harness(work, python, poetrySteps, [], index) + 'cat /tmp/requirements/poetry-requirements.txt\n');
    expect(install.exitCode, install.all).toBe(0);
    // The listed file is exactly one line: the main group's package for this platform, with its hash.
    expect(install.all.split('Successfully installed tinydep-1.0\n')[1]).toBe(`tinydep==1.0 --hash=sha256:${hash('tinydep')}`);
    const site = join(work, 'opt/venv/lib', readdirSync(join(work, 'opt/venv/lib'))[0]!, 'site-packages');
    expect(readdirSync(site).filter((name) => !name.startsWith('_') && !name.endsWith('.pth'))).toEqual(['tinydep', 'tinydep-1.0.dist-info']);

    rmSync(join(work, 'opt/venv'), { recursive: true, force: true });
    writeFileSync(join(work, 'context/poetry.lock'), lock.replace(hash('tinydep'), `${hash('tinydep').slice(0, -1)}${hash('tinydep').endsWith('0') ? '1' : '0'}`));
    const tampered = await run(harness(work, python, poetrySteps, [], index));
    expect(tampered.exitCode).not.toBe(0);
    expect(tampered.all).toContain('THESE PACKAGES DO NOT MATCH THE HASHES');
    console.log('poetry.lock step run for real: main group listed by the generated script, dev and win32 packages left out, pip --no-deps installed it, tampered hash refused');
  });

  it('a pip-compile --generate-hashes requirements.txt: the generated pip step enforces its hashes', async (ctx: TestContext) => {
    requireOrSkip(ctx, whyNotRunnable(), 'root and unshare (mount namespaces)');
    const config: ProjectConfig = { ...CONFIG, version: 2, requirements: 'requirements.txt', code: 'context' };
    const pipSteps = buildSteps(planManagedFiles(config, decideForConfig(config, []), []).find((file) => file.path === 'Dockerfile')!.content, /python3 -m pip/);
    expect(pipSteps.map((step) => step.kind)).toEqual(['copy', 'run']);
    await execa(PYTHON, ['-c', MAKE_WHEEL, join(work, 'wheels'), 'tinydep', '1.0', 'tinydep']);
    const digest = sha256(join(work, 'wheels/tinydep-1.0-py3-none-any.whl'));
    // pip-compile --generate-hashes writes each pin with its hashes on continuation lines.
    const pinned = `tinydep==1.0 \\\n    --hash=sha256:${digest}\n    # via proofapp\n`;
    const index: [string, string][] = [
      ['PIP_NO_INDEX', '1'],
      ['PIP_FIND_LINKS', '/mnt/wheels'],
    ];
    writeFileSync(join(work, 'context/requirements.txt'), pinned);
    rmSync(join(work, 'opt/venv'), { recursive: true, force: true });
    const install = await run(harness(work, python, pipSteps, [], index));
    expect(install.exitCode, install.all).toBe(0);
    const site = join(work, 'opt/venv/lib', readdirSync(join(work, 'opt/venv/lib'))[0]!, 'site-packages');
    expect(readdirSync(site).filter((name) => !name.startsWith('_') && !name.endsWith('.pth'))).toEqual(['tinydep', 'tinydep-1.0.dist-info']);

    rmSync(join(work, 'opt/venv'), { recursive: true, force: true });
    writeFileSync(join(work, 'context/requirements.txt'), pinned.replace(digest, `${digest.slice(0, -1)}${digest.endsWith('0') ? '1' : '0'}`));
    const tampered = await run(harness(work, python, pipSteps, [], index));
    expect(tampered.exitCode).not.toBe(0);
    expect(tampered.all).toContain('THESE PACKAGES DO NOT MATCH THE HASHES');
    console.log('pip-compile --generate-hashes requirements.txt through the generated pip step: installed, tampered hash refused');
  });
});
