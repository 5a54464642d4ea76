/**
 * Proof by execution (issue 10): every generated RUN script that needs neither the network nor a
 * Python interpreter runs, exactly as the Dockerfile has it (read with the Dockerfile parser, under
 * the stage's SHELL), inside a real Alpine userland (busybox ash, musl, scanelf), over the real
 * musllinux wheels of each case, for x86_64 and aarch64 (scanelf reads foreign ELF files).
 * The runtime list it writes is then checked: each line a well-formed `so:` name, none provided by
 * the release stage's base image, each provided by an Alpine package the knowledge base knows.
 * Needs root (chroot), the unpacked rootfs (scripts/setup-alpine-rootfs.sh) and, on a first run,
 * the package index: skips with the reason outside CI, fails under CI.
 */
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { loadAlpineNames } from '../../src/knowledge/load.ts';
import { imageLibraryPatterns, loadStageFacts, matchesGlob } from '../../src/knowledge/stage-facts.ts';
import { ARCHES, type Arch } from '../../src/requirements/types.ts';
import { whyNoUserland, Userland } from '../support/alpine-userland.ts';
import { isCi } from '../support/cli.ts';
import { extractRunScripts, type RunScript } from '../support/linters.ts';
import { layOutVenv, unpackWheels } from '../support/musl-wheels.ts';
import { invokedCommands } from '../support/shell-commands.ts';
import { realIndexProblem } from '../online/real-index.ts';
import { planInterpreterCopy } from '../../src/plan/release-stage.ts';
import { findRuntime } from '../../src/target/runtimes.ts';
import { generateDockerfile, PROOF_PROJECTS } from './cases.ts';
import { releaseImage, runtimeListPath } from './dockerfile-facts.ts';
import { requireOrSkip } from '../support/require.ts';

interface ExecCase {
  name: string;
  project: (typeof PROOF_PROJECTS)[number];
  python: string;
  arch: Arch;
}

const CASES: ExecCase[] = PROOF_PROJECTS.flatMap((project) =>
  project.executeOn.flatMap((python) => ARCHES.map((arch) => ({ name: `${project.name} on ${python}, ${arch}`, project, python, arch }))),
);

const INTERPRETER_COMMANDS = new Set(['python', 'python3', 'pip', 'pip3']);
const stats = { cases: 0, scripts: 0, skippedInterpreter: 0, skippedNetwork: 0, runtimeLines: 0 };

/** Why a step cannot run here (needs the interpreter or the network), or null when it can. */
function whyNotRunnable(run: RunScript, userland: Userland): 'interpreter' | 'network' | null {
  const calls = invokedCommands(run.script);
  if (calls.some((call) => call.name !== null && INTERPRETER_COMMANDS.has(call.name.split('/').pop()!))) return 'interpreter';
  for (const call of calls) {
    if (call.name !== 'apk' || call.args[0] !== 'add') continue;
    const packages = call.args.slice(1).filter((arg) => arg === null || !arg.startsWith('-'));
    // `xargs -r apk add < LIST` with an empty LIST runs nothing: no repository is asked.
    const xargs = calls.find((other) => other.name === 'xargs');
    const input = xargs?.redirects.find((redirect) => redirect.op === '<')?.target;
    const emptyInput = input !== undefined && input !== null && readFileSync(userland.path(input), 'utf8').trim() === '';
    if (call.via !== 'xargs' || !xargs?.args.includes('-r') || packages.length > 0 || !emptyInput) return 'network';
  }
  return null;
}

/**
 * binutils cannot be installed here (no package repository): a stand-in `strip` records the files
 * it is given, so the step's pipeline (scanelf, awk, tr, xargs) runs for real and its choice of
 * files is checked.
 */
function installStripRecorder(alpine: Userland): void {
  const shim = alpine.path('usr/local/bin/strip');
  writeFileSync(shim, '#!/bin/sh\n[ "$1" = --strip-unneeded ] || exit 2\nshift\nfor f in "$@"; do echo "$f" >> /tmp/stripped; done\n');
  chmodSync(shim, 0o755);
}

/** The ELF files of a venv outside the wheels' *.libs folders: what the strip step must be given. */
function elfFilesToStrip(alpine: Userland): string[] {
  return listFiles(alpine.path('opt/venv'))
    .filter((rel) => !rel.split('/').some((part) => part.endsWith('.libs')))
    .filter((rel) =>
      readFileSync(alpine.path(`opt/venv/${rel}`))
        .subarray(0, 4)
        .equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46])),
    )
    .map((rel) => `/opt/venv/${rel}`);
}

/**
 * A stand-in for the python image's /usr/local (no CPython for musl can be installed here): the
 * files the interpreter copy keeps or leaves out, ELF ones being copies of busybox (it links only
 * musl), so the copy step's cp and rm globs run in busybox and its result is checked.
 */
function layOutInterpreterStandIn(alpine: Userland, version: string): void {
  const stem = `python${version}`;
  const abi = `cpython-${version.replace('.', '')}-x86_64-linux-musl`;
  const file = (rel: string, elf = false): void => {
    mkdirSync(join(alpine.path('usr/local'), rel, '..'), { recursive: true });
    if (elf) copyFileSync(alpine.path('bin/busybox'), alpine.path(`usr/local/${rel}`));
    else writeFileSync(alpine.path(`usr/local/${rel}`), '# stand-in\n');
  };
  file(`bin/${stem}`, true);
  symlinkSync(stem, alpine.path('usr/local/bin/python3'));
  symlinkSync('python3', alpine.path('usr/local/bin/python'));
  file('bin/pip3');
  file(`lib/lib${stem}.so.1.0`, true);
  file('lib/libpython3.so', true);
  for (const rel of [
    'os.py',
    'asyncio/__init__.py',
    'venv/__init__.py',
    'site-packages/pip/__init__.py',
    'site-packages/README.txt',
    'ensurepip/__init__.py',
    'idlelib/idle.py',
    'tkinter/__init__.py',
    'turtle.py',
    'turtledemo/__init__.py',
    'pydoc_data/topics.py',
    'lib2to3/__init__.py',
    `config-${version}-x86_64-linux-musl/Makefile`,
  ])
    file(`lib/${stem}/${rel}`);
  for (const name of ['_ssl', '_tkinter', 'nis', '_testcapi', '_ctypes_test', 'xxlimited', '_xxtestfuzz', 'xxsubtype']) file(`lib/${stem}/lib-dynload/${name}.${abi}.so`, true);
  file(`include/${stem}/Python.h`);
}

/** What the interpreter copy must hold: the interpreter, its links and libraries, the kept stdlib. */
function checkInterpreterCopy(alpine: Userland, version: string): void {
  const stem = `python${version}`;
  const tree = listFiles(alpine.path('opt/python'));
  const omitted = planInterpreterCopy(findRuntime(version)!)!.omit;
  expect(tree).toEqual(
    expect.arrayContaining([
      `bin/${stem}`,
      `lib/lib${stem}.so.1.0`,
      'lib/libpython3.so',
      `lib/${stem}/os.py`,
      `lib/${stem}/asyncio/__init__.py`,
      `lib/${stem}/venv/__init__.py`,
      `lib/${stem}/lib-dynload/_ssl.cpython-${version.replace('.', '')}-x86_64-linux-musl.so`,
    ]),
  );
  expect(readlinkSync(alpine.path('opt/python/bin/python3'))).toBe(stem);
  expect(lstatSync(alpine.path('opt/python/bin/python')).isSymbolicLink()).toBe(true);
  const leaked = tree.filter(
    (rel) =>
      /pip|ensurepip|idlelib|tkinter|turtle|pydoc_data|config-|_test|xxlimited|xxsubtype|_xxtestfuzz|include\//.test(rel) ||
      (omitted.includes('lib2to3') && rel.includes('lib2to3')) ||
      (omitted.includes('lib-dynload/nis.*') && rel.includes('/nis.')),
  );
  expect(leaked, 'left out of the interpreter copy').toEqual([]);
}

/** Every file under a folder, relative to it, sorted. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (sub: string): void => {
    for (const entry of readdirSync(join(dir, sub))) {
      const rel = sub === '' ? entry : `${sub}/${entry}`;
      if (statSync(join(dir, rel)).isDirectory()) walk(rel);
      else out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

/** The runtime list the scanelf step wrote, one entry per line. */
function readRuntimeList(alpine: Userland, dockerfile: string): string[] {
  const text = readFileSync(alpine.path(runtimeListPath(dockerfile)), 'utf8');
  return text === '' ? [] : text.replace(/\n$/, '').split('\n');
}

/** Each line a well-formed so: name, none the release base provides, each from a known Alpine package. */
function checkRuntimeList(lines: readonly string[], release: string, alpine: Userland): void {
  stats.runtimeLines += lines.length;
  const basePatterns = imageLibraryPatterns(release, ARCHES);
  const facts = loadStageFacts();
  const known = loadAlpineNames();
  for (const line of lines) {
    expect(line, 'a well-formed so: name').toMatch(/^so:[A-Za-z0-9_][A-Za-z0-9_.+-]*\.so(\.[0-9]+)*$/);
    const soname = line.slice(3);
    expect(
      basePatterns.some((pattern) => matchesGlob(soname, pattern)),
      `${soname} is provided by the release base ${release}: apk-adding it only needs the network`,
    ).toBe(false);
    const provider = Object.entries(facts.packages).find(([, pkg]) => pkg.sonames?.some((s) => ARCHES.some((a) => s.replaceAll('{arch}', a) === soname)));
    expect(provider, `no Alpine package in the stage facts provides ${soname}`).toBeDefined();
    expect(known[provider![0]], `${provider![0]} (provides ${soname}) is not an Alpine package the knowledge base knows`).toBeDefined();
  }
  // The real userland's own musl says which libc name it provides: never in the list.
  const libc = [...alpine.installedSonames().entries()].filter(([, pkg]) => pkg === 'musl').map(([name]) => `so:${name}`);
  expect(libc.length).toBeGreaterThan(0);
  expect(lines.filter((line) => libc.includes(line))).toEqual([]);
}

let userland: Userland | undefined;
let unavailable: string | undefined;

function requireUserland(ctx: TestContext): Userland {
  if (userland) return userland;
  requireOrSkip(ctx, unavailable ?? 'the Alpine userland was not set up', 'the Alpine userland');
  throw new Error('unreachable');
}

beforeAll(() => {
  unavailable = whyNoUserland();
  if (unavailable === undefined) userland = Userland.create();
});
afterAll(() => {
  userland?.dispose();
  // Printed so CI logs show how much really ran (skipped cases are not counted).
  console.log(
    `alpine execution: ${stats.cases} of ${CASES.length} generated Dockerfiles run (x86_64 and aarch64 wheels); ` +
      `${stats.scripts} RUN scripts executed in the real userland, ${stats.skippedInterpreter} left to the stage model ` +
      `(need the interpreter), ${stats.skippedNetwork} (need the network); ${stats.runtimeLines} runtime-list lines checked`,
  );
});

describe('generated RUN scripts in a real Alpine userland', () => {
  it.for(CASES)('$name', async ({ project, python, arch }, ctx) => {
    const alpine = requireUserland(ctx);
    const generated = generateDockerfile(project, python);
    let unpacked: string;
    try {
      unpacked = await unpackWheels({ requirements: project.requirements, python: generated.pythonVersion, arch });
    } catch (error) {
      const problem = await realIndexProblem();
      if (problem !== null && !isCi()) {
        console.warn(`skipped: ${problem}`);
        return ctx.skip(problem);
      }
      throw error;
    }
    alpine.reset();
    layOutVenv(unpacked, alpine.path('opt/venv'), generated.pythonVersion);
    const venvBefore = listFiles(alpine.path('opt/venv'));
    installStripRecorder(alpine);
    const cpython = !findRuntime(python)!.system;
    if (cpython) layOutInterpreterStandIn(alpine, generated.pythonVersion);
    const toStrip = elfFilesToStrip(alpine);

    const runs = extractRunScripts(generated.text);
    let listChecked = false;
    for (const run of runs) {
      const why = whyNotRunnable(run, alpine);
      if (why === 'interpreter') stats.skippedInterpreter += 1;
      if (why === 'network') stats.skippedNetwork += 1;
      if (why !== null) continue;
      const result = await alpine.run([...run.shell, run.script]);
      stats.scripts += 1;
      expect(result, `line ${run.line} (${run.stage}) failed in the Alpine userland:\n${run.script}`).toEqual({ exitCode: 0, stdout: '', stderr: '' });
      if (run.script.includes(runtimeListPath(generated.text))) listChecked = true;
    }
    expect(listChecked, 'the scanelf step ran').toBe(true);

    // The strip step handed strip exactly the venv's ELF files outside *.libs (issue 11).
    const stripped = existsSync(alpine.path('tmp/stripped')) ? readFileSync(alpine.path('tmp/stripped'), 'utf8').split('\n').filter(Boolean).sort() : [];
    expect(stripped).toEqual(toStrip);
    if (cpython) checkInterpreterCopy(alpine, generated.pythonVersion);

    // Nothing the steps write may land in the venv: the release stage copies /opt/venv whole.
    expect(listFiles(alpine.path('opt/venv'))).toEqual(venvBefore);

    const lines = readRuntimeList(alpine, generated.text);
    checkRuntimeList(lines, releaseImage(generated.text), alpine);
    stats.cases += 1;
  });
});

describe('execution harness controls', () => {
  // Wheels bundle what they link (auditwheel), so real wheel sets leave the list empty. An
  // extension built from source links Alpine's own libraries: a real Alpine ELF stands in for one.
  it.for(['3.14', 'alpine'])("an ELF linking Alpine libraries (the userland's own curl) on %s gives exactly so:libcurl.so.4", async (python, ctx) => {
    const alpine = requireUserland(ctx);
    const generated = generateDockerfile(
      PROOF_PROJECTS.find((p) => p.name === 'no requirements')!,
      python,
    );
    alpine.reset();
    const extension = alpine.path(`opt/venv/lib/python${generated.pythonVersion}/site-packages/built_from_source`);
    mkdirSync(extension, { recursive: true });
    // The interpreter copy runs before this step on the python images (empty here: only the venv is under test).
    if (!findRuntime(python)!.system) mkdirSync(alpine.path('opt/python'), { recursive: true });
    copyFileSync(alpine.path('usr/bin/curl'), join(extension, '_native.so'));
    const step = extractRunScripts(generated.text).find((run) => run.script.includes(runtimeListPath(generated.text)))!;
    expect(await alpine.run([...step.shell, step.script])).toEqual({ exitCode: 0, stdout: '', stderr: '' });
    stats.scripts += 1;
    const lines = readRuntimeList(alpine, generated.text);
    // curl needs libcurl.so.4, libz.so.1 (in every base) and musl's libc (answered by musl).
    expect(lines).toEqual(['so:libcurl.so.4']);
    checkRuntimeList(lines, releaseImage(generated.text), alpine);
  });

  it('runs the pre-fix scanelf step over ruff and sees the bare so: and the libc name it wrote', async (ctx) => {
    const alpine = requireUserland(ctx);
    const project = PROOF_PROJECTS.find((p) => p.name === 'static ELF beside native wheels')!;
    let unpacked: string;
    try {
      unpacked = await unpackWheels({ requirements: project.requirements, python: '3.14', arch: 'x86_64' });
    } catch (error) {
      if (!isCi() && (await realIndexProblem()) !== null) return ctx.skip('index unreachable');
      throw error;
    }
    alpine.reset();
    layOutVenv(unpacked, alpine.path('opt/venv'), '3.14');
    // The step as generated before issue 10 (commit 93c2c36), kept verbatim as a control.
    const before = `scanelf --recursive --needed --nobanner --format '%n#p' /opt/venv     | tr ',' '\\n' | sort -u     | while read -r lib; do         if [ -z "$(find /opt/venv /usr/local/lib -name "$lib")" ]; then echo "so:$lib"; fi;       done > /opt/venv/.runtime-deps`;
    const result = await alpine.run(['/bin/ash', '-eo', 'pipefail', '-c', before]);
    expect(result.exitCode).toBe(0);
    expect(readFileSync(alpine.path('opt/venv/.runtime-deps'), 'utf8').split('\n')).toEqual(['so:', 'so:libc.musl-x86_64.so.1', '']);
    expect(relative(alpine.root, alpine.path('opt/venv/.runtime-deps'))).toBe('opt/venv/.runtime-deps');
  });

  it('a failing step fails: the userland runs ash with -e and pipefail for real', async (ctx) => {
    const alpine = requireUserland(ctx);
    expect((await alpine.run(['/bin/ash', '-eo', 'pipefail', '-c', 'false | true'])).exitCode).toBe(1);
    expect((await alpine.run(['/bin/ash', '-eo', 'pipefail', '-c', 'scanelf --version | head -n 1'])).stdout).toMatch(/^pax-utils-/);
  });
});
